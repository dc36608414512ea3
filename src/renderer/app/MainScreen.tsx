import { useCallback, useEffect, useRef, useState } from 'react';
import type { Key } from 'react-aria-components';
import type { AppInfo, ScreenMenuCommand } from '../../shared/contract';
import type { AssessmentSummary } from '../../shared/schemas/assessment';
import type { Section, SectionSummary } from '../../shared/schemas/section';
import { api, errorMessage } from '../api';
import { flatten, buildTree } from '../binder/tree';
import { LiveWordsStore, SectionsStore, sameShape } from '../data/sectionsStore';
import { useStore } from '../data/store';
import { useBinderCommands } from '../binder/useBinderCommands';
import type { BinderActions } from '../binder/Binder';
import { useStableMethods } from './useStableMethods';
import { EDITOR_ID } from '../editor/SectionEditor';
import { FindPanel, type FindQuery } from '../find/FindPanel';
import { useFindPanel } from '../find/useFindPanel';
import { useReplaceAll } from '../find/useReplaceAll';
import type { AutoSaver } from '../save/autosave';
import { GuidancePanel, readGuidanceOpen, writeGuidanceOpen } from '../guidance/GuidancePanel';
import { BinderColumn } from './BinderColumn';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { MainDialogs, type AssessmentDialog } from './MainDialogs';
import { MainHeader, type FileMenuAction } from './MainHeader';
import { SaveCopyDialog } from '../jobs/SaveCopyDialog';
import { ImportWordDialog } from '../import/ImportWordDialog';
import { ExportDialog } from '../export/ExportDialog';
import { RecommendationsView, useRecommendationsShortcut } from '../recommendations/RecommendationsView';
import { SectionTitleDialog, type TitleDialogState } from './SectionTitleDialog';
import { SectionPane, type LoadedSection } from './SectionPane';
import { WordTargetDialog } from './WordTargetDialog';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { evidenceStore, resetEvidenceForAssessment, setEvidencePanelOpen } from '../evidence/evidenceStore';

/** How long a section may take to load before the editor gives way to "Opening section…". */
const SLOW_LOAD_MS = 400;

export function MainScreen(props: {
  summary: AssessmentSummary;
  appInfo: AppInfo;
  saver: AutoSaver;
  findRequest: number;
  /** A dialog asked for from the Electron menu (browser mode uses the File menu below). */
  screenRequest: { command: ScreenMenuCommand; n: number } | null;
  /** Bumped to reload the binder and the open section from the file (after an engine restart). */
  reloadRequest?: number;
  onSummaryChange(summary: AssessmentSummary): void;
  onNew(): void;
  onNewFromPrevious(): void;
  onOpen(): void;
  onClose(): void;
  onShowShortcuts(): void;
}) {
  const { summary, saver } = props;
  // The sections live in a store, not in this screen's state: a save's new word count patches
  // one row there and re-renders that row, not this screen. This screen re-renders only when the
  // binder's shape changes (add, move, rename, delete).
  const [store] = useState(() => new SectionsStore());
  const [liveWords] = useState(() => new LiveWordsStore());
  const sections = useStore(store, (s) => s.list, sameShape);
  const [listError, setListError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<LoadedSection>({ state: 'loading' });
  const [expanded, setExpanded] = useState<Set<Key>>(new Set());
  const [titleDialog, setTitleDialog] = useState<TitleDialogState>(null);
  const [targetFor, setTargetFor] = useState<SectionSummary | null>(null);
  const [assessmentDialog, setAssessmentDialog] = useState<AssessmentDialog | null>(null);
  const [guidanceOpen, setGuidanceOpen] = useState(readGuidanceOpen);
  const find = useFindPanel(props.findRequest);
  const [findRefresh, setFindRefresh] = useState(0);
  const loadSeq = useRef(0);
  const selectedRef = useRef<string | null>(null);
  selectedRef.current = selectedId;

  // --- the binder's list ---
  const refreshList = useCallback(async () => {
    try {
      const list = await api['sections-list']({});
      store.replaceAll(list);
      setListError(null);
      return list;
    } catch (e) {
      setListError(errorMessage(e));
      return null;
    }
  }, [store]);

  // A save's answer updates its one row (and the totals above it).
  useEffect(
    () =>
      saver.onSaved((result) => {
        countSaveAnswer();
        store.patch(result.id, { wordCount: result.wordCount });
      }),
    [saver, store],
  );
  const onWordCount = useCallback((id: string, words: number) => liveWords.set({ id, words }), [liveWords]);

  useEffect(() => {
    document.title = `${summary.fileName} — Peer Challenge Studio`;
  }, [summary.fileName]);
  // This screen is mounted for each assessment opened: its evidence list is loaded once, here.
  useEffect(() => resetEvidenceForAssessment(), []);

  // --- opening a section ---
  const loadSection = useCallback(async (id: string, early?: Promise<Section>) => {
    const seq = ++loadSeq.current;
    // The section shown so far stays until the next one is here (no empty frame, no remount of
    // the editor twice); only a slow load says "Opening section…".
    const slow = setTimeout(() => {
      if (seq === loadSeq.current) setLoaded((prev) => (prev.state === 'ready' && prev.section.id === id ? prev : { state: 'loading' }));
    }, SLOW_LOAD_MS);
    try {
      const section = await (early ?? api['section-get']({ id }));
      clearTimeout(slow);
      if (seq !== loadSeq.current) return;
      saver.noteLoaded(section.id, section.revision);
      liveWords.set(null);
      setLoaded((prev) => ({ state: 'ready', section, nonce: (prev.state === 'ready' ? prev.nonce : 0) + 1 }));
    } catch (e) {
      clearTimeout(slow);
      if (seq === loadSeq.current) setLoaded({ state: 'error', message: errorMessage(e) });
    }
  }, [saver, liveWords]);

  // A save refused because the section changed elsewhere: show the newer text instead.
  useEffect(
    () =>
      saver.onStale((id) => {
        if (id === selectedRef.current) void loadSection(id);
      }),
    [saver, loadSection],
  );

  const selectSection = useCallback(
    async (id: string, options: { force?: boolean } = {}) => {
      if (id === selectedRef.current && !options.force) return;
      // Nothing waiting to be saved, so the file already has this section as it will be: ask for
      // it now, while the binder shows the selection, rather than after.
      const early = saver.hasPending() ? undefined : api['section-get']({ id });
      early?.catch(() => undefined);
      selectedRef.current = id;
      setSelectedId(id);
      await saver.flush();
      if (selectedRef.current !== id) return;
      await loadSection(id, early);
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
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the first load, once on mount; later loads come from the user's actions.
  }, []);

  // Reload from the file what this screen shows, once the queued text has gone to it.
  useEffect(() => {
    if (!props.reloadRequest) return;
    void (async () => {
      await saver.flush();
      await refreshList();
      if (selectedRef.current) await loadSection(selectedRef.current);
    })();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs for each new request only.
  }, [props.reloadRequest]);

  // --- binder actions, each undoable (Ctrl+Z in the binder) ---
  const binderCommands = useBinderCommands({
    refreshList,
    selectSection: (id) => selectSection(id),
    selectedRef,
    flush: () => saver.flush(),
    onDeleted: (ids) => saver.sectionsDeleted(ids),
    expand: (id) => setExpanded((prev) => (prev.has(id) ? prev : new Set([...prev, id]))),
    onRenamed: (renamed) =>
      setLoaded((prev) =>
        prev.state === 'ready' && prev.section.id === renamed.id ? { ...prev, section: { ...prev.section, title: renamed.title } } : prev,
      ),
  });

  const [importOpen, setImportOpen] = useState(false);
  // The dialogs the Electron menu and the File menu both open.
  const openScreenDialog = (command: ScreenMenuCommand) => {
    if (command === 'export') setExportOpen(true);
    else if (command === 'add-focus-area') setTitleDialog({ kind: 'focus-area' });
    else if (command === 'import-word') setImportOpen(true);
    else setAssessmentDialog(command);
  };

  useEffect(() => {
    if (props.screenRequest) openScreenDialog(props.screenRequest.command);
  }, [props.screenRequest]);

  const [saveCopyOpen, setSaveCopyOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [recommendationsOpen, setRecommendationsOpen] = useState(false);
  useRecommendationsShortcut(useCallback(() => setRecommendationsOpen(true), []));
  const onFileAction = (action: FileMenuAction) => {
    if (action === 'new') props.onNew();
    else if (action === 'new-from-previous') props.onNewFromPrevious();
    else if (action === 'open') props.onOpen();
    else if (action === 'close') props.onClose();
    else if (action === 'save-copy') setSaveCopyOpen(true);
    else if (action === 'evidence') setEvidencePanelOpen(true);
    else if (action === 'recommendations') setRecommendationsOpen(true);
    else if (action === 'shortcuts') props.onShowShortcuts();
    else openScreenDialog(action);
  };

  // --- find ---
  const openResult = async (sectionId: string, query: FindQuery) => {
    await selectSection(sectionId);
    find.setTarget({ ...query, nonce: Date.now(), select: true });
  };

  const { replace } = useReplaceAll({
    saver,
    onSectionsChanged: useCallback(
      async (sectionIds: string[]) => {
        await refreshList();
        const current = selectedRef.current;
        if (current && sectionIds.includes(current)) await loadSection(current);
        setFindRefresh((n) => n + 1);
      },
      [refreshList, loadSection],
    ),
  });

  // The guidance and find panels share the right-hand column: find, while it is open, covers it.
  const evidenceOpen = useStore(evidenceStore, (s) => s.panelOpen);
  const guidanceShown = guidanceOpen && !find.open && !evidenceOpen;
  const toggleGuidance = () => {
    if (find.open && guidanceOpen) {
      find.closeFind();
      return;
    }
    const next = !guidanceShown;
    if (next && find.open) find.closeFind();
    setGuidanceOpen(next);
    writeGuidanceOpen(next);
  };

  const selected = sections.find((s) => s.id === selectedId) ?? null;
  // Stable, so the (memoised) binder does not re-render when this screen does for other reasons.
  const binderActions = useStableMethods<BinderActions>({
    onSelect: (id) => void selectSection(id),
    onAdd: (parent, after) => setTitleDialog({ kind: 'add', parent, after }),
    onRename: (section) => setTitleDialog({ kind: 'rename', section }),
    onSetTarget: setTargetFor,
    onDelete: (section) => void binderCommands.remove(section),
    onMove: (section, plan) => void binderCommands.move(section, plan),
    onUndo: binderCommands.undo,
    onRedo: binderCommands.redo,
  });

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
      <MainHeader
        summary={summary}
        guidanceShown={guidanceShown}
        onFind={find.openFind}
        onToggleGuidance={toggleGuidance}
        onExport={() => setExportOpen(true)}
        onFileAction={onFileAction}
      />
      <ReadOnlyBanner summary={summary} onSummaryChange={props.onSummaryChange} />
      <div className={`workspace${find.open ? ' with-find' : guidanceShown || evidenceOpen ? ' with-guidance' : ''}`}>
        <BinderColumn
          binder={{
            sections,
            selectedId,
            store,
            expanded,
            onExpandedChange: setExpanded,
            readOnly: Boolean(summary.readOnly),
            actions: binderActions,
          }}
          store={store}
          wordTarget={summary.wordTarget}
          listError={listError}
          selected={selected}
          onAdd={(parent, after) => setTitleDialog({ kind: 'add', parent, after })}
          onAddFocusArea={() => setTitleDialog({ kind: 'focus-area' })}
          onRestoreFromBin={binderCommands.restoreFromBin}
          readOnly={Boolean(summary.readOnly)}
        />
        <SectionPane
          loaded={loaded}
          saver={saver}
          findTarget={find.target}
          onWordCount={onWordCount}
          onRetry={selectedId ? () => void loadSection(selectedId) : null}
          status={{ store, liveWords, sectionId: loaded.state === 'ready' ? loaded.section.id : null, totalTarget: summary.wordTarget }}
          fileName={summary.fileName}
          readOnly={Boolean(summary.readOnly)}
          onReopen={async () => props.onSummaryChange(await api['assessment-open']({ path: summary.path }))}
        />
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
        {evidenceOpen && !find.open ? (
          <EvidencePanel onHide={() => setEvidencePanelOpen(false)} onOpenSection={(id) => void selectSection(id)} sectionId={selectedId} saver={saver} />
        ) : null}
        {find.open ? (
          <FindPanel
            focusRequest={find.focusRequest}
            currentSectionId={selectedId}
            refreshKey={findRefresh}
            onClose={find.closeFind}
            onQueryChange={(q) => find.setTarget(q ? { ...q, nonce: 0, select: false } : null)}
            onOpenResult={(id, q) => void openResult(id, q)}
            onReplace={replace}
          />
        ) : null}
      </div>
      <SectionTitleDialog
        state={titleDialog}
        onClose={() => setTitleDialog(null)}
        onSubmit={async (title) => {
          if (!titleDialog) return;
          if (titleDialog.kind === 'add') {
            const { parent, after } = titleDialog;
            await binderCommands.add(parent, title, after ? after.position + 1 : undefined);
          } else if (titleDialog.kind === 'focus-area') await binderCommands.addFocusArea(title);
          else await binderCommands.rename(titleDialog.section, title);
        }}
      />
      <WordTargetDialog section={targetFor} onClose={() => setTargetFor(null)} onSaved={binderCommands.targetSet} />
      <ImportWordDialog isOpen={importOpen} onClose={() => setImportOpen(false)} onImported={refreshList} prepare={() => saver.flush()} />
      <ExportDialog isOpen={exportOpen} summary={summary} appInfo={props.appInfo} onClose={() => setExportOpen(false)} prepare={() => saver.flush()} />
      <SaveCopyDialog isOpen={saveCopyOpen} summary={summary} onClose={() => setSaveCopyOpen(false)} prepare={() => saver.flush()} />
      <RecommendationsView isOpen={recommendationsOpen} onClose={() => setRecommendationsOpen(false)} sections={store} />
      <MainDialogs
        open={assessmentDialog}
        summary={summary}
        appInfo={props.appInfo}
        onClose={() => setAssessmentDialog(null)}
        onSummaryChange={props.onSummaryChange}
        prepare={() => saver.flush()}
      />
    </div>
  );
}

/** Saves answered so far, beside the binder's render count (tests/e2e/performance.spec.ts reads both). */
function countSaveAnswer(): void {
  const w = window as unknown as { __pcsRenderCounts?: Record<string, number> };
  const counts = (w.__pcsRenderCounts ??= {});
  counts.saveAnswers = (counts.saveAnswers ?? 0) + 1;
}
