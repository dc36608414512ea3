import { useEffect, useRef, useState } from 'react';
import { Button, Form, Label, TextArea, TextField, Input, FileTrigger } from 'react-aria-components';
import type { ImportPlan } from '../../shared/contracts/recommendations';
import { api, errorMessage } from '../api';
import { AppDialog, ErrorMessage } from '../ui/Dialog';
import { recommendationsStore } from './recommendationsStore';

/**
 * "Import recommendations": paste a list (or choose a text file of a report), see what was
 * recognised and any problems, and only then save. Nothing reaches the register until the user
 * presses "Add … to the register".
 *
 * Word and PDF reports: `recommendations-import-plan` takes text, not a file reference, so this
 * dialog reads plain-text files itself and asks for Word and PDF reports to be pasted.
 */
export function ImportRecommendationsDialog(props: { isOpen: boolean; onClose(): void; onImported(count: number, skipped: number): void }) {
  const [source, setSource] = useState('Previous peer challenge');
  const [text, setText] = useState('');
  const [from, setFrom] = useState<'paste' | 'document'>('paste');
  const [fileName, setFileName] = useState<string | null>(null);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!props.isOpen) return;
    setText('');
    setFrom('paste');
    setFileName(null);
    setPlan(null);
    setError(null);
    setBusy(false);
  }, [props.isOpen]);

  useEffect(() => {
    if (plan) resultRef.current?.focus();
  }, [plan]);

  const read = async () => {
    setBusy(true);
    setError(null);
    try {
      setPlan(await api['recommendations-import-plan']({ source, text, from }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!plan) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api['recommendations-import-apply']({
        source: plan.source,
        items: plan.items.filter((i) => !i.existing).map(({ label, text }) => ({ label, text })),
      });
      await recommendationsStore.reload();
      props.onImported(result.added.length, result.skipped.length);
      props.onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const chooseFile = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setPlan(null);
    if (!/\.(txt|text|md)$/i.test(file.name) && file.type !== 'text/plain') {
      setError(`“${file.name}” is not a plain-text file. For a Word or PDF report, open it, copy the recommendations and paste them here.`);
      return;
    }
    if (file.size > 5_000_000) {
      setError(`“${file.name}” is too large to read for recommendations (over 5 MB).`);
      return;
    }
    setError(null);
    setText(await file.text());
    setFrom('document');
    setFileName(file.name);
  };

  const toAdd = plan ? plan.items.filter((i) => !i.existing) : [];
  const canSave = plan !== null && plan.problems.length === 0 && toAdd.length > 0;

  return (
    <AppDialog title="Import recommendations" isOpen={props.isOpen} onOpenChange={(open) => !open && props.onClose()} size="medium">
      {plan === null ? (
        <Form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void read();
          }}
        >
          <TextField className="field" value={source} onChange={setSource} isRequired>
            <Label>Where they come from</Label>
            <Input className="input" />
          </TextField>
          <TextField
            className="field"
            value={text}
            onChange={(value) => {
              setText(value);
              setFrom(fileName ? 'document' : 'paste');
            }}
          >
            <Label>Recommendations</Label>
            <TextArea className="input recs-paste" rows={8} placeholder={'A. Ensure …\nB. Develop …'} />
          </TextField>
          <p className="field-hint">
            Paste the list in any usual shape: “A. …”, “1) …”, “Recommendation 3: …” or bullets. For a Word or PDF report, copy the recommendations
            part and paste it here.
          </p>
          <div className="recs-file-row">
            <FileTrigger acceptedFileTypes={['.txt', 'text/plain']} onSelect={(files) => void chooseFile(files)}>
              <Button className="button">Choose a text file…</Button>
            </FileTrigger>
            {fileName ? <span>Read from “{fileName}”: only a list under a recommendations heading counts.</span> : null}
          </div>
          <ErrorMessage message={error} />
          <div className="dialog-actions">
            <Button className="button" onPress={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" className="button button-primary" isDisabled={busy}>
              Find recommendations
            </Button>
          </div>
        </Form>
      ) : (
        <div className="form">
          <h3 className="recs-plan-heading" tabIndex={-1} ref={resultRef}>
            {plan.items.length === 0
              ? 'No recommendations were recognised'
              : `Recognised ${plan.items.length} recommendation${plan.items.length === 1 ? '' : 's'}${plan.heading ? ` under “${plan.heading}”` : ''}`}
          </h3>
          {plan.problems.length > 0 ? (
            <div role="alert" className="error-box">
              <span className="error-icon" aria-hidden="true">
                !
              </span>
              <div>
                {plan.problems.map((p) => (
                  <p key={p.code}>{p.message}</p>
                ))}
                <p>Nothing has been saved.</p>
              </div>
            </div>
          ) : null}
          {plan.items.length > 0 ? (
            <ol className="recs-plan-list" aria-label="Recognised recommendations">
              {plan.items.map((item, i) => (
                <li key={`${item.label}-${i}`}>
                  <strong>{item.label}.</strong> {item.text}
                  {item.existing ? <em> — already in the register; left as it is</em> : null}
                </li>
              ))}
            </ol>
          ) : null}
          <ErrorMessage message={error} />
          <div className="dialog-actions">
            <Button className="button" onPress={() => setPlan(null)}>
              Back
            </Button>
            <Button className="button button-primary" isDisabled={!canSave || busy} onPress={() => void apply()}>
              {`Add ${toAdd.length} to the register`}
            </Button>
          </div>
        </div>
      )}
    </AppDialog>
  );
}
