import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { errorMessage } from '../api';
import type { AutoSaver, SaveProblem } from './autosave';
import { plainTextOf } from './plainText';
import './saveProblem.css';

/**
 * Says, for as long as it is true, that some text is not in the file and why, with a way out
 * that keeps the text: reopen this tab's assessment and save there, or download the text.
 * It stays until the text is saved (never a toast that fades while the work is at risk).
 */
export function SaveProblemBanner(props: {
  saver: AutoSaver;
  fileName: string;
  /** Reopens this tab's assessment (another tab replaced it); resolves once it is open. */
  onReopen(): Promise<void>;
}) {
  const { saver } = props;
  const [problem, setProblem] = useState<SaveProblem | null>(saver.getProblem());
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  useEffect(() => {
    setProblem(saver.getProblem());
    return saver.subscribe(() => setProblem(saver.getProblem()));
  }, [saver]);

  if (!problem) return null;

  const reopen = async () => {
    setBusy(true);
    setActionError(null);
    try {
      await props.onReopen();
      await saver.retryHeld();
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const download = () => {
    const text = saver
      .heldTexts()
      .map((held) => plainTextOf(held.content))
      .join('\n\n');
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${props.fileName.replace(/\.pcstudio$/i, '')} - unsaved text.txt`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const heading = problem.kind === 'retrying' ? 'Your latest changes are not saved yet' : 'Your latest changes are not saved';
  return (
    <div className="save-problem" role="alert">
      <p className="save-problem-title">{heading}</p>
      <p>{problem.message}</p>
      {problem.kind === 'assessment-changed' || problem.kind === 'refused' ? (
        <p>Your text is kept in this tab until it is saved.</p>
      ) : problem.kind === 'stale' ? (
        <p>The section now shows the newer text. Your change is kept in this tab: download it to copy anything back.</p>
      ) : null}
      {actionError ? <p className="save-problem-error">{actionError}</p> : null}
      {problem.kind !== 'retrying' ? (
        <div className="save-problem-actions">
          {problem.kind === 'assessment-changed' ? (
            <Button className="button button-primary" isDisabled={busy} onPress={() => void reopen()}>
              Reopen and save
            </Button>
          ) : null}
          <Button className="button button-secondary" onPress={download}>
            Download my text
          </Button>
          {problem.kind === 'stale' ? (
            <Button className="button button-secondary" onPress={() => saver.discardHeld()}>
              Keep the newer text
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
