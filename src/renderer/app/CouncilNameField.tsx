import { Input, Label, TextField } from 'react-aria-components';

/** The council's name, as both create dialogs ask for it. */
export function CouncilNameField(props: { value: string; onChange(value: string): void; autoFocus: boolean }) {
  return (
    <TextField className="field" value={props.value} onChange={props.onChange} autoFocus={props.autoFocus} isRequired>
      <Label>Council name</Label>
      <Input className="input" placeholder="For example, Anytown Borough Council" />
    </TextField>
  );
}
