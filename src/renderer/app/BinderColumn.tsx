import { useState, type ComponentProps } from 'react';
import { Button } from 'react-aria-components';
import type { SectionSummary } from '../../shared/schemas/section';
import { Binder, BINDER_READ_ONLY_NOTE_ID } from '../binder/Binder';
import { RecentlyDeletedDialog } from '../binder/RecentlyDeletedDialog';
import { canHaveChildren, describeWords, formatWords, targetStatus } from '../binder/tree';
import type { SectionsStore } from '../data/sectionsStore';
import { useStore } from '../data/store';
import { ErrorMessage } from '../ui/Dialog';
import { Icon } from '../ui/Icons';
import { TargetMark } from '../ui/TargetMark';

/**
 * The left-hand column: the statement's total against its target, the binder, the buttons that
 * add a section below the selected one or a subsection inside it (said plainly, so nobody nests
 * a level by accident), a focus area, and "Recently deleted" (the bin).
 */
export function BinderColumn(props: {
  binder: ComponentProps<typeof Binder>;
  store: SectionsStore;
  wordTarget: number | null;
  listError: string | null;
  selected: SectionSummary | null;
  /** Adds a subsection inside `parent`: at the end, or just below `after`. */
  onAdd(parent: SectionSummary, after?: SectionSummary): void;
  onAddFocusArea(): void;
  onRestoreFromBin(id: string, title: string): Promise<void>;
  /** Open for reading only: the buttons that change sections are off, and a note says why. */
  readOnly?: boolean;
}) {
  const { wordTarget, selected } = props;
  const readOnly = props.readOnly ?? false;
  const [binOpen, setBinOpen] = useState(false);
  const parent = selected?.parentId ? props.binder.sections.find((s) => s.id === selected.parentId) : undefined;
  const below = selected && parent ? { parent, after: selected } : null;
  const inside = selected && canHaveChildren(selected) ? selected : null;
  return (
    <nav className="sidebar" aria-labelledby="binder-heading">
      <div className="sidebar-head">
        <h2 id="binder-heading" className="panel-title">
          Sections
        </h2>
        <StatementTotal store={props.store} wordTarget={wordTarget} />
      </div>
      {props.listError ? <ErrorMessage message={props.listError} /> : null}
      <Binder {...props.binder} />
      <div className="sidebar-foot">
        {readOnly ? (
          <p className="add-hint binder-read-only-note" id={BINDER_READ_ONLY_NOTE_ID} data-testid="binder-read-only-note">
            Open for reading only: sections can’t be added, renamed, moved or deleted here.
          </p>
        ) : null}
        <Button
          className="button button-secondary button-block"
          isDisabled={!below || readOnly}
          aria-describedby={below && !readOnly ? 'add-below-hint' : undefined}
          onPress={() => below && props.onAdd(below.parent, below.after)}
        >
          <Icon name="plus" size={16} />
          Add section below
        </Button>
        {below && !readOnly ? (
          <span className="add-hint" id="add-below-hint" title={`after “${below.after.title}”, in “${below.parent.title}”`}>
            after “{below.after.title}”, in “{below.parent.title}”
          </span>
        ) : null}
        <Button
          className="button button-secondary button-block button-add-inside"
          isDisabled={!inside || readOnly}
          aria-describedby={inside && !readOnly ? 'add-inside-hint' : undefined}
          onPress={() => inside && props.onAdd(inside)}
        >
          <Icon name="plus" size={16} />
          Add subsection inside
        </Button>
        {inside && !readOnly ? (
          <span className="add-hint" id="add-inside-hint" title={`a level down, inside “${inside.title}”`}>
            a level down, inside “{inside.title}”
          </span>
        ) : null}
        <Button className="button button-quiet button-block button-focus-area" isDisabled={readOnly} onPress={props.onAddFocusArea}>
          <Icon name="plus" size={16} />
          Add focus area
        </Button>
        <Button className="button button-quiet button-block" isDisabled={readOnly} onPress={() => setBinOpen(true)}>
          Recently deleted…
        </Button>
      </div>
      <RecentlyDeletedDialog isOpen={binOpen} onClose={() => setBinOpen(false)} onRestore={props.onRestoreFromBin} />
    </nav>
  );
}

/** The statement's words against its target: reads the store, so only it re-renders on a save. */
function StatementTotal({ store, wordTarget }: { store: SectionsStore; wordTarget: number | null }) {
  const totalWords = useStore(store, (s) => s.total);
  const totalStatus = targetStatus(totalWords, wordTarget);
  return (
    <span
      className={`total-words${totalStatus ? ` count-${totalStatus}` : ''}`}
      role="img"
      aria-label={`Statement total: ${describeWords(totalWords, wordTarget)}`}
    >
      {wordTarget ? (
        <>
          {totalWords.toLocaleString('en-GB')} / {wordTarget.toLocaleString('en-GB')}
          {totalStatus ? <TargetMark status={totalStatus} /> : null}
        </>
      ) : (
        formatWords(totalWords)
      )}
    </span>
  );
}
