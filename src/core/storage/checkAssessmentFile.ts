import Database from 'better-sqlite3';
import { EditorStateSchema } from '../../shared/schemas/lexical';
import { isAppError } from '../../shared/errors';
import { editorStateWordCount } from '../../document/plainText';
import path from 'node:path';
import type { CompanionState } from './companionFiles';
import { inspectAssessmentFile } from './inspectAssessmentFile';
import { planMigrations } from './migrations/runner';

/**
 * A read-only health check of an assessment file, for `pcs check` and users' scripts: everything
 * opening would check, then a full integrity check and the binder's own rules. It never writes to
 * the file, so it is safe on a file that someone has mailed in, or on a backup. It looks at a
 * private copy put right as opening would put it right (an interrupted save undone, saved
 * changes from the `-wal` folded in) and says what it found beside the file.
 */
export interface CheckReport {
  ok: boolean;
  /** Things that are wrong: the file will not open, or some of it cannot be trusted. */
  problems: string[];
  /**
   * Things that may be wrong but cannot be told from the file (e.g. a copy that may lack the
   * latest changes). The file opens, but it is not reported as sound.
   */
  warnings: string[];
  /** Things worth knowing that are not wrong. */
  notes: string[];
}

/** What the files beside it say about how the assessment was left. */
function leftoverReport(filePath: string, state: CompanionState): { warnings: string[]; notes: string[] } {
  const name = path.basename(filePath);
  const warnings: string[] = [];
  const notes: string[] = [];
  if (state.hotJournal) {
    notes.push(
      `Peer Challenge Studio (or the computer) stopped part-way through a save, leaving “${name}-journal” beside it. The unfinished save is undone when the assessment is next opened; everything saved before it is kept. It was checked as it will be then.`,
    );
  }
  if (state.wal === 'ours') {
    notes.push(
      `It was not closed properly (or is open in the app): the latest saved changes are in “${name}-wal” beside it, and are folded into the file when it is next opened. Keep the two files together. It was checked with them.`,
    );
  }
  if (state.wal === 'stray') {
    notes.push(
      `The file “${name}-wal” beside it does not belong to it: the assessment was closed properly, so none of its changes are waiting there. It was left out of this check, and is moved aside (not deleted) when the assessment is next opened.`,
    );
  }
  if (state.maybeIncompleteCopy) {
    warnings.push(
      `This copy was taken while the assessment was open in Peer Challenge Studio, without the “${name}-wal” file that was beside it, so changes since the app last wrote them into the file may be missing. If you can, close the assessment in the app and copy it again. The copy opens safely.`,
    );
  }
  return { warnings, notes };
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
  try {
    return inspectAssessmentFile(filePath, (copyPath, state) => {
      const report = checkStandalone(copyPath, filePath);
      const leftovers = leftoverReport(filePath, state);
      return {
        ...report,
        warnings: [...leftovers.warnings, ...report.warnings],
        notes: [...leftovers.notes, ...report.notes],
      };
    });
  } catch (error) {
    if (isAppError(error)) return { ok: false, problems: [error.message], warnings: [], notes: [] };
    throw error;
  }
}

/** The full checks, on a standalone copy (`dbPath`) that has passed inspection. */
function checkStandalone(dbPath: string, filePath: string): CheckReport {
  const problems: string[] = [];
  const notes: string[] = [];
  const db = new Database(dbPath, { readonly: true, fileMustExist: true, timeout: 200 });
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
  return { ok: problems.length === 0, problems, warnings: [], notes };
}
