import { useCallback, useEffect, useRef } from 'react';
import type { ReplaceAllResult } from '../../shared/schemas/search';
import { api, errorMessage } from '../api';
import type { AutoSaver } from '../save/autosave';
import { useToasts } from '../ui/Toasts';
import { hasOwnUndo, isUndoKey, shortcutLabel } from '../ui/shortcuts';
import type { FindQuery } from './FindPanel';

/** The last replace, while it can still be undone from its toast or with Ctrl+Z. */
interface Undoable {
  undoId: string;
  toastId: number;
  label: string;
}

/**
 * Replace (all, or in one section) and its undo. A replace is one step: the toast it leaves has
 * Undo and stays until the next change, and Ctrl+Z right after (outside a field or the editor,
 * which have their own undo) does the same. Both reload whichever changed section is open.
 */
export function useReplaceAll(deps: {
  saver: AutoSaver;
  /** After a replace or its undo: reload the list, the open section if it changed, and search again. */
  onSectionsChanged(sectionIds: string[]): Promise<void>;
}) {
  const { saver, onSectionsChanged } = deps;
  const toasts = useToasts();
  const undoable = useRef<Undoable | null>(null);

  const forget = useCallback(() => {
    const last = undoable.current;
    undoable.current = null;
    if (last) toasts.dismiss(last.toastId);
  }, [toasts]);

  const undo = useCallback(async () => {
    const last = undoable.current;
    if (!last) return;
    undoable.current = null;
    toasts.dismiss(last.toastId);
    try {
      await saver.flush();
      const result = await api['statement-replace-undo']({ undoId: last.undoId });
      await onSectionsChanged([...result.restoredSectionIds, ...result.changedSince.map((s) => s.sectionId)]);
      const kept = result.changedSince.map((s) => `“${s.sectionTitle}”`).join(', ');
      toasts.show({
        message:
          result.changedSince.length === 0
            ? `Undone: ${last.label} put back as they were.`
            : `Undone where nothing has changed since. ${kept} ${result.changedSince.length === 1 ? 'was' : 'were'} written to after the replace, so ${result.changedSince.length === 1 ? 'it was' : 'they were'} left as ${result.changedSince.length === 1 ? 'it is' : 'they are'}.`,
        timeout: result.changedSince.length === 0 ? 5000 : 0,
      });
    } catch (e) {
      toasts.show({ message: errorMessage(e), tone: 'error' });
    }
  }, [saver, onSectionsChanged, toasts]);

  const replace = useCallback(
    async (query: FindQuery, replacement: string, sectionId?: string): Promise<number> => {
      forget();
      await saver.flush();
      const result: ReplaceAllResult = await api['statement-replace-all']({ ...query, replacement, sectionId });
      await onSectionsChanged(result.sectionIds);
      if (result.replaced === 0 || !result.undoId) {
        toasts.show({ message: 'Nothing to replace.' });
        return 0;
      }
      const where = result.sectionIds.length === 1 ? '1 section' : `${result.sectionIds.length} sections`;
      const label = `${result.replaced} ${result.replaced === 1 ? 'match' : 'matches'} in ${where}`;
      const toastId = toasts.show({
        message: `Replaced ${label}.`,
        action: { label: 'Undo', onAction: () => void undo() },
        // Stays until the next change: undo must not vanish while the user reads the result.
        timeout: 0,
      });
      undoable.current = { undoId: result.undoId, toastId, label };
      return result.replaced;
    },
    [forget, saver, onSectionsChanged, toasts, undo],
  );

  // The next change the user makes ends the offer (the core would keep the section as they wrote it anyway).
  useEffect(
    () =>
      saver.subscribe((status) => {
        if (status === 'pending' && undoable.current) forget();
      }),
    [saver, forget],
  );

  // Ctrl+Z right after the replace, wherever the focus is unless it has an undo of its own.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !undoable.current || !isUndoKey(e) || hasOwnUndo(e.target)) return;
      e.preventDefault();
      void undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo]);

  return { replace, undo, undoShortcut: shortcutLabel('Mod+Z') };
}
