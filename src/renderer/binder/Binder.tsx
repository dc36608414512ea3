import { memo, useId, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import {
  Button,
  Keyboard,
  ListLayout,
  Menu,
  MenuItem,
  Popover,
  Separator,
  Text,
  Tree,
  TreeItem,
  TreeItemContent,
  useDragAndDrop,
  Virtualizer,
  type Key,
  type Selection,
} from 'react-aria-components';
import type { SectionSummary } from '../../shared/schemas/section';
import { shallowEqual, useStore } from '../data/store';
import type { SectionsStore } from '../data/sectionsStore';
import { countRender } from '../perf/renderCounts';
import { Icon } from '../ui/Icons';
import { TargetMark } from '../ui/TargetMark';
import {
  buildTree,
  canHaveChildren,
  describeWords,
  moveRefusal,
  planKeyboardMove,
  planMove,
  planStep,
  targetStatus,
  type KeyboardMove,
  type MovePlan,
  type SectionNode,
} from './tree';

export interface BinderActions {
  onSelect(id: string): void;
  /** A subsection inside `parent`: at its end, or just below `after`. */
  onAdd(parent: SectionSummary, after?: SectionSummary): void;
  onRename(section: SectionSummary): void;
  onSetTarget(section: SectionSummary): void;
  onDelete(section: SectionSummary): void;
  onMove(section: SectionSummary, plan: MovePlan): void;
  /** Undo and redo the last binder action; false when there was nothing to do. */
  onUndo(): Promise<boolean>;
  onRedo(): Promise<boolean>;
}

/** Said when a binder shortcut is used on an assessment open for reading only. */
/** The id of the note under the binder that says why its actions are off (BinderColumn renders it). */
export const BINDER_READ_ONLY_NOTE_ID = 'binder-read-only-note';

export const READ_ONLY_BINDER_MESSAGE = 'This assessment is open for reading only, so its sections can’t be changed.';

const ARROW_MOVES: Record<string, KeyboardMove> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'out', ArrowRight: 'in' };

const DRAG_TYPE = 'application/x-pcs-section';
/**
 * Statements with more sections than this get a virtualised binder. Measured (BENCHMARKS.md,
 * 2026-11-24 night): at 40 rather than 150 the 1× switch (the 2023 statement, 77 rows) falls
 * from 244 to 82 ms, and the slowest keystroke from 343 to 91 ms, because the tree library
 * renders every row in the page twice per click and on each save's answer. Lowered once a row
 * clicked just after being scrolled into view opened in a virtualised binder too (see
 * syncTreeScrollOnEntry and `.binder-tree > [role="presentation"]` in app.css).
 */
const VIRTUALISE_ABOVE = 40;
/** A row is 32 px and its margins, more when its title wraps. */
const BINDER_LAYOUT = { estimatedRowSize: 34, gap: 0, dropIndicatorThickness: 2 };

/**
 * The binder: the statement's sections as a tree. Arrow keys move through it (and open the
 * section), on a row's drag handle (ArrowRight to reach it) Enter picks the section up to move
 * it with the arrow keys (Enter again drops it, Esc cancels), each row's "More" menu (ArrowRight
 * to reach it) has Add, Rename, the moves and Delete. Shortcuts on a row: F2 rename, Delete,
 * Alt+↑/↓ move up/down (on into the next or previous chapter), Alt+←/→ move out of or into a
 * level; anywhere in the binder Ctrl+Z undoes the last binder action, Ctrl+Shift+Z or Ctrl+Y
 * redoes it. A chapter's count includes its subsections.
 */
export const Binder = memo(function Binder(props: {
  sections: SectionSummary[];
  selectedId: string | null;
  /** Where each row reads its own word counts, so a save's new count re-renders that row only. */
  store: SectionsStore;
  expanded: Set<Key>;
  onExpandedChange(keys: Set<Key>): void;
  actions: BinderActions;
  /** Open for reading only (another computer has it): no adding, renaming, moving or deleting. */
  readOnly?: boolean;
}) {
  const readOnly = props.readOnly ?? false;
  const { sections, actions } = props;
  const tree = useMemo(() => buildTree(sections), [sections]);
  const byId = useMemo(() => new Map(sections.map((s) => [s.id, s])), [sections]);
  const dragging = useRef<string | null>(null);
  const [status, setStatus] = useState('');

  const { dragAndDropHooks } = useDragAndDrop({
    getItems: (keys) =>
      [...keys].map((key) => ({
        'text/plain': byId.get(String(key))?.title ?? '',
        [DRAG_TYPE]: String(key),
      })),
    acceptedDragTypes: [DRAG_TYPE],
    getAllowedDropOperations: () => ['move'],
    onDragStart: (e) => {
      dragging.current = String([...e.keys][0] ?? '');
    },
    onDragEnd: () => {
      dragging.current = null;
    },
    getDropOperation: (target) => {
      if (readOnly || target.type !== 'item' || !dragging.current) return 'cancel';
      return planMove(sections, dragging.current, String(target.key), target.dropPosition) ? 'move' : 'cancel';
    },
    onMove: (e) => {
      const id = String([...e.keys][0] ?? '');
      const section = byId.get(id);
      const plan = planMove(sections, id, String(e.target.key), e.target.dropPosition);
      if (section && plan && !readOnly) actions.onMove(section, plan);
    },
  });

  const keyboardMove = (section: SectionSummary, move: KeyboardMove) => {
    const plan = planKeyboardMove(sections, section.id, move);
    if (plan) {
      setStatus('');
      actions.onMove(section, plan);
    } else setStatus(moveRefusal(section, move));
  };

  // Capture phase: the tree itself would take Alt+←/→ as collapse/expand and Alt+↑/↓ as focus moves.
  const onKeyDownCapture = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.target instanceof Node) || !e.currentTarget.contains(e.target)) return; // not from a menu in a popover
    const target = e.target as HTMLElement;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (mod && !e.altKey && (key === 'z' || key === 'y') && !target.closest('input, textarea, [contenteditable="true"]')) {
      e.preventDefault();
      e.stopPropagation();
      if (key === 'y' || e.shiftKey) void actions.onRedo();
      else void actions.onUndo();
      return;
    }
    const row = target.closest<HTMLElement>('[role="row"]');
    if (!row || target !== row) return;
    const id = row.dataset.key;
    const section = id ? byId.get(id) : undefined;
    if (!section) return;
    const move = ARROW_MOVES[e.key];
    const changes = (e.altKey && !mod && !e.shiftKey && move) || e.key === 'F2' || e.key === 'Delete' || e.key === 'Backspace';
    if (readOnly && changes) {
      // The core would refuse it: say why here rather than open a dialog whose answer can't be saved.
      e.preventDefault();
      e.stopPropagation();
      setStatus(READ_ONLY_BINDER_MESSAGE);
      return;
    }
    if (e.altKey && !mod && !e.shiftKey && move) {
      e.preventDefault();
      e.stopPropagation();
      keyboardMove(section, move);
    } else if (e.key === 'F2' && !section.fixed) {
      e.preventDefault();
      actions.onRename(section);
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && !section.fixed) {
      e.preventDefault();
      actions.onDelete(section);
    }
  };

  // Rows read these through a ref that never changes, so a screen re-render (a selection, a
  // dialog) does not re-render every row: only a row whose own data changed renders again.
  const context = useRef<RowContext>(null as unknown as RowContext);
  context.current = { sections, byId, actions, keyboardMove, readOnly };
  const treeView = (
    <Tree
      aria-label="Sections of the statement"
      className="binder-tree"
      selectionMode="single"
      selectionBehavior="replace"
      disallowEmptySelection
      selectedKeys={props.selectedId ? [props.selectedId] : []}
      onSelectionChange={(keys: Selection) => {
        if (keys === 'all') return;
        const key = [...keys][0];
        if (key !== undefined) actions.onSelect(String(key));
      }}
      expandedKeys={props.expanded}
      onExpandedChange={(keys) => props.onExpandedChange(new Set(keys))}
      dragAndDropHooks={dragAndDropHooks}
    >
      {tree.map((node) => (
        <BinderRow key={node.id} node={node} store={props.store} context={context} readOnly={readOnly} />
      ))}
    </Tree>
  );

  const virtualised = sections.length > VIRTUALISE_ABOVE;
  return (
    <div className="binder" onKeyDownCapture={onKeyDownCapture} onFocusCapture={syncTreeScrollOnEntry}>
      {/* A long statement's binder is virtualised: only the rows on screen (and a few around them)
          are in the page, so 700 sections cost what 70 do. A short one keeps every row in the page
          (find-in-page and screen readers' own lists see them all). Titles wrap, so rows are measured. */}
      {virtualised ? (
        <Virtualizer layout={ListLayout} layoutOptions={BINDER_LAYOUT}>
          {treeView}
        </Virtualizer>
      ) : (
        treeView
      )}
      <div className="visually-hidden binder-status" role="status" aria-live="polite">
        {status}
      </div>
    </div>
  );
});

/**
 * Focus entering the tree: tell react-aria where the tree is scrolled now, before it acts on it.
 * The tree is its own scroll container, and on focus entry react-aria puts back the scroll
 * position it last saw in a `scroll` event. The browser delivers that event on the next frame, so
 * a click straight after a scroll (a row scrolled into view, a quick wheel then click) had the
 * tree scrolled back under the pointer on pointerdown: the press ended on another row and the
 * section clicked never opened. A `scroll` event of our own, dispatched in the capture phase
 * (before the tree's focus handler), brings react-aria's saved position up to date; it changes
 * nothing else (the position is the same, and keyboard entry still scrolls the row into view).
 * The virtualised binder's scroll view takes the event as scrolling and would turn pointer
 * events off for a moment, losing the very click this is for: app.css keeps them on.
 */
function syncTreeScrollOnEntry(e: FocusEvent<HTMLDivElement>): void {
  const tree = e.currentTarget.querySelector<HTMLElement>('.binder-tree');
  if (!tree || !tree.contains(e.target as Node)) return;
  if (e.relatedTarget instanceof Node && tree.contains(e.relatedTarget)) return; // moving within the tree
  tree.dispatchEvent(new Event('scroll'));
}

interface RowContext {
  sections: SectionSummary[];
  byId: Map<string, SectionSummary>;
  actions: BinderActions;
  keyboardMove(section: SectionSummary, move: KeyboardMove): void;
  readOnly: boolean;
}

/** Renders of binder rows so far: the performance test reads it to prove a keystroke renders none. */
function countRowRender(): void {
  countRender('binderRow');
}

/**
 * One row of the binder (and, nested, its subsections). Memoised on its node, which only changes
 * when the binder's shape does; its word counts come from the store, so a save's answer
 * re-renders this row and the chapters above it, not the tree.
 */
const BinderRow = memo(function BinderRow(props: {
  node: SectionNode;
  store: SectionsStore;
  context: RefObject<RowContext>;
  /** A prop (not read from the context) so a Take over re-renders the rows' drag handles. */
  readOnly: boolean;
}) {
  const { node, store, context, readOnly } = props;
  countRowRender();
  const counts = useStore(
    store,
    (s) => {
      const own = s.byId.get(node.id)?.wordCount ?? node.wordCount;
      return { own, words: s.totals.get(node.id) ?? own };
    },
    shallowEqual,
  );
  const { own, words } = counts;
  // The same elements each time: the collection caches rows by element, so a chapter whose total
  // changed does not re-render its hundred subsections with it.
  const childRows = useMemo(
    () => node.children.map((child) => <BinderRow key={child.id} node={child} store={store} context={context} readOnly={readOnly} />),
    [node, store, context, readOnly],
  );
  // With subsections the count is the total, measured against the target; the own text is named too.
  const ownNote = node.children.length > 0 ? own : undefined;
  const description = describeWords(words, node.wordTarget, ownNote);
  const status = targetStatus(words, node.wordTarget);
  return (
    <TreeItem
      id={node.id}
      textValue={node.title}
      aria-label={`${node.title}, ${description}`}
      data-key={node.id}
      className={`binder-row binder-depth-${node.depth}${node.fixed ? ' binder-fixed' : ''}`}
    >
      <TreeItemContent>
        {({ hasChildItems, isExpanded }) => {
          // Counted for the guards: how many rows the tree library renders (a switch renders
          // the rows in the page, twice: see VIRTUALISE_ABOVE).
          countRender('binderTreeItem');
          // The tree library renders every row again on any change of its state (a selection, a
          // focus): what the row shows is memoised, so only a row whose own data changed renders
          // it again (the selection is the row element's own attribute). The row's buttons still
          // run for the tree's button context, which the library builds afresh for every row: a
          // nested provider does not stop React 19's context propagation.
          return (
            <BinderRowContent
              node={node}
              hasChildItems={hasChildItems}
              isExpanded={isExpanded}
              words={words}
              status={status}
              description={description}
              ownNote={ownNote}
              context={context}
              readOnly={readOnly}
            />
          );
        }}
      </TreeItemContent>
      {childRows}
    </TreeItem>
  );
});

/** What a binder row shows: rendered again only when one of its props changes (see BinderRow). */
const BinderRowContent = memo(function BinderRowContent(props: {
  node: SectionNode;
  hasChildItems: boolean;
  isExpanded: boolean;
  words: number;
  status: ReturnType<typeof targetStatus>;
  description: string;
  ownNote: number | undefined;
  context: RefObject<RowContext>;
  /** Nothing can be moved in a file open read-only: the drag handle is off. */
  readOnly: boolean;
}) {
  const { node, hasChildItems, isExpanded, words, status, description, ownNote, context, readOnly } = props;
  // Counted for the guards: a section switch renders no row's contents (the row element shows it).
  countRender('binderRowContent');
  return (
    <div className="binder-row-inner" style={{ paddingInlineStart: `${node.depth * 16}px` }}>
      <Button slot="drag" className={`binder-drag${node.fixed ? ' is-fixed' : ''}`} isDisabled={node.fixed || readOnly} aria-label={`Move ${node.title}`}>
        <Icon name="grip" size={14} />
      </Button>
      {hasChildItems ? (
        <Button slot="chevron" className={`binder-chevron${isExpanded ? ' is-expanded' : ''}`} aria-label={isExpanded ? `Collapse ${node.title}` : `Expand ${node.title}`}>
          <Icon name="chevron" size={14} />
        </Button>
      ) : (
        <span className="binder-chevron-space" />
      )}
      <span className="binder-title">{node.title}</span>
      <span
        className={`binder-count${status ? ` has-target count-${status}` : ''}`}
        aria-hidden="true"
        title={status || ownNote !== undefined ? description : undefined}
      >
        {words.toLocaleString('en-GB')}
        {status ? <TargetMark status={status} /> : null}
      </span>
      <MoreButton node={node} context={context} />
    </div>
  );
});

/**
 * A row's "More" button. The menu (its trigger state, popover and items) is mounted only while it
 * is open: a hundred rows' menu triggers cost every row's mount and render for a menu used once in
 * a while. The popover is anchored to the button; on close the tree puts focus back on the row, as
 * it did with a MenuTrigger.
 */
function MoreButton({ node, context }: { node: SectionNode; context: RefObject<RowContext> }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  return (
    <>
      <Button
        ref={buttonRef}
        className="binder-more"
        aria-label={`More actions for ${node.title}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onPress={() => setOpen(true)}
      >
        <Icon name="more" size={16} />
      </Button>
      {open ? (
        <Popover className="popover" placement="bottom end" triggerRef={buttonRef} isOpen onOpenChange={setOpen}>
          <RowMenu id={menuId} node={node} context={context} onClose={() => setOpen(false)} />
        </Popover>
      ) : null}
    </>
  );
}

/** A row's "More" menu: built only when opened (which moves are possible costs a walk of the list). */
function RowMenu({ id, node, context, onClose }: { id: string; node: SectionNode; context: RefObject<RowContext>; onClose(): void }) {
  const { sections, byId, actions, keyboardMove, readOnly } = context.current!;
  const parent = node.parentId ? byId.get(node.parentId) : undefined;
  // The menu keeps focus areas among themselves; Alt+↑/↓ asks the core, which explains a refusal.
  const can = (move: KeyboardMove) =>
    node.kind === 'focus-area'
      ? (move === 'up' || move === 'down') && planStep(sections, node.id, move === 'up' ? -1 : 1) !== null
      : planKeyboardMove(sections, node.id, move) !== null;
  return (
    <Menu
      id={id}
      className="menu"
      // Named as its button is, as a MenuTrigger names its menu.
      aria-label={`More actions for ${node.title}`}
      // Why every item is off: the note under the binder (BinderColumn), read with the menu.
      aria-describedby={readOnly ? BINDER_READ_ONLY_NOTE_ID : undefined}
      autoFocus="first"
      onClose={onClose}
      onAction={(key) => {
        if (key === 'add-inside') actions.onAdd(node);
        else if (key === 'add-below' && parent) actions.onAdd(parent, node);
        else if (key === 'rename') actions.onRename(node);
        else if (key === 'target') actions.onSetTarget(node);
        else if (key === 'delete') actions.onDelete(node);
        else if (key === 'up' || key === 'down' || key === 'out' || key === 'in') keyboardMove(node, key);
      }}
      disabledKeys={readOnly ? ['add-below', 'add-inside', 'rename', 'target', 'up', 'down', 'out', 'in', 'delete'] : [
        ...(canHaveChildren(node) ? [] : ['add-inside']),
        ...(parent ? [] : ['add-below']),
        ...(node.fixed ? ['rename', 'delete'] : []),
        ...(['up', 'down', 'out', 'in'] as const).filter((m) => !can(m)),
      ]}
    >
      <MenuItem className="menu-item" id="add-below" textValue="Add section below">
        Add section below
      </MenuItem>
      <MenuItem className="menu-item" id="add-inside" textValue="Add subsection inside">
        Add subsection inside
      </MenuItem>
      <MenuItem className="menu-item" id="rename">
        Rename…
      </MenuItem>
      <MenuItem className="menu-item" id="target">
        Set word target…
      </MenuItem>
      <Separator className="menu-sep" />
      <MenuItem className="menu-item" id="up" textValue="Move up">
        <Text slot="label">Move up</Text>
        <Keyboard className="menu-kbd">Alt+↑</Keyboard>
      </MenuItem>
      <MenuItem className="menu-item" id="down" textValue="Move down">
        <Text slot="label">Move down</Text>
        <Keyboard className="menu-kbd">Alt+↓</Keyboard>
      </MenuItem>
      <MenuItem className="menu-item" id="out" textValue="Move out a level">
        <Text slot="label">Move out a level</Text>
        <Keyboard className="menu-kbd">Alt+←</Keyboard>
      </MenuItem>
      <MenuItem className="menu-item" id="in" textValue="Move in a level">
        <Text slot="label">Move in a level</Text>
        <Keyboard className="menu-kbd">Alt+→</Keyboard>
      </MenuItem>
      <Separator className="menu-sep" />
      <MenuItem className="menu-item menu-item-danger" id="delete">
        Delete
      </MenuItem>
    </Menu>
  );
}
