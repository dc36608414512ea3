import { useEffect, useState } from 'react';
import { Input, Label, TextField } from 'react-aria-components';
import { FormDialog } from '../../../ui/FormDialog';

/** "Insert a table": how many rows (the first is the header row) and columns. */
export function TableDialog(props: { isOpen: boolean; onClose: () => void; onInsert: (rows: number, columns: number) => void }) {
  const [rows, setRows] = useState('3');
  const [columns, setColumns] = useState('3');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (props.isOpen) setError(null);
  }, [props.isOpen]);
  return (
    <FormDialog
      title="Insert a table"
      isOpen={props.isOpen}
      onClose={props.onClose}
      onSubmit={() => {
        const r = Number(rows);
        const c = Number(columns);
        if (!Number.isInteger(r) || !Number.isInteger(c) || r < 1 || c < 1 || r > 50 || c > 10) {
          setError('Choose between 1 and 50 rows and between 1 and 10 columns.');
          return;
        }
        props.onInsert(r, c);
        props.onClose();
      }}
      error={error}
      submitLabel="Insert table"
    >
      <div className="field-row">
        <TextField className="field" value={rows} onChange={setRows} autoFocus inputMode="numeric">
          <Label>Rows (including the header row)</Label>
          <Input className="input input-narrow" type="number" min={1} max={50} />
        </TextField>
        <TextField className="field" value={columns} onChange={setColumns} inputMode="numeric">
          <Label>Columns</Label>
          <Input className="input input-narrow" type="number" min={1} max={10} />
        </TextField>
      </div>
    </FormDialog>
  );
}
