import { useEffect, useState } from 'react';
import { Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import type { TemplateInfo } from '../../shared/schemas/template';
import { api } from '../api';
import { FormDialog, useFormTask } from '../ui/FormDialog';

/**
 * "Save as template…": the open statement's structure (sections, word targets, guidance; none of
 * the writing) as a template in the templates folder, offered next time an assessment is created.
 */
export function SaveTemplateDialog(props: { isOpen: boolean; onClose(): void; onSaved(template: TemplateInfo): void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const { error, setError, busy, run } = useFormTask(props.isOpen);
  useEffect(() => {
    if (!props.isOpen) return;
    setName('');
    setDescription('');
  }, [props.isOpen]);

  const submit = async () => {
    if (!name.trim()) {
      setError('Give the template a name.');
      return;
    }
    await run(async () => {
      props.onSaved(await api['template-save-current']({ name: name.trim(), description: description.trim() || undefined }));
      props.onClose();
    });
  };

  return (
    <FormDialog
      title="Save as a template"
      isOpen={props.isOpen}
      onClose={props.onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
      submitLabel="Save template"
      busyLabel="Saving…"
      size="medium"
    >
      <p className="dialog-intro">
        Keeps this statement’s sections, word targets and guidance, but none of the writing, so your team can start the
        next one from the same shape.
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
    </FormDialog>
  );
}
