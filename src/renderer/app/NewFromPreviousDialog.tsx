import { useEffect, useState } from 'react';
import { Button, Input, Label, Text, TextField } from 'react-aria-components';
import type { AppInfo } from '../../shared/contract';
import type { AssessmentSummary } from '../../shared/schemas/assessment';
import { api, errorMessage } from '../api';
import { FormDialog, useFormTask } from '../ui/FormDialog';
import { CouncilNameField } from './CouncilNameField';
import { useNewFileTarget } from './useNewFileTarget';
import { SaveAsField } from './SaveAsField';
import { VisitDateField } from './VisitDateField';

/**
 * "New assessment from a previous one": last time's file, the council and where to save. The core
 * (`import-previous-assessment`) copies the structure, text, evidence library and recommendations.
 */
export function NewFromPreviousDialog(props: {
  isOpen: boolean;
  appInfo: AppInfo;
  onClose(): void;
  onCreated(summary: AssessmentSummary): void;
  /** Runs before the core switches files: writes what is still queued for the open one. */
  prepare(): Promise<void>;
}) {
  const [previous, setPrevious] = useState('');
  const [visitDate, setVisitDate] = useState('');
  const { error, setError, busy, run } = useFormTask(props.isOpen);
  const { council, onCouncilChange, resolveTarget, saveAs } = useNewFileTarget(props.isOpen, props.appInfo, setError);
  const native = props.appInfo.nativeDialogs;

  useEffect(() => {
    if (!props.isOpen) return;
    setPrevious('');
    setVisitDate('');
  }, [props.isOpen]);

  const choosePrevious = async () => {
    try {
      const chosen = await api['dialog-choose-open-file']({});
      if (chosen) setPrevious(chosen);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const submit = async () => {
    if (!previous.trim()) {
      setError('Choose the previous assessment file.');
      return;
    }
    if (!council.trim()) {
      setError('Enter the name of the council.');
      return;
    }
    const target = await resolveTarget();
    if (!target) {
      setError('Choose where to save the new file.');
      return;
    }
    await run(async () => {
      await props.prepare();
      const summary = await api['import-previous-assessment']({
        previousPath: previous.trim(),
        path: target,
        councilName: council.trim(),
        visitDate: visitDate || null,
      });
      props.onCreated(summary);
    });
  };

  return (
    <FormDialog
      title="New assessment from a previous one"
      isOpen={props.isOpen}
      onClose={props.onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
      submitLabel="Create assessment"
      busyLabel="Creating…"
      size="medium"
    >
      <p className="dialog-intro">
        Starts a new statement from last time’s: the sections and their text, the evidence library and the earlier
        recommendations (their statuses start again at Not started).
      </p>
      {native ? (
        <div className="field">
          <span className="label" id="previous-file-label">
            Previous assessment
          </span>
          <div className="path-choose">
            <span className="path-value" aria-labelledby="previous-file-label" id="previous-file-value">
              {previous || 'Not chosen yet'}
            </span>
            <Button className="button button-secondary" onPress={() => void choosePrevious()} aria-describedby="previous-file-value">
              Choose…
            </Button>
          </div>
        </div>
      ) : (
        <TextField className="field" value={previous} onChange={setPrevious} autoFocus isRequired>
          <Label>Previous assessment</Label>
          <Input className="input input-path" spellCheck={false} />
          <Text slot="description" className="field-hint">
            The full path of last time’s .pcstudio file. It is left as it is.
          </Text>
        </TextField>
      )}
      <CouncilNameField value={council} onChange={onCouncilChange} autoFocus={native} />
      <VisitDateField value={visitDate} onChange={setVisitDate} />
      <SaveAsField idPrefix="from-previous-save" {...saveAs} />
    </FormDialog>
  );
}
