import { useEffect, useState } from 'react';
import { Input, Label, TextField } from 'react-aria-components';
import { api } from '../api';
import { FormDialog, useFormTask } from '../ui/FormDialog';
import { refreshEvidence } from './evidenceStore';

/** A web page as evidence: its title, address and the date it was seen (today unless changed). */
export function AddLinkDialog(props: { isOpen: boolean; onClose(): void }) {
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [date, setDate] = useState('');
  const task = useFormTask(props.isOpen);
  useEffect(() => {
    if (!props.isOpen) return;
    setTitle('');
    setUrl('');
    setDate(new Date().toISOString().slice(0, 10));
  }, [props.isOpen]);
  return (
    <FormDialog
      title="Add a web link"
      isOpen={props.isOpen}
      onClose={props.onClose}
      error={task.error}
      busy={task.busy}
      submitLabel="Add link"
      onSubmit={() =>
        task.run(async () => {
          await api['evidence-add-link']({ title, url, date: date.trim() || null });
          await refreshEvidence();
          props.onClose();
        })
      }
    >
      <TextField className="field" value={title} onChange={setTitle} autoFocus isRequired maxLength={300}>
        <Label>Title</Label>
        <Input className="input" />
      </TextField>
      <TextField className="field" value={url} onChange={setUrl} isRequired type="url">
        <Label>Web address</Label>
        <Input className="input" placeholder="https://" />
      </TextField>
      <TextField className="field" value={date} onChange={setDate}>
        <Label>Date seen (yyyy-mm-dd)</Label>
        <Input className="input" />
      </TextField>
    </FormDialog>
  );
}
