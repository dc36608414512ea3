import { useEffect, useRef, useState } from 'react';
import { Button, Form, Label, TextArea, TextField, Input, FileTrigger, Radio, RadioGroup } from 'react-aria-components';
import type { ImportPlan, Recommendation } from '../../shared/contracts/recommendations';
import { api, errorMessage, transport } from '../api';
import { AppDialog, ErrorMessage } from '../ui/Dialog';
import { recommendationsStore } from './recommendationsStore';
import { recordAdded } from './registerHistory';
import { resolveDuplicates, type DuplicateChoice } from './duplicateLabels';

/**
 * "Import recommendations": paste a list, or choose a feedback report (Word, PDF or text), see
 * what was recognised and any problems, and only then save. Nothing reaches the register until
 * the user presses "Add … to the register".
 *
 * A chosen report goes to the core by reference (`transport.fileRef`: a path in Electron, an
 * upload in browser mode) and is read there by the same function as `pcs recommendations import`
 * (`recommendations-import-plan-file`), so the page never parses Word or PDF itself.
 */
export function ImportRecommendationsDialog(props: { isOpen: boolean; onClose(): void; onImported(added: readonly Recommendation[]): void }) {
  const [source, setSource] = useState('Previous peer challenge');
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [plan, setPlan] = useState<(ImportPlan & { fileName?: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** What to do with labels used more than once, once the user has said (null: not yet). */
  const [duplicates, setDuplicates] = useState<DuplicateChoice | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!props.isOpen) return;
    setText('');
    setFileName(null);
    setPlan(null);
    setError(null);
    setBusy(false);
  }, [props.isOpen]);

  useEffect(() => {
    setDuplicates(null);
    if (plan) resultRef.current?.focus();
  }, [plan]);

  const read = async () => {
    setBusy(true);
    setError(null);
    try {
      setPlan(await api['recommendations-import-plan']({ source, text, from: 'paste' }));
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
        items: toAdd.map(({ label, text }) => ({ label, text })),
      });
      await recommendationsStore.reload();
      recordAdded(result.added, result.skipped.length);
      props.onImported(result.added);
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
    setError(null);
    if (!/\.(docx|pdf|txt|text|md)$/i.test(file.name)) {
      setError(`“${file.name}” is not a Word, PDF or text file. Choose a feedback report saved as .docx, .pdf or .txt, or paste the list.`);
      return;
    }
    if (!transport) {
      setError('Files cannot be chosen here. Paste the list instead.');
      return;
    }
    setBusy(true);
    setFileName(file.name);
    try {
      const ref = await transport.fileRef(file);
      const found = await api['recommendations-import-plan-file']({ source, file: ref, fileName: file.name });
      setPlan(found);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  // Repeated labels are the one problem the user can settle here, by choosing what happens.
  const onlyDuplicates = plan !== null && plan.problems.length > 0 && plan.problems.every((p) => p.code === 'duplicate-labels');
  const shown = plan ? (onlyDuplicates && duplicates ? resolveDuplicates(plan.items, duplicates) : plan.items) : [];
  const toAdd = shown.filter((i) => !i.existing);
  const canSave = plan !== null && toAdd.length > 0 && (plan.problems.length === 0 || (onlyDuplicates && duplicates !== null));

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
            onChange={setText}
          >
            <Label>Recommendations</Label>
            <TextArea className="input recs-paste" rows={8} placeholder={'A. Ensure …\nB. Develop …'} />
          </TextField>
          <p className="field-hint">
            Paste the list in any usual shape: “A. …”, “1) …”, “Recommendation 3: …” or bullets. Or choose the feedback report itself: the list
            under its recommendations heading is found for you to check.
          </p>
          <div className="recs-file-row">
            <FileTrigger
              acceptedFileTypes={['.docx', '.pdf', '.txt', '.md', 'text/plain', 'application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']}
              onSelect={(files) => void chooseFile(files)}
            >
              <Button className="button" isDisabled={busy}>
                Choose a report (Word, PDF or text)…
              </Button>
            </FileTrigger>
            {busy && fileName ? <span role="status">Reading “{fileName}”…</span> : null}
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
          {plan.fileName ? <p className="field-hint">Read from “{plan.fileName}”. Check the list before adding it.</p> : null}
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
          {onlyDuplicates ? (
            <RadioGroup className="field radio-group" value={duplicates} onChange={(value) => setDuplicates(value as DuplicateChoice)}>
              <Label>What should happen to the repeated labels?</Label>
              <Radio className="radio" value="number-repeats">
                <span className="radio-mark" aria-hidden="true" />
                <span>Keep them all, numbering the repeats (B, B2…)</span>
              </Radio>
              <Radio className="radio" value="keep-first">
                <span className="radio-mark" aria-hidden="true" />
                <span>Keep only the first with each label</span>
              </Radio>
            </RadioGroup>
          ) : null}
          {plan.items.length > 0 ? (
            // Scrolls when long (a report's list can run to 200): focusable, so the keyboard can scroll it.
            <ol className="recs-plan-list" aria-label="Recognised recommendations" tabIndex={0}>
              {shown.map((item, i) => (
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
