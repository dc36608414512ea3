import { useEffect, useState } from 'react';
import { Button, Form, Input, Label, Text, TextField } from 'react-aria-components';
import type { SectionSummary } from '../../shared/schemas/section';
import { api, errorMessage } from '../api';
import { AppDialog, ErrorMessage } from '../ui/Dialog';
import { parseWordTarget } from './wordTargetInput';

/** "Set word target…" from a section's row menu: a number of words, or empty for none. */
export function WordTargetDialog(props: {
  section: SectionSummary | null;
  onClose(): void;
  onSaved(section: SectionSummary): void;
}) {
  const { section } = props;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!section) return;
    setText(section.wordTarget ? String(section.wordTarget) : '');
    setError(null);
    setBusy(false);
  }, [section]);

  const save = async (value: number | null) => {
    if (!section) return;
    setBusy(true);
    try {
      props.onSaved(await api['section-set-word-target']({ id: section.id, wordTarget: value }));
      props.onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppDialog
      title={section ? `Word target for “${section.title}”` : 'Word target'}
      isOpen={section !== null}
      onOpenChange={(o) => !o && props.onClose()}
    >
      <Form
        validationBehavior="aria"
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = parseWordTarget(text);
          if (!parsed.ok) setError(parsed.message);
          else void save(parsed.value);
        }}
      >
        <TextField className="field" value={text} onChange={setText} autoFocus inputMode="numeric" isInvalid={error !== null}>
          <Label>Word target</Label>
          <Input className="input input-narrow" placeholder="No target" />
          <Text slot="description" className="field-hint">
            Within 10% either way counts as on target. Leave it empty for no target.
          </Text>
        </TextField>
        <ErrorMessage message={error} />
        <div className="dialog-actions">
          {section?.wordTarget ? (
            <Button className="button button-quiet" isDisabled={busy} onPress={() => void save(null)}>
              Remove target
            </Button>
          ) : null}
          <span className="spacer" />
          <Button className="button button-secondary" onPress={props.onClose}>
            Cancel
          </Button>
          <Button className="button button-primary" type="submit" isDisabled={busy}>
            Set target
          </Button>
        </div>
      </Form>
    </AppDialog>
  );
}
