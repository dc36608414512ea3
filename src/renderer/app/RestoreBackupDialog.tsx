import { useEffect, useState } from 'react';
import { Button, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import type { AssessmentSummary } from '../../shared/schemas/assessment';
import type { BackupInfo } from '../../shared/schemas/backup';
import { api, errorMessage } from '../api';
import { AppDialog, ErrorMessage } from '../ui/Dialog';
import { FormDialog, useFormTask } from '../ui/FormDialog';

/** "Mon 23 Nov 2026, 14:10", in the computer's time zone. */
export function formatBackupTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const weekday = d.toLocaleDateString('en-GB', { weekday: 'short' });
  const month = d.toLocaleDateString('en-GB', { month: 'short' });
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return `${weekday} ${d.getDate()} ${month} ${d.getFullYear()}, ${time}`;
}

export function formatWords(n: number): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? 'word' : 'words'}`;
}

/** What restoring does, said the same way wherever a restore is offered. */
const RESTORE_EXPLAINED =
  'Restoring makes a new file beside this one, named with the backup’s time, and opens it. This file is not changed.';

/**
 * File › Restore from backup…: the open assessment's automatic backups, newest first, with the
 * time and word count of each; the chosen one is restored as a new file and opened.
 */
export function RestoreBackupDialog(props: {
  isOpen: boolean;
  onClose(): void;
  onRestored(summary: AssessmentSummary, backup: BackupInfo): void;
  /** Runs before the core switches files: writes what is still queued for the open one. */
  prepare(): Promise<void>;
}) {
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [chosen, setChosen] = useState<string>('');
  const { error, setError, busy, run } = useFormTask(props.isOpen);

  useEffect(() => {
    if (!props.isOpen) return;
    let live = true;
    setBackups(null);
    (async () => {
      try {
        // Edits still queued are part of "now", not of any backup: write them first.
        await props.prepare();
        const list = await api['backups-list']({});
        if (!live) return;
        setBackups(list);
        setChosen(list[0]?.id ?? '');
      } catch (e) {
        if (live) {
          setBackups([]);
          setError(errorMessage(e));
        }
      }
    })();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load the list once each time the dialog opens, not whenever the parent passes a new prepare().
  }, [props.isOpen]);

  const restore = () =>
    run(async () => {
      const backup = backups?.find((b) => b.id === chosen);
      if (!backup) {
        setError('Choose a backup to restore.');
        return;
      }
      await props.prepare();
      const summary = await api['backup-restore']({ id: backup.id });
      props.onRestored(summary, backup);
    });

  const empty = backups !== null && backups.length === 0;
  return (
    <FormDialog
      title="Restore from backup"
      isOpen={props.isOpen}
      onClose={props.onClose}
      onSubmit={restore}
      error={error}
      busy={busy || backups === null}
      submitLabel={empty ? null : 'Restore'}
      busyLabel={busy ? 'Restoring…' : undefined}
      cancelLabel={empty ? 'Close' : 'Cancel'}
      size="medium"
    >
      {backups === null ? (
        <p className="muted" role="status">
          Finding backups…
        </p>
      ) : empty ? (
        <p>
          There are no backups of this assessment yet. Peer Challenge Studio makes one after every 10 minutes of
          editing, and when you close the assessment.
        </p>
      ) : (
        <RadioGroup className="field radio-group" value={chosen} onChange={setChosen}>
          <Label>Choose a backup</Label>
          <Text slot="description" className="field-hint">
            Copies are kept every 10 minutes of editing for a day, then one a day for a fortnight. {RESTORE_EXPLAINED}
          </Text>
          <div className="backup-list">
            {backups.map((b, i) => (
              <Radio key={b.id} className="radio" value={b.id} autoFocus={i === 0}>
                <span className="radio-mark" aria-hidden="true" />
                <span>
                  <span className="radio-title">{formatBackupTime(b.createdAt)}</span>
                  <span className="radio-hint">
                    {formatWords(b.wordCount)}
                    {b.fileName ? ` · ${b.fileName}` : ''}
                  </span>
                </span>
              </Radio>
            ))}
          </div>
        </RadioGroup>
      )}
    </FormDialog>
  );
}

/**
 * Shown when a file will not open because it is damaged and a backup of it exists: offers to
 * restore the newest backup beside it.
 */
export function DamagedFileDialog(props: {
  offer: { path: string; message: string; latest: BackupInfo } | null;
  onClose(): void;
  onRestored(summary: AssessmentSummary, backup: BackupInfo): void;
}) {
  const { offer } = props;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setError(null);
    setBusy(false);
  }, [offer]);

  const restore = async () => {
    if (!offer) return;
    setBusy(true);
    setError(null);
    try {
      const summary = await api['backup-restore']({ id: offer.latest.id, path: offer.path });
      props.onRestored(summary, offer.latest);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppDialog title="This assessment cannot be opened" isOpen={offer !== null} onOpenChange={(o) => !o && props.onClose()} role="alertdialog" size="medium">
      {offer ? (
        <div className="form">
          <p>{offer.message}</p>
          <p>
            The latest good backup is from <strong>{formatBackupTime(offer.latest.createdAt)}</strong> (
            {formatWords(offer.latest.wordCount)}). Restoring it makes a new file beside the damaged one and opens it;
            the damaged file is left as it is.
          </p>
          <ErrorMessage message={error} />
          <div className="dialog-actions">
            <span className="spacer" />
            <Button className="button button-secondary" onPress={props.onClose}>
              Not now
            </Button>
            <Button className="button button-primary" onPress={() => void restore()} isDisabled={busy} autoFocus>
              {busy ? 'Restoring…' : 'Restore the latest good backup'}
            </Button>
          </div>
        </div>
      ) : null}
    </AppDialog>
  );
}
