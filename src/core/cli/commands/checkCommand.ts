import { UsageError, type CliCommand } from '../command';
import { parseCommandArgs } from '../parseCommandArgs';

const usage = 'pcs check <file> [--json]';

/** Exit codes of `pcs check`, for scripts (also in the README). */
export const CHECK_EXIT = {
  /** The file has problems: it will not open, or some of it cannot be trusted. */
  damaged: 1,
  /** The file is sound, but some earlier recommendations have gaps (not addressed, no evidence…). */
  gaps: 3,
} as const;

/** The report has been printed; only the exit code is left to say. */
export class CheckFailed extends Error {
  constructor(readonly exitCode: number = CHECK_EXIT.damaged) {
    super('check failed');
  }
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Check that an assessment file is whole and sound, and how well it answers earlier recommendations, without changing it.',
  usage,
  async run(args, { out }) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean', default: false } }, usage);
    if (positionals.length !== 1) throw new UsageError('Give the assessment file to check.', usage);
    // Loaded here, not at the top: SQLite and the schemas are only needed once a command runs.
    const { checkAssessmentFile } = await import('../../storage/checkAssessmentFile');
    const report = checkAssessmentFile(positionals[0]!);
    // Coverage is only read from a file that is sound; a damaged one is reported as that alone.
    const { recommendationCoverage, hasGaps } = await import('../../recommendations/coverage');
    const coverage = report.ok ? recommendationCoverage(positionals[0]!) : null;
    if (values.json) {
      out(JSON.stringify({ ...report, recommendations: coverage }, null, 2));
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
      if (coverage) printCoverage(coverage, out);
    }
    // A file that may not be complete is not "whole and sound": scripts get the damaged code too.
    if (!report.ok || report.warnings.length > 0) throw new CheckFailed(CHECK_EXIT.damaged);
    if (hasGaps(coverage)) throw new CheckFailed(CHECK_EXIT.gaps);
  },
};

function printCoverage(coverage: import('../../recommendations/coverage').CoverageReport, out: (text: string) => void): void {
  const { summary } = coverage;
  out('');
  if (summary.total === 0) {
    out('Earlier recommendations: none in the register yet.');
    return;
  }
  const superseded = summary.total - summary.considered;
  out(
    `Earlier recommendations: ${summary.total}${superseded > 0 ? ` (${superseded} superseded)` : ''}; ` +
      `${summary.addressed} of ${summary.considered} addressed in a section, ${summary.withEvidence} of ${summary.considered} with evidence.`,
  );
  if (coverage.gaps.length === 0) out('  ✓ No gaps.');
  for (const gap of coverage.gaps) out(`  ✗ ${gap.label} (${gap.source}): ${gap.messages.join('; ')}.`);
  for (const stale of coverage.changedSinceVerified) {
    const what = [...stale.sections, ...stale.evidence].map((name) => `“${name}”`).join(', ');
    out(`  ! ${stale.label} (${stale.source}): changed since verified: ${what}.`);
  }
}
