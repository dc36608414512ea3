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
 * Cleared: anything about the previous round's review (statuses, comments, verdicts: none are
 * stored yet), the bin, and revisions. To carry over when their tables land (evidence library:
 * migration 004; recommendations, as "earlier recommendations": 005): see the TODO below.
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

function readPrevious(previousPath: string): { assessment: PreviousAssessment; sections: PreviousSection[] } {
  // Checked without writing a byte, then read over a read-only connection.
  inspectAssessmentFile(previousPath);
  let db: Database.Database | undefined;
  try {
    db = new Database(previousPath, { readonly: true, fileMustExist: true, timeout: 200 });
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
  } finally {
    db?.close();
  }
}

export function createFromPrevious(
  previousPath: string,
  input: { path: string; councilName: string; kind?: ChallengeKind; visitDate: string | null },
): OpenAssessment {
  const previous = readPrevious(previousPath);
  const file = AssessmentDatabase.create(input.path, (db) => {
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
    const copy = (oldParent: string | null, newParent: string | null) => {
      (byParent.get(oldParent) ?? []).forEach((s, position) => {
        const id = randomUUID();
        insert.run(id, newParent, position, s.kind, s.template_key, s.title, s.fixed, s.content_json, s.plain_text, s.word_count, now, now, s.word_target, s.guidance_json);
        copy(s.id, id);
      });
    };
    copy(null, null);
    // TODO(coordinator, at merge): copy evidence_items (+ blobs) from migration 004 as they are, and
    // recommendations from 005 as "earlier recommendations" with their statuses cleared.
  });
  return OpenAssessment.fromDatabase(file);
}
