import { useCallback, useEffect, useState } from 'react';
import { AppDialog, CloseOnlyActions } from '../ui/Dialog';
import { matchesShortcut, shortcutLabel, SHORTCUT_GROUPS, SHORTCUTS, type Shortcut } from '../ui/shortcuts';

/** Whether this page runs in the desktop app, where the File shortcuts work (a browser keeps Ctrl+N, Ctrl+W). */
export const inDesktopApp = typeof window !== 'undefined' && 'pcs' in window && Boolean((window as { pcs?: unknown }).pcs);

/** The shortcuts that work here, grouped as the sheet shows them. */
function groups(): { group: string; items: Shortcut[] }[] {
  const all: Shortcut[] = Object.values(SHORTCUTS);
  return SHORTCUT_GROUPS.map((group) => ({
    group,
    items: all.filter((s) => s.group === group && (inDesktopApp || !s.desktopOnly)),
  }));
}

/** One key combination, as key caps: "Ctrl" "F". Screen readers hear "Ctrl+F". */
function Keys({ keys }: { keys: string }) {
  return <kbd className="shortcut-keys">{shortcutLabel(keys)}</kbd>;
}

/** The "Keyboard shortcuts" sheet: every shortcut, grouped (Editing, Binder, Find, Files). */
export function ShortcutsSheet(props: { isOpen: boolean; onClose(): void }) {
  return (
    <AppDialog title="Keyboard shortcuts" isOpen={props.isOpen} onOpenChange={(open) => !open && props.onClose()} size="medium">
      {/* Focusable: on a short window the list scrolls, and keyboard users must be able to scroll it. */}
      <div className="shortcuts-sheet" tabIndex={0} role="region" aria-label="All keyboard shortcuts">
        {groups().map(({ group, items }) => (
          <section key={group} className="shortcuts-group" aria-labelledby={`shortcuts-${group}`}>
            <h3 id={`shortcuts-${group}`} className="shortcuts-group-title">
              {group}
            </h3>
            <table className="shortcuts-table">
              <thead className="visually-hidden">
                <tr>
                  <th scope="col">Action</th>
                  <th scope="col">Keys</th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={`${s.action}-${s.keys}`}>
                    <th scope="row">{s.action}</th>
                    <td>
                      <Keys keys={s.keys} />
                      {s.alsoKeys ? (
                        <>
                          {' or '}
                          <Keys keys={s.alsoKeys} />
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
      <CloseOnlyActions onClose={props.onClose} />
    </AppDialog>
  );
}

/**
 * The sheet's open state, and Ctrl+/ (⌘/) to open it from anywhere, the editor included.
 * `request` counts asks from the Electron menu (whose accelerator takes the key first).
 */
export function useShortcutsSheet(request = 0) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (request > 0) setOpen(true);
  }, [request]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (matchesShortcut(e, 'shortcuts')) {
        e.preventDefault();
        e.stopPropagation();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  const show = useCallback(() => setOpen(true), []);
  const close = useCallback(() => setOpen(false), []);
  return { open, show, close };
}
