import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where a worker thread's code is, for the core's workers (evidence extraction, export).
 *
 * Running from source (tests, `npm run cli` through tsx): the .ts file beside the caller.
 * Built (out/main, out/cli): the compiled entry next to the bundle or one folder up (the caller
 * may sit in a shared chunk).
 *
 * In the packaged app the bundle is inside the app.asar archive, and a Node worker thread cannot be
 * started from a file in there. electron-builder.yml unpacks the worker entries (and the chunks and
 * packages they import) to `app.asar.unpacked` beside it (`asarUnpack`); the worker is started
 * from there.
 */
export interface WorkerEntry {
  url: URL;
  execArgv: string[];
}

const ASAR_SEGMENT = /([\\/])app\.asar([\\/])/;

/** The same path in the unpacked copy beside the archive (…/app.asar/x → …/app.asar.unpacked/x); unchanged outside an archive. Pure. */
export function unpackedFromAsar(filePath: string): string {
  return filePath.replace(ASAR_SEGMENT, '$1app.asar.unpacked$2');
}

/** The built entry's path for a caller at `callerUrl`, preferring the unpacked copy; null if missing. */
export function findBuiltWorker(callerUrl: string, builtName: string, exists: (file: string) => boolean = fs.existsSync): string | null {
  const dir = path.dirname(fileURLToPath(callerUrl));
  for (const candidate of [path.join(dir, builtName), path.join(dir, '..', builtName)]) {
    // Checked first: inside the archive, exists() is true for a file that is only a pointer to it.
    const unpacked = unpackedFromAsar(candidate);
    if (unpacked !== candidate && exists(unpacked)) return unpacked;
    if (exists(candidate)) return candidate;
  }
  return null;
}

/** The worker's entry for a caller at `callerUrl` (its import.meta.url). Throws when the build lacks it. */
export function workerEntry(callerUrl: string, sourceName: string, builtName: string, missing: string): WorkerEntry {
  if (callerUrl.endsWith('.ts')) return { url: new URL(`./${sourceName}`, callerUrl), execArgv: ['--import', 'tsx'] };
  const built = findBuiltWorker(callerUrl, builtName);
  if (!built) throw new Error(missing);
  return { url: pathToFileURL(built), execArgv: [] };
}
