import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { AssessmentSummary, ChallengeKind } from '../../shared/schemas/assessment';
import type { Template } from '../../shared/schemas/template';
import { RecommendationRegister } from '../recommendations/register';
import { SectionService } from '../sections/sectionService';
import { StatementSearch } from '../search/statementSearch';
import { AssessmentDatabase, type OpenOptions } from '../storage/assessmentDatabase';
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

  private constructor(readonly file: AssessmentDatabase) {
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

  static open(filePath: string, options?: OpenOptions): OpenAssessment {
    return new OpenAssessment(AssessmentDatabase.open(filePath, options));
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
    const summary = { ...this.store.summary(this.file.filePath, this.file.schemaVersion), sessionId: this.sessionId };
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
