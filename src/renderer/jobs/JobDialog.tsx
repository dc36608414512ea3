import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { JobKind } from '../../shared/contracts/jobs';
import { FormDialog } from '../ui/FormDialog';
import { JobProgress } from './JobProgress';
import { useJob } from './useJob';

/**
 * A dialog that runs one job: the job of `kind`, made fresh each time the dialog opens, with
 * where it is in its life (`working`, `finished`), Cancel that shows "Cancelling…" until the job
 * stops, and a failed job's message handed to `onFailed` (the dialog's own error line).
 */
export function useJobDialog<K extends JobKind>(kind: K, isOpen: boolean, onFailed: (message: string) => void) {
  const job = useJob(kind);
  const { view, reset, cancel: cancelJob } = job;
  const [cancelling, setCancelling] = useState(false);
  // The latest onFailed, without making every render's new function re-run the effect below.
  const failed = useRef(onFailed);
  useEffect(() => {
    failed.current = onFailed;
  }, [onFailed]);
  useEffect(() => {
    if (!isOpen) return;
    setCancelling(false);
    reset();
  }, [isOpen, reset]);

  const working = view.state === 'queued' || view.state === 'running';
  const finished = view.state === 'done' || view.state === 'cancelled';
  useEffect(() => {
    if (view.state === 'failed') failed.current(view.message);
    if (!working) setCancelling(false);
  }, [view, working]);

  const cancel = useCallback(() => {
    setCancelling(true);
    void cancelJob();
  }, [cancelJob]);

  return { ...job, working, finished, cancelling, cancel };
}

export type JobDialogState = Pick<ReturnType<typeof useJobDialog>, 'view' | 'working' | 'finished' | 'cancelling' | 'cancel'>;

/**
 * The one shape of every job dialog: choose (the children, and the primary button), then a
 * progress bar with Cancel while the job runs (the only button then), then what came of it
 * (`outcome` when done, the `cancelledMessage` when cancelled, a failure in the error line) with
 * Close. Closing the dialog while the job runs (Escape) stops it, so nothing is left half-done.
 */
export function JobDialog(props: {
  job: JobDialogState;
  title: string;
  isOpen: boolean;
  onClose(): void;
  /** Starts the job (or a step before it); only called before the job has finished. */
  onSubmit(): void | Promise<void>;
  error: string | null;
  /** The primary button while choosing; null for none yet. */
  submitLabel: string | null;
  /** Busy for a reason of the dialog's own (reading a file), besides the job running. */
  busy?: boolean;
  /** The progress bar's label ("Exporting to Word"). */
  progressLabel: string;
  /** What a finished job made, shown when it is done. */
  outcome?: ReactNode;
  cancelledMessage: string;
  extraAction?: ReactNode;
  size?: 'small' | 'medium';
  children: ReactNode;
}) {
  const { job } = props;
  const anchor = useRef<HTMLSpanElement>(null);
  const wasWorking = useRef(false);
  useEffect(() => {
    const changed = wasWorking.current !== job.working;
    wasWorking.current = job.working;
    if (!changed) return;
    // The button pressed goes when the job starts (Export) or stops (the progress bar's Cancel),
    // and with it the focus, out of the dialog where Escape no longer reaches it: put it on the
    // one button there is then (Cancel while it runs; Close, or Cancel after a failure) so the
    // keyboard and a screen reader carry on. Focus still on something in the dialog stays put.
    const target = job.working ? '.job-progress .button' : '.dialog-actions .button-secondary';
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      const dialog = anchor.current?.closest<HTMLElement>('[role="dialog"]');
      const active = document.activeElement;
      if (!dialog || (active && active !== document.body && dialog.contains(active))) return;
      const button = dialog.querySelector<HTMLElement>(target);
      if (button) button.focus();
      else if (++tries < 30) frame = requestAnimationFrame(attempt); // a queued job shows its bar a moment later
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [job.working]);
  return (
    <FormDialog
      title={props.title}
      isOpen={props.isOpen}
      onClose={() => {
        if (job.working) job.cancel();
        props.onClose();
      }}
      onSubmit={() => (job.finished ? props.onClose() : props.onSubmit())}
      error={props.error}
      busy={job.working || (props.busy ?? false)}
      submitLabel={job.finished || job.working ? null : props.submitLabel}
      // While it runs, the progress bar's Cancel is the one way to stop it (Escape too, which
      // also closes): a second "Stop and close" beside it only made the choice unclear.
      cancelLabel={job.finished ? 'Close' : job.working ? null : 'Cancel'}
      size={props.size ?? 'medium'}
      extraAction={props.extraAction}
    >
      <span ref={anchor} hidden />
      {props.children}
      {job.working && job.view.state !== 'idle' && 'progress' in job.view ? (
        <JobProgress label={props.progressLabel} progress={job.view.progress} cancelling={job.cancelling} onCancel={job.cancel} />
      ) : null}
      {job.view.state === 'done' ? props.outcome : null}
      {job.view.state === 'cancelled' ? (
        <p className="job-outcome" role="status">
          {props.cancelledMessage}
        </p>
      ) : null}
    </FormDialog>
  );
}
