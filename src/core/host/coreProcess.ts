/**
 * The core's own process: the entry Electron's main process starts with `utilityProcess.fork`
 * (built to out/main/coreProcess.js). It runs the whole core (SQLite, backups, jobs) so that a
 * long call or a crash in the core never freezes or takes down the window and its menus.
 *
 * It speaks the protocol in ./protocol.ts over whichever channel it was started with:
 * Electron's `process.parentPort` in the app, or Node's IPC channel (`process.send`) when a test
 * starts it with `child_process.fork`. The settings folder comes as `--config-dir <path>`.
 */
import { createCore } from '../index';
import { serveCore } from './coreServer';
import type { HostReply, MessageEnd } from './protocol';

/** Electron's parentPort, typed by shape: the core may not import Electron. */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function parentEnd(): MessageEnd<unknown, HostReply> {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      post: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
    };
  }
  if (process.send) {
    const send = process.send.bind(process);
    return {
      post: (message) => void send(message),
      onMessage: (listener) => process.on('message', listener),
    };
  }
  throw new Error('The core process was started without a channel to the app.');
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const configDir = argument('--config-dir') ?? process.env.PCS_CONFIG_DIR;
if (!configDir) throw new Error('The core process needs --config-dir.');

const core = createCore({ configDir });
// After shutting down, the app ends this process once it has the answer; leaving by ourselves a
// moment later covers an app that is no longer listening (exiting at once could drop the answer).
serveCore(parentEnd(), core, { onShutDown: () => setTimeout(() => process.exit(0), 1000) });

// The app went away without asking us to shut down (it crashed or was killed): close the file
// so the lock and the WAL are not left behind, then go too.
process.on('disconnect', () => {
  core.close();
  process.exit(0);
});
