import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * A stable id for an assessment, kept in the file's `settings` table, so its backups follow it
 * when the file is renamed, moved or copied to another folder. A settings row rather than a new
 * column: it needs no schema migration, so files stay openable by earlier versions of the app.
 */
export const ASSESSMENT_ID_KEY = 'assessmentId';
const ID_PATTERN = /^[0-9a-f]{32}$/;

export function isAssessmentId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** The file's id, given it one if it had none. Falls back to one made from the path if the file cannot be written. */
export function ensureAssessmentId(db: Database.Database, filePath: string): string {
  try {
    const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(ASSESSMENT_ID_KEY) as { value: unknown } | undefined;
    if (isAssessmentId(row?.value)) return row.value;
    const id = randomBytes(16).toString('hex');
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      ASSESSMENT_ID_KEY,
      id,
    );
    return id;
  } catch (error) {
    // Backups must not stop the user working: a file we cannot write to still gets backed up.
    console.error('Peer Challenge Studio: could not give the assessment a backup id', error);
    return idFromPath(filePath);
  }
}

export function idFromPath(filePath: string): string {
  return createHash('sha256').update(path.resolve(filePath)).digest('hex').slice(0, 32);
}

/**
 * Reads the id from a file that may be damaged, read-only and without changing it. Null when it
 * cannot be read: the caller then looks the file up by its path instead.
 */
export function readAssessmentIdFromFile(filePath: string): string | null {
  const shm = `${filePath}-shm`;
  const hadShm = fs.existsSync(shm);
  let db: Database.Database | undefined;
  try {
    db = new Database(filePath, { readonly: true, fileMustExist: true, timeout: 200 });
    const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(ASSESSMENT_ID_KEY) as { value: unknown } | undefined;
    return isAssessmentId(row?.value) ? row.value : null;
  } catch {
    return null;
  } finally {
    try {
      db?.close();
    } catch {
      // nothing to do
    }
    // A read-only look at a file left in WAL mode creates a -shm file; leave the folder as it was.
    if (!hadShm) fs.rmSync(shm, { force: true });
  }
}
