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
      return { own: section?.wordCount ?? 0, target: section?.wordTarget ?? null, total: s.total };
    },
    shallowEqual,
  );
  const live = useStore(props.liveWords, (l) => (l && l.id === sectionId ? l.words : null));
  const sectionWords = live ?? stored.own;
  const totalWords = stored.total - stored.own + sectionWords;
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
      <WordsStatus words={sectionWords} target={stored.target} where="in this section" />
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
function WordsStatus(props: { words: number; target: number | null; where: string }) {
  const { words, target } = props;
  const status = targetStatus(words, target);
  if (!target || !status) return <span>{`${formatWords(words)} ${props.where}`}</span>;
  return (
    <span className={`words-status count-${status}`}>
      {`${words.toLocaleString('en-GB')} / ${target.toLocaleString('en-GB')} words ${props.where}`}
      <span className="words-status-flag">
        <span className="visually-hidden">, </span>
        <TargetMark status={status} />
        {TARGET_STATUS_LABELS[status]}
      </span>
    </span>
  );
}
