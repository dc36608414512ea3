import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { SectionKind } from '../../shared/schemas/section';
import { inspectAssessmentFile } from '../storage/inspectAssessmentFile';
import { toAppError } from '../storage/sqliteErrors';
import type { ImportChapter } from './matchChapters';

/**
 * The chapters of an assessment file, read without changing a byte of it: what `pcs
 * import-statement` shows a mapping against before the user says yes (opening the file for
 * writing would already touch it).
 */
export function readChaptersReadOnly(filePath: string): ImportChapter[] {
  inspectAssessmentFile(filePath);
  let db: Database.Database | undefined;
  try {
    db = new Database(filePath, { readonly: true, fileMustExist: true, timeout: 200 });
    const rows = db
      .prepare('SELECT id, kind, template_key, title FROM sections WHERE parent_id IS NULL AND deleted_at IS NULL ORDER BY position')
      .all() as Array<{ id: string; kind: SectionKind; template_key: string | null; title: string }>;
    return rows.map((row) => ({ ref: row.template_key ?? row.id, kind: row.kind, title: row.title }));
  } catch (error) {
    throw error instanceof AppError ? error : toAppError(error, filePath);
  } finally {
    db?.close();
  }
}
