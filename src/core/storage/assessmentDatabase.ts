import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { APPLICATION_ID } from '../../shared/constants';
import { AppError } from '../../shared/errors';
import { backupBeforeMigration } from './backupBeforeMigration';
import { fsyncFile } from './fsyncFile';
import { assessmentPath, companionFiles } from './filePaths';
import { inspectAssessmentFile, inspectIntoPrivateCopy } from './inspectAssessmentFile';
import { removeAbandonedTempFiles, tempPathFor } from './leftoverTempFiles';
import { MIGRATIONS } from './migrations/index';
import { applyMigrations, planMigrations } from './migrations/runner';
import { canWriteOnDisk, FileLockedError, OwnerLock, readOnlyReason, type CanWrite } from './ownerLock';
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
 * - An owner lock file beside it (ownerLock.ts) says who has it open, across machines on a shared
 *   drive, and is taken before SQLite's lock. SQLite's EXCLUSIVE lock stays: it is what makes two
 *   writers impossible on one machine, whatever happens to the lock file.
 * - Somebody else's open file is read through a private copy (openReadOnlyCopy): the copy takes
 *   the `-wal` with it, so it shows every saved change without a second connection to the file,
 *   which the EXCLUSIVE lock would refuse (and which over a network drive could not be trusted).
 */
export interface OpenOptions {
  /** Keep a copy of an older file before migrating it (default true; false for private copies). */
  backupBeforeMigration?: boolean;
  /** Replace a stale owner lock left by another computer (the user chose "Take over"). */
  takeOver?: boolean;
  /** Whether a file or folder can be written to; tests replace it (they run as root). */
  canWrite?: CanWrite;
}

/** Thrown by open() when the file or its folder cannot be written to; the caller may view it read-only. */
export class NotWritableError extends AppError {
  constructor(
    readonly reason: 'read-only-file' | 'read-only-folder',
    message: string,
  ) {
    super('read-only', message);
  }
}

export class AssessmentDatabase {
  private closed = false;
  private constructor(
    readonly db: Database.Database,
    readonly filePath: string,
    /** Where the copy made before migrating this file on open went; null if none was needed. */
    readonly migrationBackupPath: string | null = null,
    /** Our owner lock on the file; null for a read-only view (which reads a private copy). */
    private readonly lock: OwnerLock | null = null,
    /** Removes the private copy a read-only view reads from. */
    private readonly disposeCopy: (() => void) | null = null,
  ) {}

  /** True for a read-only view (openReadOnlyCopy): every write is refused by SQLite (query_only). */
  get readOnly(): boolean {
    return this.disposeCopy !== null;
  }

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
    const notWritable = readOnlyReason(filePath, options.canWrite ?? canWriteOnDisk);
    if (notWritable) throw new NotWritableError(notWritable, notWritableMessage(notWritable, filePath));
    let lock: OwnerLock;
    try {
      lock = OwnerLock.acquire(filePath, { takeOver: options.takeOver });
    } catch (error) {
      if (error instanceof FileLockedError) throw error;
      const mapped = toAppError(error, filePath);
      if (mapped instanceof AppError && mapped.code === 'read-only') {
        throw new NotWritableError('read-only-folder', notWritableMessage('read-only-folder', filePath));
      }
      throw mapped;
    }
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
      return new AssessmentDatabase(db, filePath, backupPath, lock);
    } catch (error) {
      db?.close();
      lock.release();
      throw toAppError(error, filePath, 'damaged');
    }
  }

  /**
   * A read-only view of an assessment somebody else has open, or that cannot be written to: a
   * private copy (with its saved changes from the `-wal`), brought up to date like any opened file,
   * then set query_only so every write is refused. The user's file is never opened by SQLite here.
   */
  static openReadOnlyCopy(requestedPath: string): AssessmentDatabase {
    const filePath = path.resolve(requestedPath);
    const copy = inspectIntoPrivateCopy(filePath);
    let db: Database.Database | undefined;
    try {
      db = new Database(copy.copyPath, { fileMustExist: true });
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('foreign_keys = ON');
      applyMigrations(db, planMigrations(db, filePath));
      db.pragma('query_only = ON');
      return new AssessmentDatabase(db, filePath, null, null, copy.dispose);
    } catch (error) {
      db?.close();
      copy.dispose();
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
    if (this.disposeCopy) {
      this.db.close();
      this.disposeCopy();
      return;
    }
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.pragma('journal_mode = DELETE');
    } catch (error) {
      // The data is safe in the WAL and SQLite folds it in on the next open; just say so.
      console.error('Peer Challenge Studio: checkpoint on close failed', error);
    }
    this.db.close();
    this.lock?.release();
  }
}

function notWritableMessage(reason: 'read-only-file' | 'read-only-folder', filePath: string): string {
  const name = path.basename(filePath);
  return reason === 'read-only-file'
    ? `“${name}” is a read-only file, so it has been opened for reading only. To make changes, ask for permission to change it, or copy it to a folder you can save in.`
    : `“${name}” is in a folder that cannot be written to, so it has been opened for reading only. To make changes, copy it to a folder you can save in.`;
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
