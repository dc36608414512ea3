import type { JobInput, JobKind, JobOutput } from '../../shared/contracts/jobs';
import type { OpenAssessment } from '../assessment/openAssessment';
import { addEvidenceFileRefs } from '../evidence/addEvidence';
import { exportAssessmentDocx, exportAssessmentEvidencePack } from '../export/handlers';
import { fullIntegrityCheck } from './fullIntegrityCheck';
import { testStepPause, type JobContext } from './jobRunner';
import { saveCleanCopy } from './saveCleanCopy';
import { importStatement } from '../import/importStatement';

/** What a registered job function receives besides its input: the usual context and the open assessment. */
export type JobRunContext = JobContext & { assessment: OpenAssessment };
export type JobFunction<K extends JobKind> = (input: JobInput<K>, context: JobRunContext) => Promise<JobOutput<K>>;

/**
 * Every job kind's function: one line each. A long operation written as
 * `(input, { onProgress, signal })` is registered by passing it the open assessment it needs.
 */
export const jobRegistry: { [K in JobKind]: JobFunction<K> } = {
  'assessment-save-copy': (input, context) => saveCleanCopy(context.assessment, input, context),
  'assessment-check-full': (_input, context) => fullIntegrityCheck(context.assessment, context),
  'evidence-add': (input, context) => addEvidenceFileRefs(context.assessment.file.db, input.files, context),
  'import-statement-apply': (input, context) => importStatement(context.assessment, input, context),
  'export-docx': async (input, context) => (await testStepPause(context.signal), exportAssessmentDocx(context.assessment, input, context)),
  'export-evidence-pack': async (input, context) => (await testStepPause(context.signal), exportAssessmentEvidencePack(context.assessment, input, context)),
};
