/**
 * The only file that touches raw IPC in the main process. One channel in (every API call, handed
 * to the core's dispatcher after checking who sent it) and one out (menu commands to the page).
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import {
  IPC_INVOKE_CHANNEL,
  IPC_JOB_CHANNEL,
  IPC_MENU_CHANNEL,
  IPC_UPLOAD_CHANNEL,
  type Envelope,
  type MenuCommandEvent,
} from '../shared/contract';
import type { JobEvent } from '../shared/contracts/jobs';
import { isTrustedSender } from './urls';
import { UploadBytesSchema, type UploadFolder } from './uploads';

/** The core's dispatcher: validates the arguments and runs one call. Never throws. */
export type Dispatch = (method: string, rawArgs: unknown) => Promise<Envelope<unknown>>;

function refusal(code: 'not-allowed' | 'invalid-input' | 'internal', message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

let inFlight = 0;

/**
 * Resolves once no API call is being handled (or after `timeoutMs`). Closing the window sends the
 * page's last autosave as it unloads; quitting waits for it so the last keystrokes reach the file.
 */
export function whenApiIdle(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((done) => {
    const check = () => {
      if (inFlight === 0 || Date.now() >= deadline) done();
      else setTimeout(check, 20);
    };
    // One turn first, so a save sent during unload has arrived and been counted.
    setTimeout(check, 50);
  });
}

export function registerApiHandler(dispatch: Dispatch, devServerUrl: string | undefined): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, args: unknown) => {
    const frame = event.senderFrame;
    const sender = { url: frame?.url, isTopFrame: frame !== null && frame.parent === null };
    if (!isTrustedSender(sender, devServerUrl)) {
      return refusal('not-allowed', 'This page is not allowed to use Peer Challenge Studio.');
    }
    if (typeof method !== 'string') {
      return refusal('invalid-input', 'The request did not name a method.');
    }
    inFlight++;
    try {
      return await dispatch(method, args);
    } catch {
      // The dispatcher never throws; this is a last guard so the page always gets an envelope.
      return refusal('internal', 'Something went wrong in Peer Challenge Studio. Please report this as a bug.');
    } finally {
      inFlight--;
    }
  });
  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
}

/**
 * The bytes of a path-less file (a pasted picture) from the trusted page: checked, written to the
 * private upload folder, answered with the path the page then hands to the core.
 */
export function registerUploadHandler(uploads: UploadFolder, devServerUrl: string | undefined): () => void {
  ipcMain.handle(IPC_UPLOAD_CHANNEL, async (event: IpcMainInvokeEvent, bytes: unknown): Promise<Envelope<{ path: string }>> => {
    const frame = event.senderFrame;
    if (!isTrustedSender({ url: frame?.url, isTopFrame: frame !== null && frame.parent === null }, devServerUrl)) {
      return refusal('not-allowed', 'This page is not allowed to use Peer Challenge Studio.');
    }
    const parsed = UploadBytesSchema.safeParse(bytes);
    if (!parsed.success) return refusal('invalid-input', parsed.error.issues[0]?.message ?? 'The file did not arrive as bytes.');
    try {
      return { ok: true, value: { path: await uploads.store(parsed.data) } };
    } catch {
      return refusal('internal', 'The file could not be kept for adding (is the disk full?). Save it to a folder, then add it from there.');
    }
  });
  return () => ipcMain.removeHandler(IPC_UPLOAD_CHANNEL);
}

/** Sends a menu command to the page in `win`, once the page has loaded. */
export function sendMenuCommand(win: BrowserWindow, command: MenuCommandEvent): void {
  if (win.isDestroyed()) return;
  const contents = win.webContents;
  const send = () => {
    if (!win.isDestroyed()) contents.send(IPC_MENU_CHANNEL, command);
  };
  if (contents.isLoading()) contents.once('did-finish-load', send);
  else send();
}

/**
 * Forwards the core's job events to the page in whichever window is open now (one window per
 * core). Returns the unsubscribe function.
 */
export function forwardJobEvents(
  subscribe: (listener: (event: JobEvent) => void) => () => void,
  getWindow: () => BrowserWindow | null,
): () => void {
  return subscribe((event) => {
    const win = getWindow();
    if (!win || win.isDestroyed()) return;
    win.webContents.send(IPC_JOB_CHANNEL, event);
  });
}
