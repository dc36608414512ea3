import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { companionState, type CompanionState } from './companionFiles';
import { toAppError } from './sqliteErrors';

/**
 * Runs `look` on a private copy of an assessment, put right as the app would put it right on
 * opening (an interrupted save rolled back, saved changes in its `-wal` folded in), so a
 * read-only command can see the file as it really is without changing a byte beside it.
 *
 * Why a copy: SQLite cannot do this read-only. A read-only connection refuses a file with a
 * rollback journal to undo (SQLITE_READONLY_ROLLBACK, reported as a permissions problem), creates
 * a `-shm` (and even a `-wal`) beside a file in WAL mode, and replays any `-wal` it finds, even
 * one that is not the file's own. The copy is a few hundred kilobytes for a whole statement.
 */
export function withPrivateCopy<T>(
  filePath: string,
  header: Buffer,
  look: (copyPath: string, state: CompanionState) => T,
): T {
  const copy = makePrivateCopy(filePath, header);
  try {
    return look(copy.copyPath, copy.state);
  } finally {
    copy.dispose();
  }
}

export interface PrivateCopy {
  copyPath: string;
  state: CompanionState;
  /** Removes the copy and its folder. */
  dispose(): void;
}

/**
 * Makes a private copy that lives until `dispose` (a read-only view keeps its copy while open).
 *
 * A file open in the app (here or on another computer) is copied too: its saved changes are in
 * the `-wal` beside it, which is copied with it. SQLite's locks are advisory on Linux and macOS
 * and cover bytes past the end of our files on Windows, so they do not stop a plain copy. A save
 * landing mid-copy can leave a torn `-wal` tail (SQLite ignores frames after the last good commit)
 * or, when a checkpoint races with the copy, a copy SQLite calls damaged; so a copy of a file
 * with a `-wal` is checked and taken again, a few times, before it is believed damaged.
 */
export function makePrivateCopy(filePath: string, header: Buffer): PrivateCopy {
  const attempts = 3;
  for (let attempt = 1; ; attempt++) {
    const state = companionState(filePath, header);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcs-look-'));
    const dispose = () => fs.rmSync(dir, { recursive: true, force: true });
    try {
      const copyPath = path.join(dir, path.basename(filePath));
      try {
        fs.copyFileSync(filePath, copyPath);
        if (state.wal === 'ours') fs.copyFileSync(`${filePath}-wal`, `${copyPath}-wal`);
        if (state.hotJournal) fs.copyFileSync(`${filePath}-journal`, `${copyPath}-journal`);
      } catch (error) {
        throw toAppError(error, filePath);
      }
      recoverInPlace(copyPath);
      if (state.wal === 'ours' && attempt < attempts && !passesQuickCheck(copyPath)) {
        dispose();
        continue;
      }
      return { copyPath, state, dispose };
    } catch (error) {
      dispose();
      throw error;
    }
  }
}

function passesQuickCheck(copyPath: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(copyPath, { readonly: true, fileMustExist: true });
    const rows = db.pragma('quick_check', { simple: false }) as Array<{ quick_check: string }>;
    return rows.length === 1 && rows[0]?.quick_check === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/**
 * Opens a file read-write the way SQLite recovers it: the first read rolls back a hot journal
 * or replays the `-wal`; then it is folded into one standalone file in rollback mode. Errors
 * are left for the inspection that follows, which explains them.
 */
export function recoverInPlace(filePath: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(filePath, { fileMustExist: true, timeout: 200 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (db.pragma('journal_mode', { simple: true }) === 'wal') {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('journal_mode = DELETE');
    }
  } catch {
    // Left for the inspection to report in the user's terms.
  } finally {
    db?.close();
  }
}
