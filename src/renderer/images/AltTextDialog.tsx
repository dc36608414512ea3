import { useEffect, useState } from 'react';
import { Button, Label, Text, TextArea, TextField } from 'react-aria-components';
import { FormDialog } from '../ui/FormDialog';

export const MAX_ALT_TEXT = 1000;

/**
 * Alt text for a picture: asked for when it is added, and changed later from the picture itself.
 * A picture may go in without it ("Add without alt text"), but it is then marked "No alt text"
 * in the editor and the export warns about it.
 */
export function AltTextDialog(props: {
  isOpen: boolean;
  mode: 'add' | 'edit';
  /** The picture's name, for the title when adding ("chart.png"). */
  name?: string;
  initial: string;
  previewSrc?: string | null;
  onSave: (altText: string) => void;
  onClose: () => void;
}) {
  const [alt, setAlt] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!props.isOpen) return;
    setAlt(props.initial);
    setError(null);
  }, [props.isOpen, props.initial]);
  const adding = props.mode === 'add';
  return (
    <FormDialog
      title={adding ? 'Describe this picture' : 'Alt text'}
      isOpen={props.isOpen}
      onClose={props.onClose}
      size="medium"
      error={error}
      submitLabel={adding ? 'Add picture' : 'Save alt text'}
      onSubmit={() => {
        const text = alt.replace(/\s+/g, ' ').trim();
        if (adding && text === '') {
          setError('Describe what the picture shows, or choose “Add without alt text”.');
          return;
        }
        props.onSave(text);
        props.onClose();
      }}
      extraAction={
        adding ? (
          <Button
            className="button button-secondary"
            onPress={() => {
              props.onSave('');
              props.onClose();
            }}
          >
            Add without alt text
          </Button>
        ) : undefined
      }
    >
      {props.previewSrc ? <img className="alt-text-preview" src={props.previewSrc} alt="" /> : null}
      <TextField className="field" value={alt} onChange={setAlt} autoFocus maxLength={MAX_ALT_TEXT}>
        <Label>Alt text{props.name ? ` for “${props.name}”` : ''}</Label>
        <TextArea className="input textarea" rows={3} />
        <Text slot="description" className="field-hint">
          Say what the picture shows and why it matters, in a sentence or two (for example, “Bar chart: residents’
          satisfaction rose from 61% in 2019 to 74% in 2025”). People who cannot see the picture hear this instead.
        </Text>
      </TextField>
    </FormDialog>
  );
}
