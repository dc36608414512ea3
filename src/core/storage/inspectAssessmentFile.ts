import fs from 'node:fs';
import Database from 'better-sqlite3';
import { APPLICATION_ID } from '../../shared/constants';
import { REQUIRED_TABLES } from './migrations/index';
import { planMigrations } from './migrations/runner';
import type { CompanionState } from './companionFiles';
import { makePrivateCopy, withPrivateCopy, type PrivateCopy } from './privateCopy';
import { damaged, notAnAssessment, toAppError } from './sqliteErrors';

/**
 * Decides whether a file may be opened for writing, without changing a byte of it.
 *
 * Opening a database read-write can change it (journal recovery, switching journal mode,
 * migrations), so everything that could reject a file happens first: checks on the raw header
 * bytes, then a read-only SQLite connection for the integrity check, tables and schema version.
 * Only a file that passes all of these is opened read-write.
 *
 * The SQLite checks run on a private copy put right as opening would put it right (see
 * privateCopy.ts), so a crash leftover is judged by what opening will make of it, and nothing
 * (not even a `-shm`) appears beside the user's file.
 */

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** The database header is 100 bytes; application_id is the big-endian integer at offset 68. */
const HEADER_SIZE = 100;
const APPLICATION_ID_OFFSET = 68;

function readHeader(filePath: string): Buffer {
  const fd = fs.openSync(filePath, 'r');
  try {
    const header = Buffer.alloc(HEADER_SIZE);
    const bytesRead = fs.readSync(fd, header, 0, HEADER_SIZE, 0);
    return header.subarray(0, bytesRead);
  } finally {
    fs.closeSync(fd);
  }
}

function checkHeader(filePath: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch (error) {
    throw toAppError(error, filePath);
  }
  if (!stat.isFile()) throw notAnAssessment(filePath);
  let header: Buffer;
  try {
    header = readHeader(filePath);
  } catch (error) {
    throw toAppError(error, filePath);
  }
  if (header.length < SQLITE_MAGIC.length || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw notAnAssessment(filePath);
  }
  // A valid SQLite file of another app is refused here, before SQLite ever opens it.
  if (header.length < HEADER_SIZE || header.readUInt32BE(APPLICATION_ID_OFFSET) !== APPLICATION_ID) {
    throw notAnAssessment(filePath);
  }
  return header;
}

/** Read-only checks on `dbPath` (a private copy); messages name the user's file, `filePath`. */
function checkWithReadOnlyConnection(dbPath: string, filePath: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true, timeout: 200 });
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw notAnAssessment(filePath);
    const problems = db.pragma('quick_check', { simple: false }) as Array<{ quick_check: string }>;
    if (problems.length !== 1 || problems[0]?.quick_check !== 'ok') throw damaged(filePath);
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map(
        (row) => row.name,
      ),
    );
    if (!REQUIRED_TABLES.every((name) => tables.has(name))) throw damaged(filePath);
    // Throws 'too-new' or 'damaged'; the pending list itself is recomputed after opening.
    planMigrations(db, filePath);
  } catch (error) {
    throw toAppError(error, filePath, 'damaged');
  } finally {
    db?.close();
  }
}

/**
 * Throws the AppError that explains why `filePath` cannot be opened, or returns what lies
 * beside it. `look`, if given, then runs on the private copy that passed.
 */
export function inspectAssessmentFile(filePath: string): CompanionState;
export function inspectAssessmentFile<T>(filePath: string, look: (copyPath: string, state: CompanionState) => T): T;
export function inspectAssessmentFile<T>(
  filePath: string,
  look?: (copyPath: string, state: CompanionState) => T,
): T | CompanionState {
  const header = checkHeader(filePath);
  return withPrivateCopy(filePath, header, (copyPath, state) => {
    checkWithReadOnlyConnection(copyPath, filePath);
    return look ? look(copyPath, state) : state;
  });
}


/**
 * Like inspectAssessmentFile, but keeps the private copy that passed for the caller to read from
 * until it calls `dispose`: the read-only view of a file somebody else has open.
 */
export function inspectIntoPrivateCopy(filePath: string): PrivateCopy {
  const header = checkHeader(filePath);
  const copy = makePrivateCopy(filePath, header);
  try {
    checkWithReadOnlyConnection(copy.copyPath, filePath);
    return copy;
  } catch (error) {
    copy.dispose();
    throw error;
  }
}
