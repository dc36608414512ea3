import { OpenAssessment } from './openAssessment';
import { inspectAssessmentFile } from '../storage/inspectAssessmentFile';

/**
 * For read-only commands (pcs info): runs `read` on the assessment as opening would make it
 * (crash leftovers recovered, migrated if older), but on a private copy, so the user's file and
 * its folder are left exactly as they were: opening the file itself switches its journal mode
 * and so rewrites header bytes. The summary keeps the user's path, not the copy's.
 */
export function readAssessmentCopy<T>(filePath: string, read: (assessment: OpenAssessment) => T): T {
  return inspectAssessmentFile(filePath, (copyPath) => {
    const assessment = OpenAssessment.open(copyPath, { backupBeforeMigration: false });
    try {
      return read(assessment);
    } finally {
      assessment.close();
    }
  });
}
