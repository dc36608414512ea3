import { useEffect, useState } from 'react';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { FormDialog } from '../../../ui/FormDialog';
import { normaliseUrl } from '../LinkPlugin/url';

/** "Add a link" / "Edit link": a web or email address, and the text to show when none is selected. */
export function LinkDialog(props: {
  isOpen: boolean;
  currentUrl: string | null;
  onClose: () => void;
  onApply: (url: string, text: string) => void;
  onRemove: () => void;
}) {
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (props.isOpen) {
      setUrl(props.currentUrl ?? '');
      setText('');
      setError(null);
    }
  }, [props.isOpen, props.currentUrl]);
  return (
    <FormDialog
      title={props.currentUrl ? 'Edit link' : 'Add a link'}
      isOpen={props.isOpen}
      onClose={props.onClose}
      onSubmit={() => {
        const normalised = normaliseUrl(url);
        if (!normalised) {
          setError('Enter a web address starting with http:// or https://, or an email address.');
          return;
        }
        props.onApply(normalised, text.trim());
        props.onClose();
      }}
      error={error}
      submitLabel={props.currentUrl ? 'Update link' : 'Add link'}
      extraAction={
        props.currentUrl ? (
          <Button
            className="button button-quiet button-danger"
            onPress={() => {
              props.onRemove();
              props.onClose();
            }}
          >
            Remove link
          </Button>
        ) : null
      }
    >
      <TextField className="field" value={url} onChange={setUrl} autoFocus isRequired>
        <Label>Web or email address</Label>
        <Input className="input" placeholder="https://www.example.gov.uk" />
      </TextField>
      {!props.currentUrl ? (
        <TextField className="field" value={text} onChange={setText}>
          <Label>Text to show (if no text is selected)</Label>
          <Input className="input" />
        </TextField>
      ) : null}
    </FormDialog>
  );
}
