import { useCallback, useMemo, useRef, type MutableRefObject } from 'react';
import type { SectionSummary } from '../../shared/schemas/section';
import { api, errorMessage } from '../api';
import { useToasts } from '../ui/Toasts';
import { siblingsOf, type MovePlan } from './tree';
import { UndoStack, type BinderCommand } from './undoStack';

/**
 * The binder's actions, each one undoable: add, rename, move, delete and word target. The
 * screen keeps the list and the selection; this keeps the undo stack and says what happened.
 * After a delete (and an undo or redo) focus goes to a row, never to the binder as a whole, so
 * Ctrl+Z works straight away; the Undo on a delete's message stays until the next action.
 * Actions, undos and redos take turns on the stack's queue: a Ctrl+Z pressed while a delete is
 * still with the core waits for it, and a Ctrl+Y waits for the undo before it.
 */
export function useBinderCommands(deps: {
  refreshList(): Promise<SectionSummary[] | null>;
  selectSection(id: string): Promise<void>;
  selectedRef: MutableRefObject<string | null>;
  flush(): Promise<void>;
  expand(id: string): void;
  onRenamed(section: SectionSummary): void;
  /** Sections this tab deleted: saves still queued for them may be dropped, not reported. */
  onDeleted(ids: string[]): void;
}) {
  const toasts = useToasts();
  const stack = useRef(new UndoStack()).current;
  const lastToast = useRef<number | null>(null);
  const depsRef = useRef(deps);
  depsRef.current = deps;

  const say = useCallback(
    (message: string, options: { undo?: boolean } = {}) => {
      if (lastToast.current !== null) toasts.dismiss(lastToast.current);
      lastToast.current = toasts.show(
        options.undo
          ? { message, timeout: 0, action: { label: 'Undo', onAction: () => void undoRef.current() } }
          : { message, timeout: 4000 },
      );
    },
    [toasts],
  );
  const fail = useCallback((e: unknown) => void toasts.show({ message: errorMessage(e), tone: 'error' }), [toasts]);

  /** The row to go to when `section` leaves the binder: the next sibling, else the one before, else its parent. */
  const neighbourOf = (list: SectionSummary[], section: SectionSummary): string | null => {
    const siblings = siblingsOf(list, section.parentId).filter((s) => s.id !== section.id);
    const at = Math.min(section.position, siblings.length);
    return siblings[at]?.id ?? siblings[at - 1]?.id ?? section.parentId ?? null;
  };

  /** Takes a section out of the binder (delete, or undoing an add), keeping focus and selection on a row. */
  const takeOut = async (section: SectionSummary) => {
    const { refreshList, selectSection, selectedRef } = depsRef.current;
    const result = await api['section-delete']({ id: section.id });
    depsRef.current.onDeleted(result.deletedIds);
    const list = await refreshList();
    const neighbour = list ? neighbourOf(list, section) : null;
    if (neighbour) {
      if (selectedRef.current === null || result.deletedIds.includes(selectedRef.current)) await selectSection(neighbour);
      focusRow(neighbour);
    }
  };

  const putBack = async (section: SectionSummary, wasSelected: boolean) => {
    await api['section-restore']({ id: section.id });
    await depsRef.current.refreshList();
    if (section.parentId) depsRef.current.expand(section.parentId);
    if (wasSelected) await depsRef.current.selectSection(section.id);
    focusRow(section.id);
  };

  const record = (command: BinderCommand) => {
    stack.push(command);
    say(`${command.label}.`, { undo: command.keepUndo });
  };

  const undo = useCallback(async (): Promise<boolean> => {
    if (!stack.canUndo) return false;
    try {
      const command = await stack.undo();
      if (command) say(`Undone: ${command.label}.`);
    } catch (e) {
      fail(e);
    }
    return true;
  }, [stack, say, fail]);
  const undoRef = useRef(undo);
  undoRef.current = undo;

  const redo = useCallback(async (): Promise<boolean> => {
    if (!stack.canRedo) return false;
    try {
      const command = await stack.redo();
      if (command) say(`Redone: ${command.label}.`, { undo: command.keepUndo });
    } catch (e) {
      fail(e);
    }
    return true;
  }, [stack, say, fail]);

  return useMemo(
    () => ({
      undo,
      redo,

      /** Adds a subsection inside `parent`, at `index` among its subsections (at the end if absent). */
      add(parent: SectionSummary, title: string, index?: number) {
        return stack.perform(async () => {
          const created = await api['section-add']({ parentId: parent.id, title, index });
          await depsRef.current.refreshList();
          depsRef.current.expand(parent.id);
          await depsRef.current.selectSection(created.id);
          record({
            label: `Added “${created.title}”`,
            undo: () => takeOut(created),
            redo: () => putBack(created, true),
          });
        });
      },

      addFocusArea(title: string) {
        return stack.perform(async () => {
          const created = await api['focus-area-add']({ title });
          await depsRef.current.refreshList();
          await depsRef.current.selectSection(created.id);
          record({
            label: `Added the focus area “${created.title}”`,
            undo: () => takeOut(created),
            redo: () => putBack(created, true),
          });
        });
      },

      rename(section: SectionSummary, title: string) {
        return stack.perform(async () => {
          const apply = async (to: string) => {
            const renamed = await api['section-rename']({ id: section.id, title: to });
            await depsRef.current.refreshList();
            depsRef.current.onRenamed(renamed);
          };
          await apply(title);
          record({
            label: `Renamed “${section.title}” to “${title}”`,
            undo: () => apply(section.title),
            redo: () => apply(title),
          });
        });
      },

      move(section: SectionSummary, plan: MovePlan) {
        return stack.perform(async () => {
          const apply = async (to: MovePlan) => {
            const list = await api['section-move']({ id: section.id, parentId: to.parentId, index: to.index });
            await depsRef.current.refreshList();
            if (to.parentId) depsRef.current.expand(to.parentId);
            focusRow(section.id);
            return list;
          };
          const from: MovePlan = { parentId: section.parentId, index: section.position };
          try {
            const list = await apply(plan);
            const parentTitle = plan.parentId ? (list.find((s) => s.id === plan.parentId)?.title ?? '') : null;
            record({
              label:
                parentTitle === null
                  ? `Moved the focus area “${section.title}”`
                  : `Moved “${section.title}” to position ${plan.index + 1} in “${parentTitle}”`,
              undo: async () => void (await apply(from)),
              redo: async () => void (await apply(plan)),
            });
          } catch (e) {
            fail(e);
          }
        });
      },

      remove(section: SectionSummary) {
        return stack.perform(async () => {
          await depsRef.current.flush();
          const wasSelected = depsRef.current.selectedRef.current === section.id;
          try {
            await takeOut(section);
            record({
              label: `Deleted “${section.title}”`,
              keepUndo: true,
              undo: () => putBack(section, wasSelected),
              redo: () => takeOut(section),
            });
          } catch (e) {
            fail(e);
          }
        });
      },

      /** Records a word target the dialog has just set (the dialog calls the API itself). */
      targetSet(before: SectionSummary, after: SectionSummary) {
        const apply = async (target: number | null) => {
          await api['section-set-word-target']({ id: before.id, wordTarget: target });
          await depsRef.current.refreshList();
        };
        void depsRef.current.refreshList();
        record({
          label: after.wordTarget
            ? `Word target for “${after.title}”: ${after.wordTarget.toLocaleString('en-GB')} words`
            : `Removed the word target for “${after.title}”`,
          undo: () => apply(before.wordTarget),
          redo: () => apply(after.wordTarget),
        });
      },

      /** Brings back a section from the bin ("Recently deleted"). */
      restoreFromBin(id: string, title: string) {
        return stack.perform(async () => {
          await api['section-restore']({ id });
          const list = await depsRef.current.refreshList();
          const restored = list?.find((s) => s.id === id);
          if (restored?.parentId) depsRef.current.expand(restored.parentId);
          await depsRef.current.selectSection(id);
          if (restored) {
            record({
              label: `Restored “${title}”`,
              undo: () => takeOut(restored),
              redo: () => putBack(restored, true),
            });
          }
        });
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- record/takeOut are new each render but read only refs and stable values; listing them would rebuild the commands every render.
    [undo, redo, say, fail],
  );
}

/**
 * Puts keyboard focus on a binder row once it is on screen (after the list refreshes, a moved
 * row is a new element). React-aria picks the focus up from the element.
 */
export function focusRow(id: string): void {
  let tries = 0;
  const attempt = () => {
    const rowEl = document.querySelector<HTMLElement>(`.binder [role="row"][data-key="${CSS.escape(id)}"]`);
    if (rowEl && rowEl.isConnected) {
      rowEl.focus();
      return;
    }
    if (++tries < 30) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
