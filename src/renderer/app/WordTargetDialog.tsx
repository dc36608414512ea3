import { useEffect, useState } from 'react';
import { Button, Input, Label, Text, TextField } from 'react-aria-components';
import type { SectionSummary } from '../../shared/schemas/section';
import { api } from '../api';
import { FormDialog, useFormTask } from '../ui/FormDialog';
import { parseWordTarget } from './wordTargetInput';

/** "Set word target…" from a section's row menu: a number of words, or empty for none. */
export function WordTargetDialog(props: {
  section: SectionSummary | null;
  onClose(): void;
  /** The section as it was (for undo) and as it is now. */
  onSaved(before: SectionSummary, after: SectionSummary): void;
}) {
  const { section } = props;
  const [text, setText] = useState('');
  const { error, setError, busy, run } = useFormTask(section !== null);
  useEffect(() => {
    if (section) setText(section.wordTarget ? String(section.wordTarget) : '');
  }, [section]);

  const save = (value: number | null) =>
    run(async () => {
      if (!section) return;
      props.onSaved(section, await api['section-set-word-target']({ id: section.id, wordTarget: value }));
      props.onClose();
    });

  return (
    <FormDialog
      title={section ? `Word target for “${section.title}”` : 'Word target'}
      isOpen={section !== null}
      onClose={props.onClose}
      onSubmit={() => {
        const parsed = parseWordTarget(text);
        if (!parsed.ok) setError(parsed.message);
        else void save(parsed.value);
      }}
      error={error}
      busy={busy}
      submitLabel="Set target"
      extraAction={
        section?.wordTarget ? (
          <Button className="button button-quiet" isDisabled={busy} onPress={() => void save(null)}>
            Remove target
          </Button>
        ) : null
      }
    >
      <TextField className="field" value={text} onChange={setText} autoFocus inputMode="numeric" isInvalid={error !== null}>
        <Label>Word target</Label>
        <Input className="input input-narrow" placeholder="No target" />
        <Text slot="description" className="field-hint">
          Within 10% either way counts as on target. Leave it empty for no target.
        </Text>
      </TextField>
    </FormDialog>
  );
}
