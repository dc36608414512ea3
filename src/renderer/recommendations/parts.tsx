import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import { RECOMMENDATION_STATUS_WORDS, type GapKind, type RecommendationStatus } from '../../shared/contracts/recommendations';
import { Icon } from '../ui/Icons';

/** A status as a word beside a colour chip: the colour helps, the word carries the meaning. */
export function StatusChip({ status }: { status: RecommendationStatus }) {
  return (
    <span className={`recs-status recs-status-${status}`}>
      <span className="recs-status-dot" aria-hidden="true" />
      {RECOMMENDATION_STATUS_WORDS[status]}
    </span>
  );
}

/** Short words for each gap, for the table's cells (the core's longer message goes in the title). */
export const GAP_WORDS: Record<GapKind, string> = {
  'not-addressed': 'Not addressed',
  'no-evidence': 'No evidence',
  'evidence-never-cited': 'Evidence not cited',
};

export function GapFlag({ gap, message }: { gap: GapKind; message?: string }) {
  return (
    <span className={`recs-gap recs-gap-${gap}`} title={message}>
      <Icon name="warning" size={14} />
      {GAP_WORDS[gap]}
    </span>
  );
}

export function ChangedMark() {
  return (
    <span className="recs-changed">
      <Icon name="undo" size={12} />
      Changed since verified
    </span>
  );
}

export interface PickOption {
  id: string;
  name: string;
}

/** A labelled choice from a short list (react-aria Select: keyboard, screen readers, typeahead). */
export function PickField(props: {
  label: string;
  options: readonly PickOption[];
  value: string | null;
  onChange(value: string): void;
  placeholder?: string;
  isDisabled?: boolean;
  className?: string;
}) {
  return (
    <Select
      className={`field recs-pick ${props.className ?? ''}`}
      selectedKey={props.value}
      onSelectionChange={(key) => key !== null && props.onChange(String(key))}
      placeholder={props.placeholder ?? 'Choose…'}
      isDisabled={props.isDisabled}
    >
      <Label>{props.label}</Label>
      <Button className="input recs-select-button">
        <SelectValue />
        <Icon name="chevronDown" size={14} />
      </Button>
      <Popover className="popover recs-select-popover">
        <ListBox className="menu" items={props.options}>
          {(item) => (
            <ListBoxItem id={item.id} className="menu-item" textValue={item.name}>
              {item.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
