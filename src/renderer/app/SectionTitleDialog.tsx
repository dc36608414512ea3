import { useEffect, useState } from 'react';
import { Input, Label, TextField } from 'react-aria-components';
import { MAX_TITLE_LENGTH } from '../../shared/constants';
import type { SectionSummary } from '../../shared/schemas/section';
import { FormDialog, useFormTask } from '../ui/FormDialog';

/** What the section title dialog is doing, if it is open. */
export type TitleDialogState =
  /** A subsection inside `parent`: at the end, or just below `after` (one of its subsections). */
  | { kind: 'add'; parent: SectionSummary; after?: SectionSummary }
  | { kind: 'rename'; section: SectionSummary }
  | { kind: 'focus-area' }
  | null;

/** "Add a subsection", "Add a focus area" or "Rename section": one title field. */
export function SectionTitleDialog(props: {
  state: TitleDialogState;
  onClose(): void;
  onSubmit(title: string): Promise<void>;
}) {
  const { state } = props;
  const [title, setTitle] = useState('');
  const { error, setError, busy, run } = useFormTask(state !== null);
  useEffect(() => {
    if (state) setTitle(state.kind === 'rename' ? state.section.title : '');
  }, [state]);
  const focusArea = state?.kind === 'focus-area';
  return (
    <FormDialog
      title={
        state?.kind === 'rename'
          ? 'Rename section'
          : focusArea
            ? 'Add a focus area'
            : state?.kind === 'add' && state.after
              ? `Add a section below “${state.after.title}”`
              : `Add a subsection${state?.kind === 'add' ? ` inside “${state.parent.title}”` : ''}`
      }
      isOpen={state !== null}
      onClose={props.onClose}
      onSubmit={async () => {
        if (!title.trim()) {
          setError('Give the section a title.');
          return;
        }
        // Refused rather than cut: a silent cut at 200 characters lands mid-word, and the user loses
        // what they typed. The field keeps all of it to shorten.
        if (title.trim().length > MAX_TITLE_LENGTH) {
          setError(
            `Titles can be up to ${MAX_TITLE_LENGTH} characters; this one has ${title.trim().length.toLocaleString('en-GB')}. Shorten it a little and try again.`,
          );
          return;
        }
        await run(async () => {
          await props.onSubmit(title.trim());
          props.onClose();
        });
      }}
      error={error}
      busy={busy}
      submitLabel={
        state?.kind === 'rename' ? 'Rename' : focusArea ? 'Add focus area' : state?.kind === 'add' && state.after ? 'Add section' : 'Add subsection'
      }
    >
      {focusArea ? (
        <p className="dialog-intro">
          A theme of the council’s own, such as regeneration or children’s services. It goes after the five core themes,
          before the key and background documents.
        </p>
      ) : null}
      <TextField className="field" value={title} onChange={setTitle} autoFocus isRequired>
        <Label>{focusArea ? 'Focus area title' : 'Section title'}</Label>
        <Input className="input" placeholder={focusArea ? 'For example, Regeneration and culture' : undefined} />
      </TextField>
    </FormDialog>
  );
}
