import './evidenceDetails.css';
import { useEffect, useMemo, useState } from 'react';
import {
  Button,
  ComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components';
import type { EvidenceItem, EvidenceType } from '../../shared/schemas/evidence';
import { useStore } from '../data/store';
import { VisitDateField } from '../app/VisitDateField';
import { api } from '../api';
import { FormDialog, useFormTask } from '../ui/FormDialog';
import { Icon } from '../ui/Icons';
import { evidenceStore, keyLabelFor, refreshEvidence } from './evidenceStore';
import { OriginalFileActions } from './OriginalFileActions';
import { WhereCited } from './WhereCited';

export const EVIDENCE_TYPE_WORDS: Record<EvidenceType, string> = {
  strategy: 'Strategy',
  plan: 'Plan',
  report: 'Report',
  policy: 'Policy',
  data: 'Data',
  minutes: 'Minutes',
  other: 'Other',
};
const TYPES = (Object.keys(EVIDENCE_TYPE_WORDS) as EvidenceType[]).map((id) => ({ id, name: EVIDENCE_TYPE_WORDS[id] }));

interface Draft {
  title: string;
  type: EvidenceType;
  date: string;
  owner: string;
  sourceUrl: string;
  notes: string;
  family: string;
}

function draftOf(item: EvidenceItem): Draft {
  return {
    title: item.title,
    type: item.type,
    date: item.date ?? '',
    owner: item.owner ?? '',
    sourceUrl: item.sourceUrl ?? '',
    notes: item.notes,
    family: item.family ?? '',
  };
}

/**
 * An item's details: title, type, date, owner, web address, notes and family (items of one
 * family are numbered together, 11a, 11b…), saved with `evidence-update` (which checks them);
 * the evidence store is reloaded so the panel, the key documents list and the citations' numbers
 * all follow. Also opens the original file and shows where the statement cites the item.
 */
export function EvidenceDetailsDialog(props: { item: EvidenceItem | null; onClose(): void; onOpenSection(sectionId: string): void }) {
  const { item } = props;
  const isOpen = item !== null;
  const state = useStore(evidenceStore, (s) => s);
  const families = useMemo(() => [...new Set(state.items.map((i) => i.family).filter((f): f is string => Boolean(f)))].sort(), [state.items]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const task = useFormTask(isOpen);
  useEffect(() => {
    setDraft(item ? draftOf(item) : null);
  }, [item]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => (d ? { ...d, [key]: value } : d));
  const label = item ? keyLabelFor(state, item.id) : null;

  return (
    <FormDialog
      title={item ? `Details of “${item.title}”` : 'Details'}
      isOpen={isOpen}
      onClose={props.onClose}
      error={task.error}
      busy={task.busy}
      submitLabel="Save details"
      busyLabel="Saving…"
      size="medium"
      onSubmit={() =>
        task.run(async () => {
          if (!item || !draft) return;
          await api['evidence-update']({
            id: item.id,
            title: draft.title,
            type: draft.type,
            date: draft.date.trim() || null,
            owner: draft.owner.trim() || null,
            sourceUrl: draft.sourceUrl.trim() || null,
            notes: draft.notes,
            family: draft.family.trim() || null,
          });
          await refreshEvidence();
          props.onClose();
        })
      }
      after={
        item ? (
          <div className="evidence-details-after">
            <OriginalFileActions item={item} />
            <WhereCited itemId={item.id} onOpenSection={(id) => {
              props.onClose();
              props.onOpenSection(id);
            }} />
          </div>
        ) : null
      }
    >
      {item && draft ? (
        <div className="evidence-details-grid">
          <p className="evidence-details-file">
            {label ? <span>Key document {label}. </span> : null}
            {item.fileName ? `File: ${item.fileName}` : item.sourceUrl ? 'A web link' : 'Waiting for its file'}
          </p>
          <TextField className="field evidence-details-wide" value={draft.title} onChange={(v) => set('title', v)} isRequired maxLength={300} autoFocus>
            <Label>Title</Label>
            <Input className="input" />
          </TextField>
          <Select className="field" selectedKey={draft.type} onSelectionChange={(key) => key !== null && set('type', key as EvidenceType)}>
            <Label>Type</Label>
            <Button className="input evidence-select-button">
              <SelectValue />
              <Icon name="chevronDown" size={14} />
            </Button>
            <Popover className="popover evidence-select-popover">
              <ListBox className="menu" items={TYPES}>
                {(t) => (
                  <ListBoxItem id={t.id} className="menu-item" textValue={t.name}>
                    {t.name}
                  </ListBoxItem>
                )}
              </ListBox>
            </Popover>
          </Select>
          <VisitDateField label="Date" value={draft.date} onChange={(v) => set('date', v)} />
          <TextField className="field" value={draft.owner} onChange={(v) => set('owner', v)} maxLength={200}>
            <Label>
              Owner <span className="optional">(optional)</span>
            </Label>
            <Input className="input" />
          </TextField>
          <TextField className="field" value={draft.sourceUrl} onChange={(v) => set('sourceUrl', v)} type="url" maxLength={2000}>
            <Label>
              Web address <span className="optional">(optional)</span>
            </Label>
            <Input className="input" placeholder="https://" />
          </TextField>
          <ComboBox className="field evidence-details-wide" inputValue={draft.family} onInputChange={(v) => set('family', v)} allowsCustomValue menuTrigger="focus">
            <Label>
              Family <span className="optional">(optional)</span>
            </Label>
            <Input className="input" />
            <Text slot="description" className="field-hint">
              Documents in the same family share one number in the key documents list, lettered 11a, 11b… The family’s name heads them.
            </Text>
            <Popover className="popover evidence-select-popover">
              <ListBox className="menu" items={families.map((f) => ({ id: f, name: f }))} renderEmptyState={() => null}>
                {(f) => (
                  <ListBoxItem id={f.id} className="menu-item" textValue={f.name}>
                    {f.name}
                  </ListBoxItem>
                )}
              </ListBox>
            </Popover>
          </ComboBox>
          <TextField className="field evidence-details-wide" value={draft.notes} onChange={(v) => set('notes', v)} maxLength={20_000}>
            <Label>
              Notes <span className="optional">(optional)</span>
            </Label>
            <TextArea className="input textarea" rows={3} />
          </TextField>
        </div>
      ) : null}
    </FormDialog>
  );
}
