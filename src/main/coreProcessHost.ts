/**
 * Starts the core in an Electron utility process (out/main/coreProcess.js, built from
 * src/core/host/coreProcess.ts) and adapts it to the CoreClient's `CoreChild`.
 *
 * Why a utility process rather than a worker thread in the main process: a crash in the core
 * (a native addon fault in SQLite, running out of memory on a hostile file) ends that process
 * only, and the window, menus and dialogs carry on and restart it; its heap is its own, so a big
 * import never pauses the main process's garbage collector; and better-sqlite3 is a Node-API
 * addon, which runs in a utility process exactly as it does under Node.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { utilityProcess } from 'electron';
import type { CoreChild } from './coreClient';

/** The core's entry: the built file beside the main bundle, or the source under tsx when tests run it from source. */
export function coreProcessEntry(mainDir: string, fromSource: boolean): { modulePath: string; execArgv: string[] } {
  if (fromSource) return { modulePath: resolve(mainDir, '../core/host/coreProcess.ts'), execArgv: ['--import', 'tsx'] };
  const modulePath = join(mainDir, 'coreProcess.js');
  if (!existsSync(modulePath)) throw new Error(`The core's program is missing from this build (${modulePath}). Run \`npm start\`, which builds it.`);
  return { modulePath, execArgv: [] };
}

export function forkCoreProcess(entry: { modulePath: string; execArgv: string[] }, configDir: string): CoreChild {
  const child = utilityProcess.fork(entry.modulePath, ['--config-dir', configDir], {
    serviceName: 'Peer Challenge Studio core',
    execArgv: entry.execArgv,
    stdio: 'inherit',
  });
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
}
