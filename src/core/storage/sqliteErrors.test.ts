import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { OpenAssessment } from '../assessment/openAssessment';
import { builtInTemplate } from '../templates/builtInTemplates';
import { doc, makeTempDir } from '../testing/testFiles';
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
    ['EACCES', 'read-only'],
    ['EPERM', 'read-only'],
    ['EROFS', 'read-only'],
    ['ENOSPC', 'disk-full'],
    ['EDQUOT', 'disk-full'],
    ['SQLITE_FULL', 'disk-full'],
    ['SQLITE_READONLY', 'read-only'],
    ['SQLITE_READONLY_DBMOVED', 'read-only'],
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

/**
 * Disk full / read-only while saving: real SQLite errors from a real save. A full disk is made
 * with max_page_count (SQLite then answers SQLITE_FULL exactly as for a full drive); a location
 * that became read-only with query_only (SQLITE_READONLY, as for a drive remounted read-only).
 * Tests run as root here, so file permissions cannot be used to refuse a write.
 */
describe('disk full or read-only while saving gets its own error code', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let open: OpenAssessment | undefined;
  afterEach(() => {
    open?.close();
    temp?.cleanup();
  });

  function openAssessment() {
    temp = makeTempDir();
    open = OpenAssessment.create(
      { path: path.join(temp.dir, 'statement'), councilName: 'Fullshire Council', visitDate: null },
      builtInTemplate('cpc-2024'),
    );
    const governance = open.sections.list().find((s) => s.templateKey === 'theme.governance')!;
    return { governance, db: open.file.db, sections: open.sections };
  }

  /** What the core's handlers do with an error from the open file (coreHandlers withFileErrors). */
  function saveError(save: () => unknown): AppError {
    try {
      save();
    } catch (error) {
      return toAppError(error, open!.path) as AppError;
    }
    throw new Error('expected the save to fail');
  }

  it('a full disk while saving answers disk-full, and the last save is kept', () => {
    const { governance, db, sections } = openAssessment();
    sections.saveContent(governance.id, doc('Kept before the disk filled.'));
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const big = doc(...Array.from({ length: 400 }, (_, i) => `Paragraph ${i} `.repeat(40)));
    const error = saveError(() => sections.saveContent(governance.id, big));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('disk-full');
    expect(error.message).toMatch(/disk is full.*statement\.pcstudio/s);
    expect(sections.get(governance.id).content).toEqual(doc('Kept before the disk filled.'));
  });

  it('a location that became read-only while saving answers read-only, distinct from disk-full', () => {
    const { governance, db, sections } = openAssessment();
    db.pragma('query_only = 1');
    const error = saveError(() => sections.saveContent(governance.id, doc('x')));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('read-only');
    expect(error.message).toMatch(/cannot be written to/);
    expect(error.message).toContain('statement.pcstudio');
  });
});
