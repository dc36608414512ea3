import { useEffect, useState } from 'react';
import { Button, Form, Input, Label, TextArea, TextField } from 'react-aria-components';
import type { Recommendation } from '../../shared/contracts/recommendations';
import { api } from '../api';
import { useFormTask } from '../ui/FormDialog';
import { AppDialog, ErrorMessage } from '../ui/Dialog';
import { recommendationsStore } from './recommendationsStore';

/** "Add recommendation": one by hand, with where it came from, its label and its words. */
export function AddRecommendationDialog(props: { isOpen: boolean; onClose(): void; onAdded(rec: Recommendation): void }) {
  const [source, setSource] = useState('Previous peer challenge');
  const [label, setLabel] = useState('');
  const [text, setText] = useState('');
  const { error, busy, run } = useFormTask(props.isOpen);
  useEffect(() => {
    if (!props.isOpen) return;
    setLabel('');
    setText('');
  }, [props.isOpen]);
  return (
    <AppDialog title="Add recommendation" isOpen={props.isOpen} onOpenChange={(open) => !open && props.onClose()} size="medium">
      <Form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const rec = await api['recommendation-add']({ source, label, text });
            recommendationsStore.put(rec);
            props.onAdded(rec);
            props.onClose();
          });
        }}
      >
        <TextField className="field" value={source} onChange={setSource} isRequired>
          <Label>Where it comes from</Label>
          <Input className="input" />
        </TextField>
        <TextField className="field" value={label} onChange={setLabel} isRequired autoFocus>
          <Label>Label</Label>
          <Input className="input input-short" />
        </TextField>
        <TextField className="field" value={text} onChange={setText} isRequired>
          <Label>Recommendation</Label>
          <TextArea className="input" rows={4} />
        </TextField>
        <ErrorMessage message={error} />
        <div className="dialog-actions">
          <Button className="button" onPress={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" className="button button-primary" isDisabled={busy}>
            Add recommendation
          </Button>
        </div>
      </Form>
    </AppDialog>
  );
}
