import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FILE_EXTENSION } from '../../shared/constants';

/**
 * A new assessment is built in `<name>.pcstudio.tmp-<12 hex>` beside its target and moved into
 * place when complete (assessmentDatabase.ts). A process killed meanwhile leaves that file (and
 * perhaps its -journal) behind. They hold nothing anyone saved, so they are removed the next time
 * an assessment is created or opened in that folder.
 *
 * One that is still being built by a live process is left alone: the builder holds an exclusive
 * lock on it from its first write to its close (locking_mode = EXCLUSIVE), so taking the lock
 * with no wait tells a dead builder's file from a live one's.
 */
const TEMP_NAME = new RegExp(`^.+${FILE_EXTENSION.replace('.', '\\.')}\\.tmp-[0-9a-f]{12}$`, 'i');
const TEMP_COMPANION = /^(.+)-(journal|wal|shm)$/;

export function tempPathFor(filePath: string, suffix: string): string {
  return `${filePath}.tmp-${suffix}`;
}

function isAbandoned(tempPath: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(tempPath, { fileMustExist: true, timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT;');
    return true;
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    // Busy: a live builder. Anything else (an empty or half-written file): nobody can use it.
    return !(code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
  } finally {
    db?.close();
  }
}

/**
 * Removes abandoned temporary files of unfinished creates in `folder`; never throws. `keep` is a
 * file about to be opened on purpose (a job building a copy opens its own temporary file).
 */
export function removeAbandonedTempFiles(folder: string, keep?: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    // A companion whose temporary file has already gone: nothing can use it.
    const companionOf = TEMP_COMPANION.exec(name)?.[1];
    if (companionOf && TEMP_NAME.test(companionOf) && !names.includes(companionOf)) {
      fs.rmSync(path.join(folder, name), { force: true });
      continue;
    }
    if (!TEMP_NAME.test(name)) continue;
    const tempPath = path.join(folder, name);
    if (keep !== undefined && path.resolve(keep) === path.resolve(tempPath)) continue;
    try {
      if (!isAbandoned(tempPath)) continue;
      for (const leftover of [tempPath, `${tempPath}-journal`, `${tempPath}-wal`, `${tempPath}-shm`]) {
        fs.rmSync(leftover, { force: true });
      }
    } catch {
      // Tidying is a courtesy; a file that will not go stays until next time.
    }
  }
}
