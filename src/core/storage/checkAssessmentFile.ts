import Database from 'better-sqlite3';
import { EditorStateSchema } from '../../shared/schemas/lexical';
import { isAppError } from '../../shared/errors';
import { editorStateWordCount } from '../../document/plainText';
import { inspectAssessmentFile } from './inspectAssessmentFile';
import { planMigrations } from './migrations/runner';

/**
 * A read-only health check of an assessment file, for `pcs check` and users' scripts: everything
 * opening would check, then a full integrity check and the binder's own rules. It never writes to
 * the file, so it is safe on a file that someone has mailed in, or on a backup.
 */
export interface CheckReport {
  ok: boolean;
  /** Things that are wrong: the file will not open, or some of it cannot be trusted. */
  problems: string[];
  /** Things worth knowing that are not wrong. */
  notes: string[];
}

interface SectionRow {
  id: string;
  parent_id: string | null;
  position: number;
  title: string;
  content_json: string;
  word_count: number;
  deleted_at: string | null;
}

export function checkAssessmentFile(filePath: string): CheckReport {
  const problems: string[] = [];
  const notes: string[] = [];
  try {
    inspectAssessmentFile(filePath);
  } catch (error) {
    if (isAppError(error)) return { ok: false, problems: [error.message], notes };
    throw error;
  }

  const db = new Database(filePath, { readonly: true, fileMustExist: true, timeout: 200 });
  try {
    const integrity = db.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>;
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
      problems.push(`SQLite's integrity check found ${integrity.length} problem(s), for example: ${integrity[0]?.integrity_check}`);
    }
    const foreignKeys = db.pragma('foreign_key_check', { simple: false }) as unknown[];
    if (foreignKeys.length > 0) problems.push(`${foreignKeys.length} record(s) point to records that do not exist.`);

    const pending = planMigrations(db, filePath);
    if (pending.length > 0) {
      notes.push(`Made by an earlier version of Peer Challenge Studio; it will be brought up to date when opened.`);
    }

    const rows = db
      .prepare('SELECT id, parent_id, position, title, content_json, word_count, deleted_at FROM sections')
      .all() as SectionRow[];
    const live = rows.filter((r) => r.deleted_at === null);
    const liveIds = new Set(live.map((r) => r.id));
    const siblings = new Map<string | null, number[]>();
    for (const row of live) {
      if (row.parent_id !== null && !liveIds.has(row.parent_id)) {
        problems.push(`The section “${row.title}” belongs to a section that is no longer there.`);
      }
      const list = siblings.get(row.parent_id) ?? [];
      list.push(row.position);
      siblings.set(row.parent_id, list);

      let content: unknown;
      try {
        content = JSON.parse(row.content_json);
      } catch {
        problems.push(`The text of “${row.title}” cannot be read.`);
        continue;
      }
      const parsed = EditorStateSchema.safeParse(content);
      if (!parsed.success) {
        problems.push(`The text of “${row.title}” is not in the form the editor expects.`);
        continue;
      }
      if (editorStateWordCount(parsed.data) !== row.word_count) {
        notes.push(`The stored word count of “${row.title}” is out of date; it is corrected when the section is next saved.`);
      }
    }
    for (const [parentId, positions] of siblings) {
      const sorted = [...positions].sort((a, b) => a - b);
      if (sorted.some((p, i) => p !== i)) {
        const parent = parentId === null ? 'the top level' : `“${live.find((r) => r.id === parentId)?.title ?? parentId}”`;
        problems.push(`The order of the sections in ${parent} is muddled.`);
      }
    }
    notes.push(`${live.length} sections${rows.length > live.length ? `, ${rows.length - live.length} in the bin` : ''}.`);
  } finally {
    db.close();
  }
  return { ok: problems.length === 0, problems, notes };
}
