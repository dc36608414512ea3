import path from 'node:path';
import { AppError, isAppError } from '../../shared/errors';

/**
 * Turns what SQLite and the file system throw into an AppError a user can act on.
 * better-sqlite3 throws SqliteError with `code` such as "SQLITE_BUSY" or "SQLITE_IOERR_WRITE";
 * Node's fs throws errors with `code` such as "EACCES".
 */

export const LOCKED_MESSAGE =
  'This assessment is open in another window or program. Close it there, then try again.';

export function notAnAssessment(filePath: string): AppError {
  return new AppError(
    'not-an-assessment',
    `This file is not a Peer Challenge Studio assessment: “${path.basename(filePath)}”. It was not opened, and nothing in it was changed.`,
  );
}

export function damaged(filePath: string, cause?: unknown): AppError {
  return new AppError(
    'damaged',
    `“${path.basename(filePath)}” is damaged and cannot be opened. Nothing in it was changed. Please open a backup copy of the assessment instead.`,
    { cause },
  );
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/**
 * Maps an error met while working on `filePath`. `damagedMeans` says what a corrupt/"not a
 * database" answer means at this point: before we have seen our application id it means the
 * file is not ours; after, it means our file is damaged.
 */
export function toAppError(
  error: unknown,
  filePath: string,
  damagedMeans: 'damaged' | 'not-an-assessment' = 'damaged',
): unknown {
  if (isAppError(error)) return error;
  const code = codeOf(error);
  const name = path.basename(filePath);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('locked', LOCKED_MESSAGE, { cause: error });
  }
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
    return damagedMeans === 'damaged' ? damaged(filePath, error) : notAnAssessment(filePath);
  }
  if (code === 'ENOENT') {
    return new AppError('not-found', `“${name}” could not be found. It may have been moved, renamed or deleted.`, {
      cause: error,
    });
  }
  if (code === 'SQLITE_READONLY_ROLLBACK' || code === 'SQLITE_READONLY_RECOVERY') {
    // A crash leftover (hot journal or WAL) that only a connection able to write can put right.
    return new AppError(
      'read-only',
      `“${name}” was left part-way through a save when Peer Challenge Studio or the computer stopped, and the unfinished save can only be undone where the file can be written to. Copy it, with the files beside it whose names start “${name}-”, to a folder you can write to, and open it there.`,
      { cause: error },
    );
  }
  // Read-only and disk-full have codes of their own so the app can offer the right way out
  // (save a copy elsewhere; free some space) instead of a general "could not write".
  if (code === 'EROFS' || code === 'SQLITE_READONLY_DBMOVED' || code === 'SQLITE_READONLY_DIRECTORY') {
    return new AppError(
      'read-only',
      `“${name}” is on a drive or in a folder that cannot be written to any more. Your work up to the last save is in the file; save a copy somewhere else to carry on.`,
      { cause: error },
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') {
    return new AppError(
      'read-only',
      `“${name}” or its folder cannot be written to: Peer Challenge Studio is not allowed to change it. Check the file's permissions, or save a copy somewhere else.`,
      { cause: error },
    );
  }
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT') {
    return new AppError(
      'disk-full',
      `The disk is full, so the last change to “${name}” could not be saved. Everything saved before it is safe. Free up some space, then try again.`,
      { cause: error },
    );
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO' || code.startsWith('SQLITE_CANTOPEN')) {
    return new AppError(
      'io',
      `Peer Challenge Studio could not read or write “${name}”. If it is on a network or removable drive, check it is still connected, then try again.`,
      { cause: error },
    );
  }
  return error;
}
