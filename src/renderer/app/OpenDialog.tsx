import { useEffect, useState } from 'react';
import { Input, Label, Text, TextField } from 'react-aria-components';
import type { AssessmentSummary, RecentFile } from '../../shared/schemas/assessment';
import { api } from '../api';
import { FormDialog, useFormTask } from '../ui/FormDialog';
import { RecentList } from './RecentList';

/** Browser mode's "Open an assessment": a path field, plus the recent files. */
export function OpenDialog(props: {
  isOpen: boolean;
  recent: RecentFile[];
  onClose(): void;
  onOpened(summary: AssessmentSummary): void;
  onForget(path: string): void;
  /** Runs before the core switches files: writes what is still queued for the open one. */
  prepare(): Promise<void>;
  /** Offered the error when a file will not open; true when it has dealt with it (e.g. offered a backup). */
  onOpenFailed?(path: string, error: unknown): Promise<boolean>;
}) {
  const [path, setPath] = useState('');
  const { error, setError, busy, run } = useFormTask(props.isOpen);
  useEffect(() => {
    if (props.isOpen) setPath('');
  }, [props.isOpen]);

  const open = async (target: string) => {
    if (!target.trim()) {
      setError('Enter the full path of the assessment file.');
      return;
    }
    await run(async () => {
      await props.prepare();
      try {
        props.onOpened(await api['assessment-open']({ path: target.trim() }));
      } catch (e) {
        if (await props.onOpenFailed?.(target.trim(), e)) {
          props.onClose();
          return;
        }
        throw e;
      }
    });
  };

  return (
    <FormDialog
      title="Open an assessment"
      isOpen={props.isOpen}
      onClose={props.onClose}
      onSubmit={() => open(path)}
      error={error}
      busy={busy}
      submitLabel="Open"
      busyLabel="Opening…"
      size="medium"
      after={
        props.recent.length > 0 ? (
          <div className="dialog-recent">
            <h3 className="subheading">Recent assessments</h3>
            <RecentList recent={props.recent} onOpen={(p) => void open(p)} onForget={props.onForget} compact />
          </div>
        ) : null
      }
    >
      <TextField className="field" value={path} onChange={setPath} autoFocus isRequired>
        <Label>File path</Label>
        <Input className="input input-path" spellCheck={false} placeholder="/home/you/Documents/Anytown peer challenge.pcstudio" />
        <Text slot="description" className="field-hint">
          The full path of a .pcstudio file on this computer.
        </Text>
      </TextField>
    </FormDialog>
  );
}
