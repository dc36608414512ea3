import { useEffect, useState } from 'react';
import { formatWords, targetStatus, TARGET_STATUS_LABELS } from '../binder/tree';
import type { AutoSaver, SaveStatus } from '../save/autosave';
import type { LiveWordsStore, SectionsStore } from '../data/sectionsStore';
import { shallowEqual, useStore } from '../data/store';
import { Icon } from '../ui/Icons';
import { TargetMark } from '../ui/TargetMark';

/** Under the editor: the section's and the statement's words against their targets, and the save status. */
export function StatusBar(props: {
  saver: AutoSaver;
  store: SectionsStore;
  /** The count as typed, ahead of the stored one until the next save lands. */
  liveWords: LiveWordsStore;
  sectionId: string | null;
  totalTarget: number | null;
}) {
  const { saver, sectionId } = props;
  const stored = useStore(
    props.store,
    (s) => {
      const section = sectionId ? s.byId.get(sectionId) : undefined;
      const own = section?.wordCount ?? 0;
      return {
        own,
        // With subsections, the target is measured against the total, as in the binder.
        withSubsections: sectionId ? (s.totals.get(sectionId) ?? own) : 0,
        hasSubsections: sectionId ? s.list.some((x) => x.parentId === sectionId) : false,
        target: section?.wordTarget ?? null,
        total: s.total,
      };
    },
    shallowEqual,
  );
  const live = useStore(props.liveWords, (l) => (l && l.id === sectionId ? l.words : null));
  const ownWords = live ?? stored.own;
  const sectionWords = stored.withSubsections - stored.own + ownWords;
  const totalWords = stored.total - stored.own + ownWords;
  const [saveStatus, setSaveStatus] = useState<SaveStatus>(saver.getStatus());
  useEffect(() => saver.subscribe(setSaveStatus), [saver]);
  const saveLabel =
    saveStatus === 'blocked'
      ? 'Not saved'
      : saveStatus === 'error'
        ? 'Not saved yet — retrying'
        : saveStatus === 'saving' || saveStatus === 'pending'
          ? 'Saving…'
          : 'Saved';
  const problem = saveStatus === 'error' || saveStatus === 'blocked';
  return (
    <footer className="status-bar">
      <WordsStatus
        words={sectionWords}
        target={stored.target}
        where={stored.hasSubsections ? 'with its subsections' : 'in this section'}
        own={stored.hasSubsections ? ownWords : undefined}
      />
      <span className="status-sep" aria-hidden="true">
        ·
      </span>
      <WordsStatus words={totalWords} target={props.totalTarget} where="in the statement" />
      <span className="spacer" />
      <span
        className={`save-status save-${problem ? 'error' : saveStatus}`}
        role="status"
        aria-live="polite"
        title={problem ? saver.getLastError() : 'Your changes are saved automatically'}
      >
        {problem ? <Icon name="warning" size={14} /> : saveStatus === 'saved' ? <Icon name="check" size={14} /> : null}
        {saveLabel}
      </span>
    </footer>
  );
}

/** "12 / 4,000 words in this section, under target", with a mark that is not colour alone. */
function WordsStatus(props: { words: number; target: number | null; where: string; own?: number }) {
  const { words, target, own } = props;
  const status = targetStatus(words, target);
  const ownNote = own === undefined ? null : <span className="words-status-own">{`, ${own.toLocaleString('en-GB')} in its own text`}</span>;
  if (!target || !status)
    return (
      <span className="words-status-text">
        {`${formatWords(words)} ${props.where}`}
        {ownNote}
      </span>
    );
  return (
    <span className={`words-status count-${status}`} title={`${TARGET_STATUS_LABELS[status]}`}>
      <span className="words-status-text">
        {`${words.toLocaleString('en-GB')} / ${target.toLocaleString('en-GB')} words ${props.where}`}
        {ownNote}
      </span>
      <span className="words-status-flag">
        <span className="visually-hidden">, </span>
        <TargetMark status={status} />
        <span className="words-status-flag-label">{TARGET_STATUS_LABELS[status]}</span>
      </span>
    </span>
  );
}
