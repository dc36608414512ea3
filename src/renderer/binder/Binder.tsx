import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  Button,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
  Separator,
  Tree,
  TreeItem,
  TreeItemContent,
  useDragAndDrop,
  type Key,
  type Selection,
} from 'react-aria-components';
import type { SectionSummary } from '../../shared/schemas/section';
import { Icon } from '../ui/Icons';
import { TargetMark } from '../ui/TargetMark';
import { buildTree, canHaveChildren, describeWords, planMove, planStep, targetStatus, type MovePlan, type SectionNode } from './tree';

export interface BinderActions {
  onSelect(id: string): void;
  onAdd(parent: SectionSummary): void;
  onRename(section: SectionSummary): void;
  onSetTarget(section: SectionSummary): void;
  onDelete(section: SectionSummary): void;
  onMove(section: SectionSummary, plan: MovePlan): void;
  onUndoDelete(): boolean;
}

const DRAG_TYPE = 'application/x-pcs-section';

/**
 * The binder: the statement's sections as a tree. Arrow keys move through it (and open the
 * section), on a row's drag handle (ArrowRight to reach it) Enter picks the section up to move
 * it with the arrow keys (Enter again drops it, Esc cancels), each row's "More" menu (ArrowRight to reach it) has Add, Rename, Move up/down and
 * Delete. Shortcuts on a row: F2 rename, Delete, Alt+↑/↓ move, Ctrl+Z undo a delete.
 */
export function Binder(props: {
  sections: SectionSummary[];
  selectedId: string | null;
  wordCounts: Map<string, number>;
  expanded: Set<Key>;
  onExpandedChange(keys: Set<Key>): void;
  actions: BinderActions;
}) {
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
      if (target.type !== 'item' || !dragging.current) return 'cancel';
      return planMove(sections, dragging.current, String(target.key), target.dropPosition) ? 'move' : 'cancel';
    },
    onMove: (e) => {
      const id = String([...e.keys][0] ?? '');
      const section = byId.get(id);
      const plan = planMove(sections, id, String(e.target.key), e.target.dropPosition);
      if (section && plan) actions.onMove(section, plan);
    },
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[role="row"]');
    if (!row || e.target !== row) return;
    const id = row.dataset.key;
    const section = id ? byId.get(id) : undefined;
    if (!section) return;
    if (e.key === 'F2' && !section.fixed) {
      e.preventDefault();
      actions.onRename(section);
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && !section.fixed) {
      e.preventDefault();
      actions.onDelete(section);
    } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      const plan = planStep(sections, section.id, e.key === 'ArrowUp' ? -1 : 1, false);
      if (plan) actions.onMove(section, plan);
      else setStatus(section.fixed ? 'Chapters stay in their fixed order.' : `“${section.title}” cannot move further.`);
    } else if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
      if (actions.onUndoDelete()) e.preventDefault();
    }
  };

  const renderNode = (node: SectionNode) => {
    const words = props.wordCounts.get(node.id) ?? node.wordCount;
    const canStepUp = planStep(sections, node.id, -1) !== null;
    const canStepDown = planStep(sections, node.id, 1) !== null;
    const status = targetStatus(words, node.wordTarget);
    return (
      <TreeItem
        key={node.id}
        id={node.id}
        textValue={node.title}
        aria-label={`${node.title}, ${describeWords(words, node.wordTarget)}`}
        data-key={node.id}
        className={`binder-row binder-depth-${node.depth}${node.fixed ? ' binder-fixed' : ''}`}
      >
        <TreeItemContent>
          {({ hasChildItems, isExpanded }) => (
            <div className="binder-row-inner" style={{ paddingInlineStart: `${node.depth * 16}px` }}>
              <Button
                slot="drag"
                className={`binder-drag${node.fixed ? ' is-fixed' : ''}`}
                isDisabled={node.fixed}
                aria-label={`Move ${node.title}`}
              >
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
                title={status ? describeWords(words, node.wordTarget) : undefined}
              >
                {words.toLocaleString('en-GB')}
                {status ? <TargetMark status={status} /> : null}
              </span>
              <MenuTrigger>
                <Button className="binder-more" aria-label={`More actions for ${node.title}`}>
                  <Icon name="more" size={16} />
                </Button>
                <Popover className="popover" placement="bottom end">
                  <Menu
                    className="menu"
                    aria-label={`Actions for ${node.title}`}
                    onAction={(key) => {
                      if (key === 'add') actions.onAdd(node);
                      else if (key === 'rename') actions.onRename(node);
                      else if (key === 'target') actions.onSetTarget(node);
                      else if (key === 'delete') actions.onDelete(node);
                      else if (key === 'up' || key === 'down') {
                        const plan = planStep(sections, node.id, key === 'up' ? -1 : 1);
                        if (plan) actions.onMove(node, plan);
                      }
                    }}
                    disabledKeys={[
                      ...(canHaveChildren(node) ? [] : ['add']),
                      ...(node.fixed ? ['rename', 'delete'] : []),
                      ...(canStepUp ? [] : ['up']),
                      ...(canStepDown ? [] : ['down']),
                    ]}
                  >
                    <MenuItem className="menu-item" id="add">
                      Add subsection
                    </MenuItem>
                    <MenuItem className="menu-item" id="rename">
                      Rename…
                    </MenuItem>
                    <MenuItem className="menu-item" id="target">
                      Set word target…
                    </MenuItem>
                    <Separator className="menu-sep" />
                    <MenuItem className="menu-item" id="up">
                      Move up
                    </MenuItem>
                    <MenuItem className="menu-item" id="down">
                      Move down
                    </MenuItem>
                    <Separator className="menu-sep" />
                    <MenuItem className="menu-item menu-item-danger" id="delete">
                      Delete
                    </MenuItem>
                  </Menu>
                </Popover>
              </MenuTrigger>
            </div>
          )}
        </TreeItemContent>
        {node.children.map(renderNode)}
      </TreeItem>
    );
  };

  return (
    <div className="binder" onKeyDown={onKeyDown}>
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
        {tree.map(renderNode)}
      </Tree>
      <div className="visually-hidden" role="status" aria-live="polite">
        {status}
      </div>
    </div>
  );
}
