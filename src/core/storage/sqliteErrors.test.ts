import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { toAppError } from './sqliteErrors';

function errorWithCode(code: string): Error {
  return Object.assign(new Error(`raw ${code}`), { code });
}

describe('toAppError', () => {
  it.each([
    ['SQLITE_BUSY', 'locked'],
    ['SQLITE_BUSY_SNAPSHOT', 'locked'],
    ['SQLITE_LOCKED', 'locked'],
    ['SQLITE_CORRUPT', 'damaged'],
    ['SQLITE_NOTADB', 'damaged'],
    ['ENOENT', 'not-found'],
    ['EACCES', 'io'],
    ['EPERM', 'io'],
    ['EROFS', 'io'],
    ['ENOSPC', 'io'],
    ['SQLITE_FULL', 'io'],
    ['SQLITE_READONLY', 'io'],
    ['SQLITE_IOERR_WRITE', 'io'],
    ['SQLITE_CANTOPEN', 'io'],
  ])('%s becomes %s with a message naming the file', (code, expected) => {
    const mapped = toAppError(errorWithCode(code), '/somewhere/Sefton.pcstudio');
    expect(mapped).toBeInstanceOf(AppError);
    expect((mapped as AppError).code).toBe(expected);
    expect((mapped as AppError).message).not.toContain('raw');
    if (expected !== 'locked') expect((mapped as AppError).message).toContain('Sefton.pcstudio');
  });

  it('treats corrupt as not-an-assessment before the file is known to be ours', () => {
    expect(toAppError(errorWithCode('SQLITE_NOTADB'), '/x/a.pcstudio', 'not-an-assessment')).toMatchObject({
      code: 'not-an-assessment',
    });
  });

  it('passes other errors and AppErrors through unchanged', () => {
    const bug = new TypeError('bug');
    expect(toAppError(bug, '/x')).toBe(bug);
    const app = new AppError('not-allowed', 'No.');
    expect(toAppError(app, '/x')).toBe(app);
  });
});
