import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError, isAppError } from '../../shared/errors';
import type { AssessmentSummary, ChallengeKind, ReadOnlyState } from '../../shared/schemas/assessment';
import type { Template } from '../../shared/schemas/template';
import { RecommendationRegister } from '../recommendations/register';
import { SectionService } from '../sections/sectionService';
import { StatementSearch } from '../search/statementSearch';
import { AssessmentDatabase, NotWritableError, type OpenOptions } from '../storage/assessmentDatabase';
import { FileLockedError } from '../storage/ownerLock';
import { insertTemplateSections } from '../templates/insertTemplateSections';
import { nowIso } from '../time';
import { AssessmentStore, insertAssessment } from './assessmentStore';

/** One open assessment file and the services that work on it. */
export class OpenAssessment {
  readonly store: AssessmentStore;
  readonly sections: SectionService;
  readonly search: StatementSearch;
  readonly recommendations: RecommendationRegister;
  /** This opening of the file; see AssessmentSummary.sessionId. */
  readonly sessionId = randomUUID();

  private constructor(
    readonly file: AssessmentDatabase,
    /** Set when opened for reading only; every change is then refused with 'read-only-open'. */
    readonly readOnly: ReadOnlyState | null = null,
  ) {
    this.store = new AssessmentStore(file.db);
    this.sections = new SectionService(file.db, this.store);
    this.search = new StatementSearch(file.db, this.sections);
    this.recommendations = new RecommendationRegister(file.db, this.store);
  }

  get path(): string {
    return this.file.filePath;
  }

  /** A file another core function has just made (e.g. a new assessment from a previous one). */
  static fromDatabase(file: AssessmentDatabase): OpenAssessment {
    return new OpenAssessment(file);
  }

  /**
   * Opens a file for writing or, when somebody else has it open or it cannot be written to, for
   * reading only (a private copy; see AssessmentDatabase.openReadOnlyCopy) with the reason why.
   */
  static open(filePath: string, options?: OpenOptions): OpenAssessment {
    try {
      return new OpenAssessment(AssessmentDatabase.open(filePath, options));
    } catch (error) {
      const readOnly = readOnlyStateFor(error);
      if (!readOnly) throw error;
      return new OpenAssessment(AssessmentDatabase.openReadOnlyCopy(filePath), readOnly);
    }
  }

  /** Refuses a change when the assessment is open for reading only. */
  assertWritable(): void {
    if (this.readOnly) throw readOnlyOpenError(this.readOnly);
  }

  /**
   * Creates a file from a template the caller has already found and checked, so a bad template
   * leaves no file behind. The kind of challenge is the template's unless the caller gives one.
   */
  static create(
    input: { path: string; councilName: string; kind?: ChallengeKind; visitDate: string | null },
    template: Template,
  ): OpenAssessment {
    const file = AssessmentDatabase.create(input.path, (db) => {
      const now = nowIso();
      insertAssessment(
        db,
        {
          councilName: input.councilName,
          kind: input.kind ?? template.kind,
          visitDate: input.visitDate,
          templateId: template.id,
          wordTarget: template.wordTarget ?? null,
        },
        now,
      );
      insertTemplateSections(db, template, now);
    });
    return new OpenAssessment(file);
  }

  summary(): AssessmentSummary {
    const summary = {
      ...this.store.summary(this.file.filePath, this.file.schemaVersion),
      sessionId: this.sessionId,
      readOnly: this.readOnly,
    };
    const backup = this.file.migrationBackupPath;
    if (backup === null) return summary;
    return {
      ...summary,
      upgradeNotice: `This assessment was made by an earlier version of Peer Challenge Studio and has been brought up to date. A copy of it as it was is kept beside it, as “${path.basename(backup)}” (${backup}).`,
    };
  }

  close(): void {
    this.file.close();
  }
}

/** The read-only state an error met while opening for writing calls for, or null to let it through. */
function readOnlyStateFor(error: unknown): ReadOnlyState | null {
  if (error instanceof FileLockedError) {
    return { reason: 'open-elsewhere', message: error.message, ...(error.lockedBy ? { lockedBy: error.lockedBy } : {}) };
  }
  if (error instanceof NotWritableError) return { reason: error.reason, message: error.message };
  if (!isAppError(error)) return null;
  // SQLite's own lock, without a lock file: an older version of the app, or another program.
  if (error.code === 'locked') {
    return {
      reason: 'open-elsewhere',
      message: 'This assessment is open in another window or program. You can read it; changes can’t be saved until it is closed there.',
    };
  }
  if (error.code === 'read-only') return { reason: 'read-only-folder', message: error.message };
  return null;
}

export function readOnlyOpenError(readOnly: ReadOnlyState): AppError {
  return new AppError('read-only-open', `This assessment is open for reading only, so the change was not saved. ${readOnly.message}`);
}
