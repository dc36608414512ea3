/** Keyboard shortcuts as the user's platform writes them: Ctrl+F on Windows and Linux, ⌘F on a Mac. */
import { SHORTCUTS, type ShortcutId } from '../../shared/shortcuts';

export { SHORTCUTS, SHORTCUT_GROUPS, type Shortcut, type ShortcutGroup, type ShortcutId } from '../../shared/shortcuts';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const KEY_NAMES: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc' };

/** "Mod+Shift+Z" → "Ctrl+Shift+Z" or "⌘⇧Z". Mod is Ctrl, or ⌘ on a Mac. */
export function shortcutLabel(keys: string): string {
  const parts = keys.split('+').map((p) => KEY_NAMES[p] ?? p);
  if (!isMac) return parts.map((p) => (p === 'Mod' ? 'Ctrl' : p)).join('+');
  const mac: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' };
  return parts.map((p) => mac[p] ?? p).join('');
}

/** The same, for `aria-keyshortcuts` ("Control+F", "Meta+F"). */
export function ariaShortcut(keys: string): string {
  return keys
    .split('+')
    .map((p) => (p === 'Mod' ? (isMac ? 'Meta' : 'Control') : p === 'Ctrl' ? 'Control' : p))
    .join('+');
}

/** A listed shortcut's label, e.g. shortcutFor('find') → "Ctrl+F". */
export function shortcutFor(id: ShortcutId): string {
  return shortcutLabel(SHORTCUTS[id].keys);
}

/** A listed shortcut for `aria-keyshortcuts`, with its second key if it has one off the Mac. */
export function ariaShortcutFor(id: ShortcutId): string {
  const s: { keys: string; alsoKeys?: string } = SHORTCUTS[id];
  return [s.keys, ...(s.alsoKeys && !isMac ? [s.alsoKeys] : [])].map(ariaShortcut).join(' ');
}

/** True when the event is the listed shortcut (Mod matches Ctrl, or ⌘ on a Mac). */
export function matchesShortcut(e: KeyboardEvent, id: ShortcutId): boolean {
  const parts = SHORTCUTS[id].keys.split('+');
  const key = parts[parts.length - 1]!;
  const mod = parts.includes('Mod');
  return (
    (isMac ? e.metaKey : e.ctrlKey) === mod &&
    e.shiftKey === parts.includes('Shift') &&
    e.altKey === parts.includes('Alt') &&
    e.key.toLowerCase() === key.toLowerCase()
  );
}
/** True for the platform's undo key (Ctrl+Z, ⌘Z), not redo. */
export function isUndoKey(e: KeyboardEvent): boolean {
  return (isMac ? e.metaKey : e.ctrlKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z';
}

/** Where Ctrl+Z already means something: text fields and the editor keep their own history. */
export function hasOwnUndo(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}
