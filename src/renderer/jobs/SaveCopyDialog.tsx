import { useEffect, useState } from 'react';
import { Input, Label, Text, TextField } from 'react-aria-components';
import type { AssessmentSummary } from '../../shared/schemas/assessment';
import { FormDialog } from '../ui/FormDialog';
import { JobProgress } from './JobProgress';
import { useJob } from './useJob';

/** The folder part of a path, whichever separator the computer uses. */
function folderOf(filePath: string): string {
  const cut = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  return cut >= 0 ? filePath.slice(0, cut + 1) : '';
}

function defaultName(summary: AssessmentSummary): string {
  return `${summary.fileName.replace(/\.pcstudio$/i, '')} (clean copy)`;
}

/**
 * "Save a clean copy…": a compact copy of the open assessment, beside it, without the recently
 * deleted sections or any trace of deleted text: one to send to someone. Runs as a job, with a
 * progress bar and Cancel; cancelling leaves the open file exactly as it was and no copy behind.
 */
export function SaveCopyDialog(props: { isOpen: boolean; summary: AssessmentSummary; onClose(): void; prepare(): Promise<void> }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const job = useJob('assessment-save-copy');
  const { reset } = job;
  useEffect(() => {
    if (!props.isOpen) return;
    setName(defaultName(props.summary));
    setError(null);
    setCancelling(false);
    reset();
  }, [props.isOpen, props.summary, reset]);

  const { view } = job;
  const working = view.state === 'queued' || view.state === 'running';
  const finished = view.state === 'done' || view.state === 'cancelled';
  useEffect(() => {
    if (view.state === 'failed') setError(view.message);
    if (!working) setCancelling(false);
  }, [view, working]);

  const submit = async () => {
    if (finished) return props.onClose();
    const trimmed = name.trim();
    if (!trimmed) return setError('Give the copy a name.');
    setError(null);
    // The last keystrokes go into the copy too.
    await props.prepare();
    await job.start({ path: /^([a-zA-Z]:)?[\\/]/.test(trimmed) ? trimmed : folderOf(props.summary.path) + trimmed });
  };

  return (
    <FormDialog
      title="Save a clean copy"
      isOpen={props.isOpen}
      onClose={() => {
        // Closing the dialog while the copy is being made stops it: nothing is left half-done.
        if (working) void job.cancel();
        props.onClose();
      }}
      onSubmit={submit}
      error={error}
      busy={working}
      submitLabel={finished || working ? null : 'Save copy'}
      cancelLabel={finished ? 'Close' : working ? 'Stop and close' : 'Cancel'}
      size="medium"
    >
      <p className="dialog-intro">
        Makes a compact copy of this assessment in a new file, leaving out recently deleted sections and every trace of deleted
        text, so you can send it to someone. This file stays as it is.
      </p>
      <TextField className="field" value={name} onChange={setName} autoFocus isRequired isDisabled={working || finished} maxLength={255}>
        <Label>Name of the copy</Label>
        <Input className="input" />
        <Text slot="description" className="field-hint">
          Saved in the same folder as this assessment.
        </Text>
      </TextField>
      {working ? (
        <JobProgress
          label="Saving a clean copy"
          progress={view.progress}
          cancelling={cancelling}
          onCancel={() => {
            setCancelling(true);
            void job.cancel();
          }}
        />
      ) : null}
      {view.state === 'done' ? (
        <p className="job-outcome" role="status">
          Saved a clean copy as “{view.result.path}”.
        </p>
      ) : null}
      {view.state === 'cancelled' ? (
        <p className="job-outcome" role="status">
          Cancelled. No copy was made, and this assessment was not changed.
        </p>
      ) : null}
    </FormDialog>
  );
}
