/** Keyboard shortcuts as the user's platform writes them: Ctrl+F on Windows and Linux, ⌘F on a Mac. */

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Mod+Shift+Z" → "Ctrl+Shift+Z" or "⌘⇧Z". Mod is Ctrl, or ⌘ on a Mac. */
export function shortcutLabel(keys: string): string {
  const parts = keys.split('+');
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

/** True for the platform's undo key (Ctrl+Z, ⌘Z), not redo. */
export function isUndoKey(e: KeyboardEvent): boolean {
  return (isMac ? e.metaKey : e.ctrlKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z';
}

/** Where Ctrl+Z already means something: text fields and the editor keep their own history. */
export function hasOwnUndo(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}
