import { UsageError, type CliCommand } from '../command';
import { parseCommandArgs } from '../parseCommandArgs';

const usage = 'pcs check <file> [--json]';

/** Exit code 1 when the file has problems, so scripts can act on it. */
export class CheckFailed extends Error {}

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Check that an assessment file is whole and sound, without changing it.',
  usage,
  async run(args, { out }) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean', default: false } }, usage);
    if (positionals.length !== 1) throw new UsageError('Give the assessment file to check.', usage);
    // Loaded here, not at the top: SQLite and the schemas are only needed once a command runs.
    const { checkAssessmentFile } = await import('../../storage/checkAssessmentFile');
    const report = checkAssessmentFile(positionals[0]!);
    if (values.json) {
      out(JSON.stringify(report, null, 2));
    } else {
      out(
        !report.ok
          ? 'This assessment file has problems:'
          : report.warnings.length > 0
            ? 'This assessment file opens, but it may not be complete:'
            : 'This assessment file is sound.',
      );
      for (const problem of report.problems) out(`  ✗ ${problem}`);
      for (const warning of report.warnings) out(`  ! ${warning}`);
      for (const note of report.notes) out(`  · ${note}`);
    }
    // A file that may not be complete is not "whole and sound": scripts get exit code 1 too.
    if (!report.ok || report.warnings.length > 0) throw new CheckFailed();
  },
};
