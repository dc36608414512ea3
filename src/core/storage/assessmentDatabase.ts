import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { APPLICATION_ID } from '../../shared/constants';
import { AppError } from '../../shared/errors';
import { backupBeforeMigration } from './backupBeforeMigration';
import { assessmentPath, companionFiles } from './filePaths';
import { inspectAssessmentFile } from './inspectAssessmentFile';
import { removeAbandonedTempFiles, tempPathFor } from './leftoverTempFiles';
import { MIGRATIONS } from './migrations/index';
import { applyMigrations, planMigrations } from './migrations/runner';
import { toAppError } from './sqliteErrors';

/**
 * An open assessment file: one SQLite database, held exclusively by this process until closed.
 *
 * Why these settings:
 * - WAL with synchronous = NORMAL: a committed save is in the WAL before the call returns, so a
 *   killed process loses nothing; only a power cut can lose the last moments, never corrupt.
 * - locking_mode = EXCLUSIVE, set before the first read: the first read takes a lock that is
 *   held until close, so a second window or program gets SQLITE_BUSY at once (shown as 'locked')
 *   instead of two writers taking turns on one statement. It also keeps the WAL index in memory,
 *   so no -shm file is needed. The OS releases the lock if the process dies.
 * - At rest the file is in rollback-journal mode, not WAL: then it is one self-contained file
 *   that can be read from read-only media or inspected read-only without SQLite creating a -shm
 *   beside it. WAL is switched on while the file is open and off again on close, after a
 *   TRUNCATE checkpoint has folded everything back into the main file.
 */
export interface OpenOptions {
  /** Keep a copy of an older file before migrating it (default true; false for private copies). */
  backupBeforeMigration?: boolean;
}

export class AssessmentDatabase {
  private closed = false;
  private constructor(
    readonly db: Database.Database,
    readonly filePath: string,
    /** Where the copy made before migrating this file on open went; null if none was needed. */
    readonly migrationBackupPath: string | null = null,
  ) {}

  /** The schema version the file is at (after migrations). */
  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  /** Opens an existing assessment for reading and writing, migrating it if it is older. */
  static open(requestedPath: string, options: OpenOptions = {}): AssessmentDatabase {
    const filePath = path.resolve(requestedPath);
    const leftovers = inspectAssessmentFile(filePath);
    removeAbandonedTempFiles(path.dirname(filePath), filePath);
    // SQLite would replay a -wal that is not this file's into it: move it out of the way first.
    if (leftovers.wal === 'stray') moveStrayWalAside(filePath);
    let db: Database.Database | undefined;
    try {
      // A hot journal left by a crash is rolled back, and a -wal replayed, by this connection.
      db = new Database(filePath, { fileMustExist: true, timeout: 200 });
      configureConnection(db);
      removeStaleSharedMemoryFile(filePath);
      // Planned again under our lock: the file could have changed since it was inspected.
      const pending = planMigrations(db, filePath);
      const backupPath =
        pending.length > 0 && options.backupBeforeMigration !== false
          ? backupBeforeMigration(db, filePath, pending.at(-1)!.version)
          : null;
      applyMigrations(db, pending);
      return new AssessmentDatabase(db, filePath, backupPath);
    } catch (error) {
      db?.close();
      throw toAppError(error, filePath, 'damaged');
    }
  }

  /**
   * Creates a new assessment, built in a temporary file beside the target and moved into place
   * only when complete, so a failure leaves nothing half-made. `populate` runs in a transaction.
   */
  static create(requestedPath: string, populate: (db: Database.Database) => void): AssessmentDatabase {
    const filePath = assessmentPath(requestedPath);
    const name = path.basename(filePath);
    if (fs.existsSync(filePath)) {
      throw new AppError('already-exists', `There is already a file called “${name}” in that folder.`);
    }
    const folder = path.dirname(filePath);
    if (!fs.existsSync(folder)) {
      throw new AppError('not-found', `The folder “${folder}” does not exist. Choose another place to save “${name}”.`);
    }
    removeAbandonedTempFiles(folder);
    const tempPath = tempPathFor(filePath, randomBytes(6).toString('hex'));
    let db: Database.Database | undefined;
    try {
      db = new Database(tempPath);
      // Held until close, so a tidy-up by another process sees this file is still being built.
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma('foreign_keys = ON');
      applyMigrations(db, MIGRATIONS);
      db.transaction(() => populate(db!))();
      db.close();
      db = undefined;
      fsyncFile(tempPath);
      moveIntoPlace(tempPath, filePath);
    } catch (error) {
      db?.close();
      for (const leftover of [tempPath, ...companionFiles(tempPath)]) fs.rmSync(leftover, { force: true });
      throw toAppError(error, filePath);
    }
    return AssessmentDatabase.open(filePath);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.pragma('journal_mode = DELETE');
    } catch (error) {
      // The data is safe in the WAL and SQLite folds it in on the next open; just say so.
      console.error('Peer Challenge Studio: checkpoint on close failed', error);
    }
    this.db.close();
  }
}

function configureConnection(db: Database.Database): void {
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // The first read takes the exclusive lock now rather than at the first save.
  db.prepare('SELECT count(*) FROM sqlite_master').get();
}

/**
 * A read-only look at a file left in WAL mode (after a crash) makes SQLite create a -shm file.
 * We keep the WAL index in memory (exclusive mode) and hold the lock, so nobody else can be
 * using that file: removing it keeps the folder tidy.
 */
function removeStaleSharedMemoryFile(filePath: string): void {
  try {
    fs.rmSync(`${filePath}-shm`, { force: true });
  } catch {
    // Harmless if it stays.
  }
}

/** Renames a -wal that does not belong to the file so SQLite cannot use it; it may be somebody's. */
function moveStrayWalAside(filePath: string): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  try {
    fs.renameSync(`${filePath}-wal`, `${filePath}-wal.not-used-${stamp}`);
  } catch (error) {
    throw toAppError(error, filePath);
  }
}

function fsyncFile(filePath: string): void {
  const fd = fs.openSync(filePath, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * link() fails if the target exists, so a file that appeared meanwhile is never overwritten;
 * where links are not supported (some network or FAT drives) fall back to rename.
 */
function moveIntoPlace(tempPath: string, filePath: string): void {
  try {
    fs.linkSync(tempPath, filePath);
    fs.rmSync(tempPath, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new AppError('already-exists', `There is already a file called “${path.basename(filePath)}” in that folder.`);
    }
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV' || code === 'ENOSYS' || code === 'EMLINK') {
      fs.renameSync(tempPath, filePath);
      return;
    }
    throw error;
  }
}
