import { z } from 'zod';
import type { JobEvent } from './contracts/jobs';

/** What crosses the Electron bridge besides the contract's own schemas: kept small for the preload. */

/** Commands the Electron menu sends to the renderer (browser mode has its own buttons). */
export const MENU_COMMANDS = [
  'new-assessment',
  'new-from-previous',
  'open-assessment',
  'open-recent',
  'close-assessment',
  'find',
  'export',
  'assessment-details',
  'add-focus-area',
  'save-as-template',
  'templates-folder',
  'restore-backup',
  'import-word',
  'keyboard-shortcuts',
  // Not from the menu: the main process restarted the core after a crash and opened the
  // assessment again (path) or could not (message); the page reloads or goes to the start screen.
  'engine-restarted',
  'engine-reopen-failed',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Menu commands that open one of the main screen's dialogs. */
export type ScreenMenuCommand = Extract<
  MenuCommand,
  'assessment-details' | 'add-focus-area' | 'save-as-template' | 'templates-folder' | 'restore-backup' | 'import-word' | 'export'
>;
export const MenuCommandSchema = z.object({
  command: z.enum(MENU_COMMANDS),
  /** For open-recent: the path chosen. For engine-restarted/-reopen-failed: the assessment's. */
  path: z.string().optional(),
  /** For engine-reopen-failed: why it could not be opened again. */
  message: z.string().max(2000).optional(),
});
export type MenuCommandEvent = z.infer<typeof MenuCommandSchema>;

/** The Electron IPC channel names. Raw IPC stays in src/main/ipc.ts and src/preload. */
export const IPC_INVOKE_CHANNEL = 'pcs:invoke';
export const IPC_MENU_CHANNEL = 'pcs:menu';
/** Job events (progress, outcome) from the main process to the page. */
export const IPC_JOB_CHANNEL = 'pcs:job';
/** The bytes of a file that has no path (a pasted picture), from the page to the main process. */
export const IPC_UPLOAD_CHANNEL = 'pcs:upload';

/** The envelope every call's answer travels in, over IPC and over HTTP alike. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/**
 * What the preload script exposes on `window.pcs` in Electron. Browser mode builds the same
 * `Api` over fetch; the renderer cannot tell which.
 */
export interface PreloadBridge {
  invoke(method: string, args: unknown): Promise<Envelope<unknown>>;
  onMenuCommand(listener: (event: MenuCommandEvent) => void): () => void;
  /** Job events, checked against JobEventSchema in the preload. */
  onJobEvent(listener: (event: JobEvent) => void): () => void;
  /** The path of a dropped or chosen file (Electron's webUtils.getPathForFile); '' when it has none. */
  pathForFile(file: object): string;
  /**
   * For a file with no path (a pasted picture): its bytes are written to a private temporary
   * file and its path answered, so the core takes it like any chosen file.
   */
  uploadBytes(bytes: Uint8Array): Promise<Envelope<{ path: string }>>;
}
