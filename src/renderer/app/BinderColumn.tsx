import type { ComponentProps } from 'react';
import { Button } from 'react-aria-components';
import type { SectionSummary } from '../../shared/schemas/section';
import { Binder } from '../binder/Binder';
import { describeWords, formatWords, targetStatus } from '../binder/tree';
import { ErrorMessage } from '../ui/Dialog';
import { Icon } from '../ui/Icons';
import { TargetMark } from '../ui/TargetMark';

/**
 * The left-hand column: the statement's total against its target, the binder, and the buttons
 * that add a subsection (to the selected section, or its parent) and a focus area.
 */
export function BinderColumn(props: {
  binder: ComponentProps<typeof Binder>;
  totalWords: number;
  wordTarget: number | null;
  listError: string | null;
  /** Where "Add subsection" adds: null when nothing that can have children is selected. */
  addParent: SectionSummary | null;
  onAddSubsection(parent: SectionSummary): void;
  onAddFocusArea(): void;
}) {
  const { totalWords, wordTarget, addParent } = props;
  const totalStatus = targetStatus(totalWords, wordTarget);
  return (
    <nav className="sidebar" aria-labelledby="binder-heading">
      <div className="sidebar-head">
        <h2 id="binder-heading" className="panel-title">
          Sections
        </h2>
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
      </div>
      {props.listError ? <ErrorMessage message={props.listError} /> : null}
      <Binder {...props.binder} />
      <div className="sidebar-foot">
        <Button
          className="button button-secondary button-block"
          isDisabled={!addParent}
          aria-describedby="add-hint"
          onPress={() => addParent && props.onAddSubsection(addParent)}
        >
          <Icon name="plus" size={16} />
          Add subsection
        </Button>
        {addParent ? (
          <span className="add-hint" id="add-hint">
            in “{addParent.title}”
          </span>
        ) : null}
        <Button className="button button-quiet button-block button-focus-area" onPress={props.onAddFocusArea}>
          <Icon name="plus" size={16} />
          Add focus area
        </Button>
      </div>
    </nav>
  );
}
