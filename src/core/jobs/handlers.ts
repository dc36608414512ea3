import type { HandlersOf } from '../../shared/contract';
import { jobContract, jobsContract, type JobKind } from '../../shared/contracts/jobs';
import type { OpenAssessment } from '../assessment/openAssessment';
import { jobRegistry, type JobFunction } from './jobRegistry';
import type { JobRunner } from './jobRunner';

/** `job-start`, `job-cancel`, `job-status`: the job lane's contract methods. */
export function createJobHandlers(deps: { runner: JobRunner; current: () => OpenAssessment }): HandlersOf<typeof jobsContract> {
  const { runner } = deps;
  return {
    'job-start': async ({ kind, input }) => {
      // The job works on the assessment open now, even if another is opened while it waits.
      const assessment = deps.current();
      const run = jobRegistry[kind] as JobFunction<JobKind>;
      const parsedInput = jobContract[kind].input.parse(input);
      const jobId = runner.start(kind, assessment.path, async (context) =>
        jobContract[kind].output.parse(await run(parsedInput as never, { ...context, assessment })),
      );
      return { jobId };
    },
    'job-cancel': async ({ jobId }) => {
      runner.cancel(jobId);
      return { ok: true };
    },
    'job-status': async ({ jobId }) => runner.status(jobId),
  };
}
