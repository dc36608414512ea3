import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { ChallengeKind } from '../../shared/schemas/assessment';
import { AppError } from '../../shared/errors';
import { AssessmentDatabase } from '../storage/assessmentDatabase';
import { inspectAssessmentFile } from '../storage/inspectAssessmentFile';
import { toAppError } from '../storage/sqliteErrors';
import { nowIso } from '../time';
import { insertAssessment } from './assessmentStore';
import { OpenAssessment } from './openAssessment';

/**
 * A new assessment that starts from last time's: the same binder (chapters, subsections, titles,
 * word targets, guidance) WITH its text, since a council rewrites its statement from the last one
 * rather than from a blank page. The previous file is only read, never changed.
 *
 * Carried over as well:
 * - the evidence library, as it is: items (same ids, so the citations in the copied text still
 *   point at them), their stored files and their text, family and key documents order;
 * - the register, as earlier recommendations: same ids (so recommendation references in the
 *   text still resolve), source, label, text, theme and owner. Each one's status goes back to
 *   "Not started" for the new round; its progress update is KEPT as the previous update, since
 *   it is what the council writes the next one from and nothing a council wrote is thrown away.
 *   Links to sections and evidence carry over unverified (the verification was last round's).
 *
 * Cleared: anything about the previous round's review (statuses, verified links; comments and
 * verdicts are not stored yet), the bin (deleted sections and recommendations), and revisions.
 * A previous file from before the evidence or register tables simply has none to carry.
 */

interface PreviousSection {
  id: string;
  parent_id: string | null;
  position: number;
  kind: string;
  template_key: string | null;
  title: string;
  fixed: number;
  content_json: string;
  plain_text: string;
  word_count: number;
  word_target: number | null;
  guidance_json: string | null;
}

interface PreviousAssessment {
  kind: ChallengeKind;
  template_id: string;
  word_target: number | null;
}

function readPrevious(db: Database.Database, previousPath: string): { assessment: PreviousAssessment; sections: PreviousSection[] } {
  try {
    const assessment = db.prepare('SELECT kind, template_id, word_target FROM assessment WHERE id = 1').get() as PreviousAssessment | undefined;
    if (!assessment) throw new AppError('damaged', 'The previous assessment has no details in it, so nothing can be carried over from it.');
    const sections = db
      .prepare(
        `SELECT id, parent_id, position, kind, template_key, title, fixed, content_json, plain_text, word_count,
                word_target, guidance_json
         FROM sections WHERE deleted_at IS NULL ORDER BY parent_id IS NOT NULL, position`,
      )
      .all() as PreviousSection[];
    return { assessment, sections };
  } catch (error) {
    throw error instanceof AppError ? error : toAppError(error, previousPath);
  }
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Copies every row of `table` (only the columns both files have), streaming, row by row. */
function copyRows(from: Database.Database, to: Database.Database, table: string, where = '', transform?: (row: Record<string, unknown>) => Record<string, unknown> | null): void {
  if (!hasTable(from, table)) return;
  const columnsOf = (db: Database.Database) => (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
  const target = new Set(columnsOf(to));
  const columns = columnsOf(from).filter((c) => target.has(c));
  const insert = to.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  for (const row of from.prepare(`SELECT ${columns.join(', ')} FROM ${table} ${where}`).iterate() as Iterable<Record<string, unknown>>) {
    const out = transform ? transform(row) : row;
    if (out) insert.run(...columns.map((c) => out[c]));
  }
}

/** The evidence library as it is: files, items, their text (the search index follows by trigger). */
function copyEvidence(from: Database.Database, to: Database.Database): void {
  if (!hasTable(from, 'evidence_items') || !hasTable(to, 'evidence_items')) return;
  // Only the files an item uses: a blob left over in the previous file does not carry over.
  copyRows(from, to, 'blobs', 'WHERE hash IN (SELECT blob_hash FROM evidence_items WHERE blob_hash IS NOT NULL)');
  copyRows(from, to, 'blob_chunks', 'WHERE hash IN (SELECT blob_hash FROM evidence_items WHERE blob_hash IS NOT NULL) ORDER BY hash, seq');
  copyRows(from, to, 'evidence_items', 'ORDER BY rowid');
  copyRows(from, to, 'evidence_pages', 'ORDER BY rowid');
}

/** The register as earlier recommendations: status back to not started, links unverified. */
function copyRecommendations(from: Database.Database, to: Database.Database, sectionIds: ReadonlyMap<string, string>, now: string): void {
  if (!hasTable(from, 'recommendations') || !hasTable(to, 'recommendations')) return;
  let position = 0;
  copyRows(from, to, 'recommendations', 'WHERE deleted_at IS NULL ORDER BY position, rowid', (row) => ({
    ...row,
    status: 'not-started',
    position: position++,
    revision: 0,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  }));
  const live = new Set((to.prepare('SELECT id FROM recommendations').all() as Array<{ id: string }>).map((r) => r.id));
  copyRows(from, to, 'recommendation_sections', 'ORDER BY rowid', (row) => {
    const sectionId = sectionIds.get(row.section_id as string);
    if (!sectionId || !live.has(row.recommendation_id as string)) return null;
    return { ...row, section_id: sectionId, verified_at: null, verified_revision: null };
  });
  copyRows(from, to, 'recommendation_evidence', 'ORDER BY rowid', (row) =>
    live.has(row.recommendation_id as string) ? { ...row, verified_at: null, verified_hash: null } : null,
  );
}

export function createFromPrevious(
  previousPath: string,
  input: { path: string; councilName: string; kind?: ChallengeKind; visitDate: string | null },
): OpenAssessment {
  // Checked without writing a byte, then read over a read-only connection held until the copy is made.
  inspectAssessmentFile(previousPath);
  let from: Database.Database;
  try {
    from = new Database(previousPath, { readonly: true, fileMustExist: true, timeout: 200 });
  } catch (error) {
    throw toAppError(error, previousPath);
  }
  try {
    return OpenAssessment.fromDatabase(copyInto(from, previousPath, input));
  } finally {
    from.close();
  }
}

function copyInto(
  from: Database.Database,
  previousPath: string,
  input: { path: string; councilName: string; kind?: ChallengeKind; visitDate: string | null },
): AssessmentDatabase {
  const previous = readPrevious(from, previousPath);
  return AssessmentDatabase.create(input.path, (db) => {
    const now = nowIso();
    insertAssessment(
      db,
      {
        councilName: input.councilName,
        kind: input.kind ?? previous.assessment.kind,
        visitDate: input.visitDate,
        templateId: previous.assessment.template_id,
        wordTarget: previous.assessment.word_target,
      },
      now,
    );
    const insert = db.prepare(`
      INSERT INTO sections (id, parent_id, position, kind, template_key, title, fixed, content_json,
                            plain_text, word_count, revision, created_at, updated_at, word_target, guidance_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`);
    // Live sections only; positions are re-counted so a gap left by the bin does not carry over.
    const byParent = new Map<string | null, PreviousSection[]>();
    for (const s of previous.sections) byParent.set(s.parent_id, [...(byParent.get(s.parent_id) ?? []), s]);
    const sectionIds = new Map<string, string>();
    const copy = (oldParent: string | null, newParent: string | null) => {
      (byParent.get(oldParent) ?? []).forEach((s, position) => {
        const id = randomUUID();
        sectionIds.set(s.id, id);
        insert.run(id, newParent, position, s.kind, s.template_key, s.title, s.fixed, s.content_json, s.plain_text, s.word_count, now, now, s.word_target, s.guidance_json);
        copy(s.id, id);
      });
    };
    copy(null, null);
    try {
      copyEvidence(from, db);
      copyRecommendations(from, db, sectionIds, now);
    } catch (error) {
      throw error instanceof AppError ? error : toAppError(error, previousPath);
    }
  });
}
