import { useEffect, useState } from 'react';
import { Input, Label, Text, TextField } from 'react-aria-components';
import type { AssessmentSummary } from '../../shared/schemas/assessment';
import { api } from '../api';
import { VisitDateField } from './VisitDateField';
import { FormDialog, useFormTask } from '../ui/FormDialog';
import { kindLabel } from './format';
import { parseWordTarget } from './wordTargetInput';

/** "Assessment details": the council's name, the date of the visit and the statement's word target. */
export function AssessmentDetailsDialog(props: {
  isOpen: boolean;
  summary: AssessmentSummary;
  onClose(): void;
  onSaved(summary: AssessmentSummary): void;
}) {
  const { summary } = props;
  const [council, setCouncil] = useState('');
  const [visitDate, setVisitDate] = useState('');
  const [target, setTarget] = useState('');
  const { error, setError, busy, run } = useFormTask(props.isOpen);
  useEffect(() => {
    if (!props.isOpen) return;
    setCouncil(summary.councilName);
    setVisitDate(summary.visitDate ?? '');
    setTarget(summary.wordTarget ? String(summary.wordTarget) : '');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when it opens: the fields are the user's while it is open.
  }, [props.isOpen]);

  const submit = async () => {
    if (!council.trim()) {
      setError('Enter the name of the council.');
      return;
    }
    const parsed = parseWordTarget(target);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    await run(async () => {
      props.onSaved(
        await api['assessment-update']({ councilName: council.trim(), visitDate: visitDate || null, wordTarget: parsed.value }),
      );
      props.onClose();
    });
  };

  return (
    <FormDialog
      title="Assessment details"
      isOpen={props.isOpen}
      onClose={props.onClose}
      onSubmit={submit}
      error={error}
      busy={busy}
      submitLabel="Save details"
      size="medium"
    >
      <p className="dialog-intro">
        {kindLabel(summary.kind)} · {summary.fileName}
      </p>
      <TextField className="field" value={council} onChange={setCouncil} autoFocus isRequired maxLength={200}>
        <Label>Council name</Label>
        <Input className="input" />
      </TextField>
      <VisitDateField value={visitDate} onChange={setVisitDate} />
      <TextField className="field" value={target} onChange={setTarget} inputMode="numeric">
        <Label>Word target for the whole statement</Label>
        <Input className="input input-narrow" placeholder="No target" />
        <Text slot="description" className="field-hint">
          Within 10% either way counts as on target. Leave it empty for no target.
        </Text>
      </TextField>
    </FormDialog>
  );
}
