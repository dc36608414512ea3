import { useEffect, useState } from 'react';
import { formatWords, targetStatus, TARGET_STATUS_LABELS } from '../binder/tree';
import type { AutoSaver, SaveStatus } from '../save/autosave';
import { Icon } from '../ui/Icons';
import { TargetMark } from '../ui/TargetMark';

/** Under the editor: the section's and the statement's words against their targets, and the save status. */
export function StatusBar(props: {
  saver: AutoSaver;
  sectionWords: number;
  sectionTarget: number | null;
  totalWords: number;
  totalTarget: number | null;
}) {
  const { saver } = props;
  const [saveStatus, setSaveStatus] = useState<SaveStatus>(saver.getStatus());
  useEffect(() => saver.subscribe(setSaveStatus), [saver]);
  const saveLabel =
    saveStatus === 'blocked'
      ? 'Not saved'
      : saveStatus === 'error'
        ? 'Not saved yet — retrying'
        : saveStatus === 'saving' || saveStatus === 'pending'
          ? 'Saving…'
          : 'Saved';
  const problem = saveStatus === 'error' || saveStatus === 'blocked';
  return (
    <footer className="status-bar">
      <WordsStatus words={props.sectionWords} target={props.sectionTarget} where="in this section" />
      <span className="status-sep" aria-hidden="true">
        ·
      </span>
      <WordsStatus words={props.totalWords} target={props.totalTarget} where="in the statement" />
      <span className="spacer" />
      <span
        className={`save-status save-${problem ? 'error' : saveStatus}`}
        role="status"
        aria-live="polite"
        title={problem ? saver.getLastError() : 'Your changes are saved automatically'}
      >
        {problem ? <Icon name="warning" size={14} /> : saveStatus === 'saved' ? <Icon name="check" size={14} /> : null}
        {saveLabel}
      </span>
    </footer>
  );
}

/** "12 / 4,000 words in this section, under target", with a mark that is not colour alone. */
function WordsStatus(props: { words: number; target: number | null; where: string }) {
  const { words, target } = props;
  const status = targetStatus(words, target);
  if (!target || !status) return <span>{`${formatWords(words)} ${props.where}`}</span>;
  return (
    <span className={`words-status count-${status}`}>
      {`${words.toLocaleString('en-GB')} / ${target.toLocaleString('en-GB')} words ${props.where}`}
      <span className="words-status-flag">
        <span className="visually-hidden">, </span>
        <TargetMark status={status} />
        {TARGET_STATUS_LABELS[status]}
      </span>
    </span>
  );
}
