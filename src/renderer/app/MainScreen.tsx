import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Input, Label, Menu, MenuItem, MenuTrigger, Popover, Separator, TextField, type Key } from 'react-aria-components';
import type { AppInfo, ScreenMenuCommand } from '../../shared/contract';
import type { AssessmentSummary } from '../../shared/schemas/assessment';
import type { Section, SectionSummary } from '../../shared/schemas/section';
import { api, errorMessage } from '../api';
import { Binder } from '../binder/Binder';
import {
  canHaveChildren,
  describeWords,
  flatten,
  buildTree,
  formatWords,
  targetStatus,
  TARGET_STATUS_LABELS,
  type MovePlan,
} from '../binder/tree';
import { EDITOR_ID, SectionEditor } from '../editor/SectionEditor';
import type { FindTarget } from '../editor/plugins/FindHighlightPlugin';
import { FindPanel, type FindQuery } from '../find/FindPanel';
import type { AutoSaver, SaveStatus } from '../save/autosave';
import { ErrorMessage } from '../ui/Dialog';
import { FormDialog, useFormTask } from '../ui/FormDialog';
import { Icon } from '../ui/Icons';
import { useToasts } from '../ui/Toasts';
import { TargetMark } from '../ui/TargetMark';
import { GUIDANCE_PANEL_ID, GuidancePanel, readGuidanceOpen, writeGuidanceOpen } from '../guidance/GuidancePanel';
import { formatDate, kindLabel } from './format';
import { WordTargetDialog } from './WordTargetDialog';
import { AssessmentDetailsDialog } from './AssessmentDetailsDialog';
import { SaveTemplateDialog } from './SaveTemplateDialog';
import { TemplatesFolderDialog } from './TemplatesFolderDialog';

type Loaded = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; section: Section; nonce: number };

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

type TitleDialogState =
  | { kind: 'add'; parent: SectionSummary }
  | { kind: 'rename'; section: SectionSummary }
  | { kind: 'focus-area' }
  | null;

export function MainScreen(props: {
  summary: AssessmentSummary;
  appInfo: AppInfo;
  saver: AutoSaver;
  findRequest: number;
  /** A dialog asked for from the Electron menu (browser mode uses the File menu below). */
  screenRequest: { command: ScreenMenuCommand; n: number } | null;
  onSummaryChange(summary: AssessmentSummary): void;
  onNew(): void;
  onOpen(): void;
  onClose(): void;
  onExport(): void;
}) {
  const { summary, saver } = props;
  const toasts = useToasts();
  const [sections, setSections] = useState<SectionSummary[]>([]);
  const [listError, setListError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [liveWords, setLiveWords] = useState<number | null>(null);
  const [expanded, setExpanded] = useState<Set<Key>>(new Set());
  const [saveStatus, setSaveStatus] = useState<SaveStatus>(saver.getStatus());
  const [dialog, setDialog] = useState<TitleDialogState>(null);
  const [targetFor, setTargetFor] = useState<SectionSummary | null>(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [saveTemplateOpen, setSaveTemplateOpen] = useState(false);
  const [templatesFolderOpen, setTemplatesFolderOpen] = useState(false);
  const [guidanceOpen, setGuidanceOpen] = useState(readGuidanceOpen);
  const [findOpen, setFindOpen] = useState(false);
  const [findFocus, setFindFocus] = useState(0);
  const [findRefresh, setFindRefresh] = useState(0);
  const [findTarget, setFindTarget] = useState<FindTarget | null>(null);
  const deletedStack = useRef<{ id: string; title: string; wasSelected: boolean }[]>([]);
  const loadSeq = useRef(0);
  const returnFocus = useRef<HTMLElement | null>(null);
  const selectedRef = useRef<string | null>(null);
  selectedRef.current = selectedId;

  // --- the binder's list ---
  const refreshList = useCallback(async () => {
    try {
      const list = await api['sections-list']({});
      setSections(list);
      setListError(null);
      return list;
    } catch (e) {
      setListError(errorMessage(e));
      return null;
    }
  }, []);

  useEffect(() => saver.subscribe(setSaveStatus), [saver]);
  useEffect(
    () =>
      saver.onSaved((result) => {
        setSections((list) => list.map((s) => (s.id === result.id ? { ...s, wordCount: result.wordCount } : s)));
      }),
    [saver],
  );

  useEffect(() => {
    document.title = `${summary.fileName} — Peer Challenge Studio`;
  }, [summary.fileName]);

  // --- opening a section ---
  const loadSection = useCallback(async (id: string) => {
    const seq = ++loadSeq.current;
    setLoaded((prev) => (prev.state === 'ready' && prev.section.id === id ? prev : { state: 'loading' }));
    try {
      const section = await api['section-get']({ id });
      if (seq !== loadSeq.current) return;
      setLiveWords(null);
      setLoaded((prev) => ({ state: 'ready', section, nonce: (prev.state === 'ready' ? prev.nonce : 0) + 1 }));
    } catch (e) {
      if (seq === loadSeq.current) setLoaded({ state: 'error', message: errorMessage(e) });
    }
  }, []);

  const selectSection = useCallback(
    async (id: string, options: { force?: boolean } = {}) => {
      if (id === selectedRef.current && !options.force) return;
      selectedRef.current = id;
      setSelectedId(id);
      await saver.flush();
      if (selectedRef.current !== id) return;
      await loadSection(id);
      api['ui-state-set']({ lastSectionId: id }).catch(() => undefined);
    },
    [loadSection, saver],
  );

  // First load: the list, then the section the user was last in.
  useEffect(() => {
    (async () => {
      const list = await refreshList();
      if (!list) return;
      setExpanded(new Set(list.filter((s) => list.some((c) => c.parentId === s.id)).map((s) => s.id)));
      const ordered = flatten(buildTree(list));
      const start =
        (summary.lastSectionId && list.find((s) => s.id === summary.lastSectionId)) ||
        ordered.find((s) => s.kind === 'theme') ||
        ordered[0];
      if (start) await selectSection(start.id, { force: true });
    })();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // --- word counts ---
  const wordCounts = useMemo(() => {
    const map = new Map<string, number>();
    if (selectedId && liveWords !== null) map.set(selectedId, liveWords);
    return map;
  }, [selectedId, liveWords]);
  const totalWords = useMemo(
    () => sections.reduce((sum, s) => sum + (s.id === selectedId && liveWords !== null ? liveWords : s.wordCount), 0),
    [sections, selectedId, liveWords],
  );
  const currentWords =
    liveWords ?? (loaded.state === 'ready' ? (sections.find((s) => s.id === loaded.section.id)?.wordCount ?? 0) : 0);

  // --- binder actions ---
  const addSection = async (parent: SectionSummary, title: string) => {
    const created = await api['section-add']({ parentId: parent.id, title });
    await refreshList();
    setExpanded((prev) => new Set([...prev, parent.id]));
    await selectSection(created.id);
    toasts.show({ message: `Added “${created.title}”.` });
  };

  const addFocusArea = async (title: string) => {
    const created = await api['focus-area-add']({ title });
    await refreshList();
    await selectSection(created.id);
    toasts.show({ message: `Added the focus area “${created.title}”.` });
  };

  const setWordTarget = (updated: SectionSummary) => {
    setSections((list) => list.map((s) => (s.id === updated.id ? { ...s, wordTarget: updated.wordTarget } : s)));
    toasts.show({
      message: updated.wordTarget
        ? `Word target for “${updated.title}”: ${updated.wordTarget.toLocaleString('en-GB')} words.`
        : `Removed the word target for “${updated.title}”.`,
      timeout: 3000,
    });
  };

  const renameSection = async (section: SectionSummary, title: string) => {
    const renamed = await api['section-rename']({ id: section.id, title });
    setSections((list) => list.map((s) => (s.id === renamed.id ? { ...s, title: renamed.title } : s)));
    if (loaded.state === 'ready' && loaded.section.id === section.id) {
      setLoaded({ ...loaded, section: { ...loaded.section, title: renamed.title } });
    }
  };

  const undoDelete = useCallback((): boolean => {
    const last = deletedStack.current.pop();
    if (!last) return false;
    (async () => {
      try {
        const list = await api['section-restore']({ id: last.id });
        setSections(list);
        toasts.show({ message: `Restored “${last.title}”.` });
        if (last.wasSelected) await selectSection(last.id);
      } catch (e) {
        toasts.show({ message: errorMessage(e), tone: 'error' });
      }
    })();
    return true;
  }, [selectSection, toasts]);

  const deleteSection = async (section: SectionSummary) => {
    await saver.flush();
    try {
      const result = await api['section-delete']({ id: section.id });
      const wasSelected = selectedRef.current !== null && result.deletedIds.includes(selectedRef.current);
      deletedStack.current.push({ id: section.id, title: section.title, wasSelected });
      const list = await refreshList();
      if (wasSelected && list) {
        const parent = section.parentId ?? flatten(buildTree(list))[0]?.id;
        if (parent) await selectSection(parent);
      }
      toasts.show({
        message: `Deleted “${section.title}”.`,
        action: { label: 'Undo', onAction: () => void undoDelete() },
      });
    } catch (e) {
      toasts.show({ message: errorMessage(e), tone: 'error' });
    }
  };

  const moveSection = async (section: SectionSummary, plan: MovePlan) => {
    try {
      const list = await api['section-move']({ id: section.id, parentId: plan.parentId, index: plan.index });
      setSections(list);
      const parentId = plan.parentId;
      if (parentId === null) {
        toasts.show({ message: `Moved the focus area “${section.title}”.`, timeout: 3000 });
        return;
      }
      setExpanded((prev) => new Set([...prev, parentId]));
      const parentTitle = list.find((s) => s.id === parentId)?.title ?? '';
      toasts.show({ message: `Moved “${section.title}” to position ${plan.index + 1} in “${parentTitle}”.`, timeout: 3000 });
    } catch (e) {
      toasts.show({ message: errorMessage(e), tone: 'error' });
    }
  };

  // --- find ---
  const openFind = useCallback(() => {
    if (!findOpen) returnFocus.current = document.activeElement as HTMLElement | null;
    setFindOpen(true);
    setFindFocus((n) => n + 1);
  }, [findOpen]);

  useEffect(() => {
    if (props.findRequest > 0) openFind();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.findRequest]);

  useEffect(() => {
    const command = props.screenRequest?.command;
    if (command === 'assessment-details') setDetailsOpen(true);
    else if (command === 'add-focus-area') setDialog({ kind: 'focus-area' });
    else if (command === 'save-as-template') setSaveTemplateOpen(true);
    else if (command === 'templates-folder') setTemplatesFolderOpen(true);
  }, [props.screenRequest]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        e.stopPropagation();
        openFind();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [openFind]);

  const closeFind = () => {
    setFindOpen(false);
    setFindTarget(null);
    const el = returnFocus.current;
    if (el && document.contains(el)) el.focus();
    else document.getElementById(EDITOR_ID)?.focus();
  };

  const openResult = async (sectionId: string, query: FindQuery) => {
    await selectSection(sectionId);
    setFindTarget({ ...query, nonce: Date.now(), select: true });
  };

  const replace = async (query: FindQuery, replacement: string, sectionId?: string) => {
    await saver.flush();
    const result = await api['statement-replace-all']({ ...query, replacement, sectionId });
    await refreshList();
    const current = selectedRef.current;
    if (current && result.sectionIds.includes(current)) await loadSection(current);
    setFindRefresh((n) => n + 1);
    const where = result.sectionIds.length === 1 ? '1 section' : `${result.sectionIds.length} sections`;
    toasts.show({
      message:
        result.replaced === 0 ? 'Nothing to replace.' : `Replaced ${result.replaced} ${result.replaced === 1 ? 'match' : 'matches'} in ${where}.`,
    });
    return result.replaced;
  };

  // The guidance and find panels share the right-hand column: find, while it is open, covers it.
  const guidanceShown = guidanceOpen && !findOpen;
  const toggleGuidance = () => {
    if (findOpen && guidanceOpen) {
      closeFind();
      return;
    }
    const next = !guidanceShown;
    if (next && findOpen) closeFind();
    setGuidanceOpen(next);
    writeGuidanceOpen(next);
  };

  const selected = sections.find((s) => s.id === selectedId) ?? null;
  const sectionTarget = loaded.state === 'ready' ? (sections.find((s) => s.id === loaded.section.id)?.wordTarget ?? null) : null;
  const sectionStatus = targetStatus(currentWords, sectionTarget);
  const totalStatus = targetStatus(totalWords, summary.wordTarget);
  const addParent = selected ? (canHaveChildren(selected) ? selected : sections.find((s) => s.id === selected.parentId) ?? null) : null;
  const visit = formatDate(summary.visitDate);

  const onSaveLabel =
    saveStatus === 'error'
      ? 'Couldn’t save — retrying'
      : saveStatus === 'saving' || saveStatus === 'pending'
        ? 'Saving…'
        : 'Saved';

  return (
    <div className="app">
      <a
        className="skip-link"
        href={`#${EDITOR_ID}`}
        onClick={(e) => {
          e.preventDefault();
          document.getElementById(EDITOR_ID)?.focus();
        }}
      >
        Skip to editor
      </a>
      <header className="app-header">
        <span className="brand-mark" aria-hidden="true">
          PC
        </span>
        <div className="header-doc">
          <span className="header-council">{summary.councilName}</span>
          <span className="header-meta">
            {kindLabel(summary.kind)}
            {visit ? ` · Visit ${visit}` : ''}
          </span>
        </div>
        <span className="header-file" title={summary.path}>
          <Icon name="file" size={16} />
          <span className="visually-hidden">File: </span>
          {summary.fileName}
        </span>
        <div className="header-actions">
          <Button className="button button-header" onPress={openFind} aria-keyshortcuts={isMac ? 'Meta+F' : 'Control+F'}>
            <Icon name="search" size={16} />
            Find
          </Button>
          <Button
            className={`button button-header${guidanceShown ? ' is-on' : ''}`}
            onPress={toggleGuidance}
            aria-expanded={guidanceShown}
            aria-controls={guidanceShown ? GUIDANCE_PANEL_ID : undefined}
          >
            <Icon name="guidance" size={16} />
            Guidance
          </Button>
          <Button className="button button-header" onPress={props.onExport}>
            <Icon name="export" size={16} />
            Export
          </Button>
          <MenuTrigger>
            <Button className="button button-header" aria-label="File menu">
              File
            </Button>
            <Popover className="popover" placement="bottom end">
              <Menu
                className="menu"
                aria-label="File"
                onAction={(key) => {
                  if (key === 'new') props.onNew();
                  else if (key === 'open') props.onOpen();
                  else if (key === 'details') setDetailsOpen(true);
                  else if (key === 'focus-area') setDialog({ kind: 'focus-area' });
                  else if (key === 'save-template') setSaveTemplateOpen(true);
                  else if (key === 'templates-folder') setTemplatesFolderOpen(true);
                  else if (key === 'close') props.onClose();
                }}
              >
                <MenuItem className="menu-item" id="new">
                  Create a new assessment…
                </MenuItem>
                <MenuItem className="menu-item" id="open">
                  Open an assessment…
                </MenuItem>
                <Separator className="menu-sep" />
                <MenuItem className="menu-item" id="details">
                  Assessment details…
                </MenuItem>
                <MenuItem className="menu-item" id="focus-area">
                  Add focus area…
                </MenuItem>
                <Separator className="menu-sep" />
                <MenuItem className="menu-item" id="save-template">
                  Save as template…
                </MenuItem>
                <MenuItem className="menu-item" id="templates-folder">
                  Templates folder…
                </MenuItem>
                <Separator className="menu-sep" />
                <MenuItem className="menu-item" id="close">
                  Close assessment
                </MenuItem>
              </Menu>
            </Popover>
          </MenuTrigger>
        </div>
      </header>
      <div className={`workspace${findOpen ? ' with-find' : guidanceShown ? ' with-guidance' : ''}`}>
        <nav className="sidebar" aria-labelledby="binder-heading">
          <div className="sidebar-head">
            <h2 id="binder-heading" className="panel-title">
              Sections
            </h2>
            <span
              className={`total-words${totalStatus ? ` count-${totalStatus}` : ''}`}
              role="img"
              aria-label={`Statement total: ${describeWords(totalWords, summary.wordTarget)}`}
            >
              {summary.wordTarget ? (
                <>
                  {totalWords.toLocaleString('en-GB')} / {summary.wordTarget.toLocaleString('en-GB')}
                  {totalStatus ? <TargetMark status={totalStatus} /> : null}
                </>
              ) : (
                formatWords(totalWords)
              )}
            </span>
          </div>
          {listError ? <ErrorMessage message={listError} /> : null}
          <Binder
            sections={sections}
            selectedId={selectedId}
            wordCounts={wordCounts}
            expanded={expanded}
            onExpandedChange={setExpanded}
            actions={{
              onSelect: (id) => void selectSection(id),
              onAdd: (parent) => setDialog({ kind: 'add', parent }),
              onRename: (section) => setDialog({ kind: 'rename', section }),
              onSetTarget: (section) => setTargetFor(section),
              onDelete: (section) => void deleteSection(section),
              onMove: (section, plan) => void moveSection(section, plan),
              onUndoDelete: undoDelete,
            }}
          />
          <div className="sidebar-foot">
            <Button
              className="button button-secondary button-block"
              isDisabled={!addParent}
              aria-describedby="add-hint"
              onPress={() => addParent && setDialog({ kind: 'add', parent: addParent })}
            >
              <Icon name="plus" size={16} />
              Add subsection
            </Button>
            {addParent ? (
              <span className="add-hint" id="add-hint">
                in “{addParent.title}”
              </span>
            ) : null}
            <Button className="button button-quiet button-block button-focus-area" onPress={() => setDialog({ kind: 'focus-area' })}>
              <Icon name="plus" size={16} />
              Add focus area
            </Button>
          </div>
        </nav>
        <main className="main" id="main">
          {loaded.state === 'ready' ? (
            <SectionEditor
              key={`${loaded.section.id}:${loaded.nonce}`}
              section={loaded.section}
              saver={saver}
              onWordCount={setLiveWords}
              findTarget={findTarget}
            />
          ) : loaded.state === 'error' ? (
            <div className="main-message">
              <ErrorMessage message={loaded.message} />
              {selectedId ? (
                <Button className="button button-secondary" onPress={() => void loadSection(selectedId)}>
                  Try again
                </Button>
              ) : null}
            </div>
          ) : (
            <div className="main-message muted" role="status">
              Opening section…
            </div>
          )}
          <footer className="status-bar">
            <WordsStatus words={currentWords} target={sectionTarget} status={sectionStatus} where="in this section" />
            <span className="status-sep" aria-hidden="true">
              ·
            </span>
            <WordsStatus words={totalWords} target={summary.wordTarget} status={totalStatus} where="in the statement" />
            <span className="spacer" />
            <span
              className={`save-status save-${saveStatus}`}
              role="status"
              aria-live="polite"
              title={saveStatus === 'error' ? saver.getLastError() : 'Your changes are saved automatically'}
            >
              {saveStatus === 'error' ? <Icon name="warning" size={14} /> : saveStatus === 'saved' ? <Icon name="check" size={14} /> : null}
              {onSaveLabel}
            </span>
          </footer>
        </main>
        {guidanceShown ? (
          <GuidancePanel
            section={loaded.state === 'ready' ? loaded.section : null}
            onHide={() => {
              setGuidanceOpen(false);
              writeGuidanceOpen(false);
              document.getElementById(EDITOR_ID)?.focus();
            }}
          />
        ) : null}
        {findOpen ? (
          <FindPanel
            focusRequest={findFocus}
            currentSectionId={selectedId}
            refreshKey={findRefresh}
            onClose={closeFind}
            onQueryChange={(q) => setFindTarget(q ? { ...q, nonce: 0, select: false } : null)}
            onOpenResult={(id, q) => void openResult(id, q)}
            onReplace={replace}
          />
        ) : null}
      </div>
      <SectionTitleDialog
        state={dialog}
        onClose={() => setDialog(null)}
        onSubmit={async (title) => {
          if (!dialog) return;
          if (dialog.kind === 'add') await addSection(dialog.parent, title);
          else if (dialog.kind === 'focus-area') await addFocusArea(title);
          else await renameSection(dialog.section, title);
        }}
      />
      <WordTargetDialog section={targetFor} onClose={() => setTargetFor(null)} onSaved={setWordTarget} />
      <AssessmentDetailsDialog
        isOpen={detailsOpen}
        summary={summary}
        onClose={() => setDetailsOpen(false)}
        onSaved={(next) => {
          props.onSummaryChange(next);
          toasts.show({ message: 'Saved the assessment details.', timeout: 3000 });
        }}
      />
      <SaveTemplateDialog
        isOpen={saveTemplateOpen}
        onClose={() => setSaveTemplateOpen(false)}
        onSaved={(template) => {
          const file = template.file ? template.file.split(/[\\/]/).pop() : null;
          toasts.show({
            message: `Saved the template “${template.name}”${file ? ` as ${file} in your templates folder` : ''}. Choose it when you create an assessment.`,
            timeout: 8000,
          });
        }}
      />
      <TemplatesFolderDialog isOpen={templatesFolderOpen} appInfo={props.appInfo} onClose={() => setTemplatesFolderOpen(false)} />
    </div>
  );
}

/** "12 / 4,000 words in this section, under target", with a mark that is not colour alone. */
function WordsStatus(props: { words: number; target: number | null; status: ReturnType<typeof targetStatus>; where: string }) {
  const { words, target, status } = props;
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

function SectionTitleDialog(props: {
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
            : `Add a subsection${state?.kind === 'add' ? ` to “${state.parent.title}”` : ''}`
      }
      isOpen={state !== null}
      onClose={props.onClose}
      onSubmit={async () => {
        if (!title.trim()) {
          setError('Give the section a title.');
          return;
        }
        await run(async () => {
          await props.onSubmit(title.trim());
          props.onClose();
        });
      }}
      error={error}
      busy={busy}
      submitLabel={state?.kind === 'rename' ? 'Rename' : focusArea ? 'Add focus area' : 'Add subsection'}
    >
      {focusArea ? (
        <p className="dialog-intro">
          A theme of the council’s own, such as regeneration or children’s services. It goes after the five core themes,
          before the key and background documents.
        </p>
      ) : null}
      <TextField className="field" value={title} onChange={setTitle} autoFocus isRequired maxLength={200}>
        <Label>{focusArea ? 'Focus area title' : 'Section title'}</Label>
        <Input className="input" placeholder={focusArea ? 'For example, Regeneration and culture' : undefined} />
      </TextField>
    </FormDialog>
  );
}
