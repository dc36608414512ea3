/**
 * Every keyboard shortcut the app has, in one list: the "Keyboard shortcuts" sheet, the labels
 * beside menu items and toolbar buttons, and the Electron menu's accelerators all read it, so
 * they cannot drift apart. Pure data: the renderer formats keys for the user's platform, the
 * main process turns them into Electron accelerators.
 *
 * Keys are written "Mod+Shift+Z": Mod is Ctrl, or ⌘ on a Mac; other parts are KeyboardEvent.key
 * names ("ArrowUp", "Delete", "F2", "/").
 */

export type ShortcutGroup = 'Editing' | 'Binder' | 'Find' | 'Files';

export interface Shortcut {
  group: ShortcutGroup;
  /** What the shortcut does, as the sheet lists it. */
  action: string;
  keys: string;
  /** Another key for the same thing on Windows and Linux (Ctrl+Y for redo). */
  alsoKeys?: string;
  /** Only in the desktop app: the browser keeps Ctrl+N, Ctrl+W and the like for itself. */
  desktopOnly?: boolean;
}

export const SHORTCUTS = {
  bold: { group: 'Editing', action: 'Bold', keys: 'Mod+B' },
  italic: { group: 'Editing', action: 'Italic', keys: 'Mod+I' },
  underline: { group: 'Editing', action: 'Underline', keys: 'Mod+U' },
  undo: { group: 'Editing', action: 'Undo', keys: 'Mod+Z' },
  redo: { group: 'Editing', action: 'Redo', keys: 'Mod+Shift+Z', alsoKeys: 'Ctrl+Y' },
  citeEvidence: { group: 'Editing', action: 'Cite evidence for the selected words', keys: 'Mod+Shift+E' },
  renameSection: { group: 'Binder', action: 'Rename the section', keys: 'F2' },
  deleteSection: { group: 'Binder', action: 'Delete the section', keys: 'Delete' },
  moveUp: { group: 'Binder', action: 'Move the section up', keys: 'Alt+ArrowUp' },
  moveDown: { group: 'Binder', action: 'Move the section down', keys: 'Alt+ArrowDown' },
  moveOut: { group: 'Binder', action: 'Move the section out a level', keys: 'Alt+ArrowLeft' },
  moveIn: { group: 'Binder', action: 'Move the section in a level', keys: 'Alt+ArrowRight' },
  binderUndo: { group: 'Binder', action: 'Undo the last binder change', keys: 'Mod+Z' },
  binderRedo: { group: 'Binder', action: 'Redo it', keys: 'Mod+Shift+Z', alsoKeys: 'Ctrl+Y' },
  find: { group: 'Find', action: 'Find', keys: 'Mod+F' },
  closeFind: { group: 'Find', action: 'Close Find and replace', keys: 'Escape' },
  newAssessment: { group: 'Files', action: 'Create a new assessment', keys: 'Mod+N', desktopOnly: true },
  openAssessment: { group: 'Files', action: 'Open an assessment', keys: 'Mod+O', desktopOnly: true },
  closeAssessment: { group: 'Files', action: 'Close the assessment', keys: 'Mod+W', desktopOnly: true },
  export: { group: 'Files', action: 'Export', keys: 'Mod+E', desktopOnly: true },
  recommendations: { group: 'Files', action: 'Open the recommendations register', keys: 'Alt+Shift+R' },
  shortcuts: { group: 'Files', action: 'Keyboard shortcuts', keys: 'Mod+/' },
} as const satisfies Record<string, Shortcut>;

export type ShortcutId = keyof typeof SHORTCUTS;

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = ['Editing', 'Binder', 'Find', 'Files'];

/** "Mod+Shift+Z" as an Electron accelerator: "CmdOrCtrl+Shift+Z". */
export function electronAccelerator(id: ShortcutId): string {
  return SHORTCUTS[id].keys
    .split('+')
    .map((p) => (p === 'Mod' ? 'CmdOrCtrl' : p === 'ArrowUp' ? 'Up' : p === 'ArrowDown' ? 'Down' : p === 'ArrowLeft' ? 'Left' : p === 'ArrowRight' ? 'Right' : p))
    .join('+');
}
