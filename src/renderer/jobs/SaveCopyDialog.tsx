import { useEffect, useState } from 'react';
import { Input, Label, Text, TextField } from 'react-aria-components';
import type { AssessmentSummary } from '../../shared/schemas/assessment';
import { JobDialog, useJobDialog } from './JobDialog';

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
  const job = useJobDialog('assessment-save-copy', props.isOpen, setError);
  useEffect(() => {
    if (!props.isOpen) return;
    setName(defaultName(props.summary));
    setError(null);
  }, [props.isOpen, props.summary]);

  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed) return setError('Give the copy a name.');
    setError(null);
    // The last keystrokes go into the copy too.
    await props.prepare();
    await job.start({ path: /^([a-zA-Z]:)?[\\/]/.test(trimmed) ? trimmed : folderOf(props.summary.path) + trimmed });
  };

  return (
    <JobDialog
      job={job}
      title="Save a clean copy"
      isOpen={props.isOpen}
      onClose={props.onClose}
      onSubmit={submit}
      error={error}
      submitLabel="Save copy"
      progressLabel="Saving a clean copy"
      cancelledMessage="Cancelled. No copy was made, and this assessment was not changed."
      outcome={
        job.view.state === 'done' ? (
          <p className="job-outcome" role="status">
            Saved a clean copy as “{job.view.result.path}”.
          </p>
        ) : null
      }
    >
      <p className="dialog-intro">
        Makes a compact copy of this assessment in a new file, leaving out recently deleted sections and every trace of deleted
        text, so you can send it to someone. This file stays as it is.
      </p>
      <TextField className="field" value={name} onChange={setName} autoFocus isRequired isDisabled={job.working || job.finished} maxLength={255}>
        <Label>Name of the copy</Label>
        <Input className="input" />
        <Text slot="description" className="field-hint">
          Saved in the same folder as this assessment.
        </Text>
      </TextField>
    </JobDialog>
  );
}
