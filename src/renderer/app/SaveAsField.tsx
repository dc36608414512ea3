import { Button, Input, Label, Text, TextField } from 'react-aria-components';

/**
 * Where a new assessment file goes: with native dialogs (Electron) the chosen path and a
 * "Choose…" button; in browser mode a typed path. Shared by the create dialogs.
 */
export function SaveAsField(props: {
  /** Prefix for the element ids that tie the label to the path. */
  idPrefix: string;
  native: boolean;
  path: string;
  onChoose(): void;
  /** A typed path (browser mode); the dialog stops suggesting one once the user has typed. */
  onTyped(path: string): void;
}) {
  if (props.native) {
    return (
      <div className="field">
        <span className="label" id={`${props.idPrefix}-label`}>
          Where to save
        </span>
        <div className="path-choose">
          <span className="path-value" aria-labelledby={`${props.idPrefix}-label`} id={`${props.idPrefix}-value`}>
            {props.path || 'Not chosen yet'}
          </span>
          <Button className="button button-secondary" onPress={props.onChoose} aria-describedby={`${props.idPrefix}-value`}>
            Choose…
          </Button>
        </div>
      </div>
    );
  }
  return (
    <TextField className="field" value={props.path} onChange={props.onTyped} isRequired>
      <Label>Save as</Label>
      <Input className="input input-path" spellCheck={false} />
      <Text slot="description" className="field-hint">
        The full path of the new file on this computer. It ends in .pcstudio.
      </Text>
    </TextField>
  );
}
