import { parseDate } from '@internationalized/date';
import { DateField, DateInput, DateSegment, I18nProvider, Label, Text } from 'react-aria-components';

/**
 * The date of the peers' visit, always shown day/month/year as in Britain, whatever the
 * browser's own locale (an <input type="date"> follows the browser and reads month-first in
 * en-US). The value is an ISO date ("2026-03-10") or "" for none.
 */
export function VisitDateField(props: {
  value: string;
  onChange(value: string): void;
  autoFocus?: boolean;
  /** The field's label, for other dates than the visit's (an evidence item's date). */
  label?: string;
}) {
  let value = null;
  try {
    value = props.value ? parseDate(props.value) : null;
  } catch {
    value = null; // A stored value that does not read as a date: show the field empty, lose nothing until changed.
  }
  return (
    <I18nProvider locale="en-GB">
      <DateField
        className="field"
        value={value}
        onChange={(date) => props.onChange(date ? date.toString() : '')}
        granularity="day"
        autoFocus={props.autoFocus}
      >
        <Label>
          {props.label ?? 'Date of the visit'} <span className="optional">(optional)</span>
        </Label>
        <DateInput className="input input-date date-input">
          {(segment) => <DateSegment className="date-segment" segment={segment} />}
        </DateInput>
        <Text slot="description" className="field-hint">
          Day, month, year: for example 10/03/2026.
        </Text>
      </DateField>
    </I18nProvider>
  );
}
