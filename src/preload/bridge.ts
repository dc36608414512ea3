/**
 * The object the preload script exposes as `window.pcs`: exactly `PreloadBridge`, nothing more.
 * The page never sees ipcRenderer or an IPC event object. Built from a minimal IPC interface so
 * it can be tested without Electron.
 */
import { JobEventSchema, type JobEvent } from '../shared/contracts/jobs';
import {
  IPC_INVOKE_CHANNEL,
  IPC_JOB_CHANNEL,
  IPC_MENU_CHANNEL,
  IPC_UPLOAD_CHANNEL,
  MenuCommandSchema,
  type Envelope,
  type MenuCommandEvent,
  type PreloadBridge,
} from '../shared/ipc';

/** The part of Electron's ipcRenderer the bridge uses. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Menu commands that arrive before the page subscribes (e.g. a file to open at start-up). */
const MAX_PENDING = 16;

export function createBridge(ipc: BridgeIpc, pathForFile: (file: object) => string = () => ''): PreloadBridge {
  const jobListeners = new Set<(event: JobEvent) => void>();
  ipc.on(IPC_JOB_CHANNEL, (_event, payload) => {
    const parsed = JobEventSchema.safeParse(payload);
    if (!parsed.success) return;
    for (const listener of [...jobListeners]) {
      try {
        listener(structuredClone(parsed.data));
      } catch (error) {
        console.error('A job event listener failed:', error);
      }
    }
  });

  const listeners = new Set<(event: MenuCommandEvent) => void>();
  const pending: MenuCommandEvent[] = [];

  const deliver = (command: MenuCommandEvent) => {
    for (const listener of [...listeners]) {
      try {
        // A fresh plain object each time, so no listener can change what another sees.
        listener({
          command: command.command,
          ...(command.path === undefined ? {} : { path: command.path }),
          ...(command.message === undefined ? {} : { message: command.message }),
        });
      } catch (error) {
        console.error('A menu command listener failed:', error);
      }
    }
  };

  const flush = () => {
    if (listeners.size === 0) return;
    for (const command of pending.splice(0)) deliver(command);
  };

  ipc.on(IPC_MENU_CHANNEL, (_event, payload) => {
    const parsed = MenuCommandSchema.safeParse(payload);
    if (!parsed.success) return;
    if (listeners.size === 0) {
      if (pending.length < MAX_PENDING) pending.push(parsed.data);
      return;
    }
    deliver(parsed.data);
  });

  return {
    invoke(method: string, args: unknown): Promise<Envelope<unknown>> {
      if (typeof method !== 'string') {
        return Promise.resolve({ ok: false, error: { code: 'invalid-input', message: 'The request did not name a method.' } });
      }
      return ipc.invoke(IPC_INVOKE_CHANNEL, method, args).then(
        (envelope) => envelope as Envelope<unknown>,
        () => ({
          ok: false,
          error: {
            code: 'internal',
            message: 'Peer Challenge Studio could not complete that request. Please try again, and report it if it keeps happening.',
          },
        }),
      );
    },

    onJobEvent(listener: (event: JobEvent) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('onJobEvent needs a function.');
      jobListeners.add(listener);
      return () => {
        jobListeners.delete(listener);
      };
    },

    uploadBytes(bytes: Uint8Array): Promise<Envelope<{ path: string }>> {
      if (!(bytes instanceof Uint8Array)) {
        return Promise.resolve({ ok: false, error: { code: 'invalid-input', message: 'The file did not arrive as bytes.' } });
      }
      return ipc.invoke(IPC_UPLOAD_CHANNEL, bytes).then(
        (envelope) => envelope as Envelope<{ path: string }>,
        () => ({ ok: false, error: { code: 'io', message: 'The file could not be passed to Peer Challenge Studio. Save it to a folder, then add it from there.' } }),
      );
    },

    pathForFile(file: object): string {
      try {
        return pathForFile(file);
      } catch {
        return '';
      }
    },

    onMenuCommand(listener: (event: MenuCommandEvent) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function.');
      listeners.add(listener);
      // Hand over anything that came before the page was listening, once it has finished
      // subscribing (and after React's StrictMode subscribe–unsubscribe–subscribe dance).
      if (pending.length > 0) queueMicrotask(flush);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        listeners.delete(listener);
      };
    },
  };
}
