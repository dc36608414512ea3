import path from 'node:path';
import type Database from 'better-sqlite3';
import type { AssessmentSummary, ChallengeKind } from '../../shared/schemas/assessment';

/** The single `assessment` row and the per-file `settings`, read and written in one place. */

interface AssessmentRow {
  council_name: string;
  kind: ChallengeKind;
  visit_date: string | null;
  template_id: string;
  word_target: number | null;
  created_at: string;
  updated_at: string;
}

export interface NewAssessment {
  councilName: string;
  kind: ChallengeKind;
  visitDate: string | null;
  templateId: string;
  /** Words for the whole statement, from the template; null for none. */
  wordTarget: number | null;
}

export interface AssessmentPatch {
  councilName?: string;
  kind?: ChallengeKind;
  visitDate?: string | null;
  wordTarget?: number | null;
}

const LAST_SECTION_KEY = 'lastSectionId';

export function insertAssessment(db: Database.Database, fields: NewAssessment, now: string): void {
  db.prepare(
    `INSERT INTO assessment (id, council_name, kind, visit_date, template_id, word_target, created_at, updated_at)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(fields.councilName, fields.kind, fields.visitDate, fields.templateId, fields.wordTarget, now, now);
}

export class AssessmentStore {
  private readonly touchStatement: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.touchStatement = db.prepare('UPDATE assessment SET updated_at = ? WHERE id = 1');
  }

  /** Marks the assessment as changed; called by every write so "last saved" is true. */
  touch(now: string): void {
    this.touchStatement.run(now);
  }

  summary(filePath: string, schemaVersion: number): Omit<AssessmentSummary, 'sessionId'> {
    const row = this.db.prepare('SELECT * FROM assessment WHERE id = 1').get() as AssessmentRow | undefined;
    if (!row) throw new Error('The assessment row is missing');
    return {
      path: filePath,
      fileName: path.basename(filePath),
      councilName: row.council_name,
      kind: row.kind,
      visitDate: row.visit_date,
      templateId: row.template_id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      schemaVersion,
      lastSectionId: this.lastSectionId(),
      wordTarget: row.word_target,
    };
  }

  update(patch: AssessmentPatch, now: string): void {
    const current = this.db.prepare('SELECT * FROM assessment WHERE id = 1').get() as AssessmentRow;
    this.db
      .prepare(
        'UPDATE assessment SET council_name = ?, kind = ?, visit_date = ?, word_target = ?, updated_at = ? WHERE id = 1',
      )
      .run(
        patch.councilName ?? current.council_name,
        patch.kind ?? current.kind,
        patch.visitDate === undefined ? current.visit_date : patch.visitDate,
        patch.wordTarget === undefined ? current.word_target : patch.wordTarget,
        now,
      );
  }

  getSetting(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string | null } | undefined;
    return row?.value ?? null;
  }

  setSetting(key: string, value: string | null): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  /** The section the user was last in, or null if there is none or it has since been deleted. */
  lastSectionId(): string | null {
    const id = this.getSetting(LAST_SECTION_KEY);
    if (id === null) return null;
    const live = this.db.prepare('SELECT 1 FROM sections WHERE id = ? AND deleted_at IS NULL').get(id);
    return live ? id : null;
  }

  setLastSectionId(id: string | null): void {
    this.setSetting(LAST_SECTION_KEY, id);
  }
}
