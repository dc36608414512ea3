import { useEffect, useState, type ReactNode } from 'react';
import { Button, Form } from 'react-aria-components';
import { errorMessage } from '../api/ApiError';
import { AppDialog, ErrorMessage } from './Dialog';

/**
 * A form dialog's error and busy state, cleared each time it opens. `run` marks the form busy
 * while a task runs and shows what the task throws, in plain words, in the dialog's alert.
 */
export function useFormTask(isOpen: boolean) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!isOpen) return;
    setError(null);
    setBusy(false);
  }, [isOpen]);
  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, run };
}

/**
 * A modal dialog holding one form: its title, its fields, an alert for errors, and a footer with
 * an optional extra action on the left, then Cancel and the primary (submit) button. Enter in a
 * field submits; the primary button is disabled while `busy`.
 */
export function FormDialog(props: {
  title: string;
  isOpen: boolean;
  onClose(): void;
  onSubmit(): void | Promise<void>;
  error: string | null;
  /** The primary button's label; null for no primary button. */
  submitLabel: string | null;
  /** Shown on the primary button while busy, instead of `submitLabel`. */
  busyLabel?: string;
  busy?: boolean;
  /** The footer's Cancel button; null for none (a running job's own Cancel is the way out). */
  cancelLabel?: string | null;
  /** A quieter action at the left of the footer ("Remove target"). */
  extraAction?: ReactNode;
  /** Anything after the form, still inside the dialog. */
  after?: ReactNode;
  size?: 'small' | 'medium';
  children: ReactNode;
}) {
  const busy = props.busy ?? false;
  // An error is about what was submitted: once the user changes any field it no longer describes
  // the form, so it goes until the next submit shows a new one.
  const [editedSinceError, setEditedSinceError] = useState(false);
  useEffect(() => setEditedSinceError(false), [props.error]);
  return (
    <AppDialog title={props.title} isOpen={props.isOpen} onOpenChange={(o) => !o && props.onClose()} size={props.size}>
      <Form
        validationBehavior="aria"
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          setEditedSinceError(false);
          void props.onSubmit();
        }}
      >
        {/* `display: contents`: a place to hear the fields' input events that leaves the form's layout alone. */}
        <div style={{ display: 'contents' }} onInput={() => setEditedSinceError(true)}>
          {props.children}
        </div>
        <ErrorMessage message={editedSinceError ? null : props.error} />
        <div className="dialog-actions">
          {props.extraAction}
          <span className="spacer" />
          {props.cancelLabel === null ? null : (
            <Button className="button button-secondary" onPress={props.onClose}>
              {props.cancelLabel ?? 'Cancel'}
            </Button>
          )}
          {props.submitLabel === null ? null : (
            <Button className="button button-primary" type="submit" isDisabled={busy}>
              {busy && props.busyLabel ? props.busyLabel : props.submitLabel}
            </Button>
          )}
        </div>
      </Form>
      {props.after}
    </AppDialog>
  );
}
