import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { toAppError } from '../storage/sqliteErrors';
import { fsyncFile } from '../storage/fsyncFile';
import type { StoredBackup } from './backupStore';

/**
 * Restoring never overwrites the user's file: the backup is copied to a new file beside it,
 * "Sefton (restored 23 Nov 2026 14.10).pcstudio", which the caller then opens. The current
 * file stays as it was, so nothing can be lost by restoring the wrong backup, and a damaged
 * file is kept for anyone who wants to look at it.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** "23 Nov 2026 14.10", in local time; a full stop, not a colon, which Windows forbids in names. */
export function restoredLabel(date: Date): string {
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()} ${two(date.getHours())}.${two(date.getMinutes())}`;
}

/** The new file's path: beside `besidePath`, named after it and the backup's time, never an existing name. */
export function restoredPath(besidePath: string, backupTime: Date, exists: (p: string) => boolean = fs.existsSync): string {
  const folder = path.dirname(path.resolve(besidePath));
  const stem = path.basename(besidePath).replace(/\.pcstudio$/i, '');
  const base = `${stem} (restored ${restoredLabel(backupTime)})`;
  for (let n = 1; ; n++) {
    const candidate = path.join(folder, `${n === 1 ? base : `${base} ${n}`}.pcstudio`);
    if (!exists(candidate)) return candidate;
  }
}

/** Copies the backup into place as a new assessment file and returns its path. */
export function restoreBackupBeside(backup: StoredBackup, besidePath: string): string {
  const folder = path.dirname(path.resolve(besidePath));
  if (!fs.existsSync(folder)) {
    throw new AppError('not-found', `The folder “${folder}” no longer exists, so the backup cannot be restored there.`);
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    const target = restoredPath(besidePath, new Date(backup.createdAt));
    const temp = `${target}.tmp-${randomBytes(6).toString('hex')}`;
    try {
      fs.copyFileSync(backup.file, temp, fs.constants.COPYFILE_EXCL);
      fsyncFile(temp);
      if (placeWithoutOverwriting(temp, target)) return target;
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw toAppError(error, target);
    }
    // Someone made a file of that name meanwhile: pick the next name.
  }
  throw new AppError('already-exists', 'The restored copy could not be given a name of its own. Please try again.');
}

/** link() refuses to replace an existing file; where links are not supported, fall back to rename. */
function placeWithoutOverwriting(temp: string, target: string): boolean {
  try {
    fs.linkSync(temp, target);
    fs.rmSync(temp, { force: true });
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      fs.rmSync(temp, { force: true });
      return false;
    }
    if (fs.existsSync(target)) {
      fs.rmSync(temp, { force: true });
      return false;
    }
    fs.renameSync(temp, target);
    return true;
  }
}
