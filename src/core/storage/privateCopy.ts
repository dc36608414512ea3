import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { companionState, type CompanionState } from './companionFiles';
import { LOCKED_MESSAGE, toAppError } from './sqliteErrors';

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
  const state = companionState(filePath, header);
  refuseIfOpenElsewhere(filePath, state);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcs-look-'));
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
    return look(copyPath, state);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The app holds an exclusive lock while it has the file open, so a read-only connection is
 * refused at once. The probe uses exclusive locking mode itself, so a WAL file gets its index in
 * memory and no `-shm` is created. A file in WAL mode without its `-wal` cannot be open in the
 * app (which always has one), and probing it would create a `-wal`, so it is not probed.
 */
function refuseIfOpenElsewhere(filePath: string, state: CompanionState): void {
  if (state.maybeIncompleteCopy) return;
  let db: Database.Database | undefined;
  try {
    db = new Database(filePath, { readonly: true, fileMustExist: true, timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new AppError('locked', LOCKED_MESSAGE, { cause: error });
    }
    // Anything else (an interrupted save to roll back, damage) is for the copy to show.
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
