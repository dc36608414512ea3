import { useEffect, useState } from 'react';
import { Button, Form, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import type { TemplateInfo } from '../../shared/schemas/template';
import { api, errorMessage } from '../api';
import { AppDialog, ErrorMessage } from '../ui/Dialog';

/**
 * "Save as template…": the open statement's structure (sections, word targets, guidance; none of
 * the writing) as a template in the templates folder, offered next time an assessment is created.
 */
export function SaveTemplateDialog(props: { isOpen: boolean; onClose(): void; onSaved(template: TemplateInfo): void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!props.isOpen) return;
    setName('');
    setDescription('');
    setError(null);
    setBusy(false);
  }, [props.isOpen]);

  return (
    <AppDialog title="Save as a template" isOpen={props.isOpen} onOpenChange={(o) => !o && props.onClose()} size="medium">
      <Form
        validationBehavior="aria"
        className="form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!name.trim()) {
            setError('Give the template a name.');
            return;
          }
          setBusy(true);
          setError(null);
          try {
            const saved = await api['template-save-current']({
              name: name.trim(),
              description: description.trim() || undefined,
            });
            props.onSaved(saved);
            props.onClose();
          } catch (err) {
            setError(errorMessage(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <p className="dialog-intro">
          Keeps this statement’s sections, word targets and guidance, but none of the writing, so your team can start
          the next one from the same shape.
        </p>
        <TextField className="field" value={name} onChange={setName} autoFocus isRequired maxLength={200}>
          <Label>Template name</Label>
          <Input className="input" placeholder="For example, Our peer challenge 2027" />
        </TextField>
        <TextField className="field" value={description} onChange={setDescription} maxLength={2000}>
          <Label>
            Description <span className="optional">(optional)</span>
          </Label>
          <TextArea className="input textarea" rows={3} />
          <Text slot="description" className="field-hint">
            Shown under the name when someone creates an assessment.
          </Text>
        </TextField>
        <ErrorMessage message={error} />
        <div className="dialog-actions">
          <span className="spacer" />
          <Button className="button button-secondary" onPress={props.onClose}>
            Cancel
          </Button>
          <Button className="button button-primary" type="submit" isDisabled={busy}>
            {busy ? 'Saving…' : 'Save template'}
          </Button>
        </div>
      </Form>
    </AppDialog>
  );
}
