import { useEffect, useState } from 'react';
import { Button, Form, Input, Label, Text, TextField } from 'react-aria-components';
import type { AssessmentSummary, RecentFile } from '../../shared/schemas/assessment';
import { api, errorMessage } from '../api';
import { AppDialog, ErrorMessage } from '../ui/Dialog';
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
}) {
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (props.isOpen) {
      setPath('');
      setError(null);
      setBusy(false);
    }
  }, [props.isOpen]);

  const open = async (target: string) => {
    if (!target.trim()) {
      setError('Enter the full path of the assessment file.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.prepare();
      props.onOpened(await api['assessment-open']({ path: target.trim() }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppDialog title="Open an assessment" isOpen={props.isOpen} onOpenChange={(o) => !o && props.onClose()} size="medium">
      <Form
        validationBehavior="aria"
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void open(path);
        }}
      >
        <TextField className="field" value={path} onChange={setPath} autoFocus isRequired>
          <Label>File path</Label>
          <Input className="input input-path" spellCheck={false} placeholder="/home/you/Documents/Anytown peer challenge.pcstudio" />
          <Text slot="description" className="field-hint">
            The full path of a .pcstudio file on this computer.
          </Text>
        </TextField>
        <ErrorMessage message={error} />
        <div className="dialog-actions">
          <span className="spacer" />
          <Button className="button button-secondary" onPress={props.onClose}>
            Cancel
          </Button>
          <Button className="button button-primary" type="submit" isDisabled={busy}>
            {busy ? 'Opening…' : 'Open'}
          </Button>
        </div>
      </Form>
      {props.recent.length > 0 ? (
        <div className="dialog-recent">
          <h3 className="subheading">Recent assessments</h3>
          <RecentList recent={props.recent} onOpen={(p) => void open(p)} onForget={props.onForget} compact />
        </div>
      ) : null}
    </AppDialog>
  );
}
