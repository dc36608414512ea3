import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { FILE_EXTENSION } from '../../shared/constants';

/**
 * Before a file from an older version is brought up to date, a copy of it as it was is kept
 * beside it as `<name>.before-v<N>.pcstudio` (N: the version it is brought up to), so a
 * migration that goes wrong, or a colleague still on the older app, loses nothing.
 *
 * VACUUM INTO writes a consistent, standalone copy through the connection that already holds
 * the file's lock (a plain file copy could miss changes still in the -wal).
 */
export function backupBeforeMigration(db: Database.Database, filePath: string, toVersion: number): string {
  const folder = path.dirname(filePath);
  const stem = path.basename(filePath, FILE_EXTENSION);
  let backupPath = path.join(folder, `${stem}.before-v${toVersion}${FILE_EXTENSION}`);
  // Never overwrite an earlier backup (e.g. of another copy upgraded before).
  for (let n = 2; fs.existsSync(backupPath); n++) {
    backupPath = path.join(folder, `${stem}.before-v${toVersion} (${n})${FILE_EXTENSION}`);
  }
  db.prepare('VACUUM INTO ?').run(backupPath);
  return backupPath;
}
