import { readAssessmentCopy } from '../assessment/readAssessmentCopy';
import type { GapKind, Traceability } from '../../shared/contracts/recommendations';

/**
 * The register's coverage for `pcs check`: read-only, on a file that has already passed the
 * soundness check. A file made before the register existed (or not yet brought up to date) has
 * none, which is not a gap.
 */
export interface CoverageReport {
  summary: Traceability['summary'];
  /** Every recommendation with a gap, in register order. */
  gaps: Array<{ source: string; label: string; text: string; gaps: GapKind[]; messages: string[] }>;
  /** Links verified once whose section or evidence has changed since. */
  changedSinceVerified: Array<{ source: string; label: string; sections: string[]; evidence: string[] }>;
}

export function recommendationCoverage(filePath: string): CoverageReport | null {
  // Read from a private copy, as `pcs info` does: a read-only command changes no byte of the file
  // (opening it, even read-only, could leave a -shm or need a crash's journal rolled back).
  const { rows, summary } = readAssessmentCopy(filePath, (open) => open.recommendations.traceability());
  return {
    summary,
    gaps: rows
      .filter((row) => row.gaps.length > 0)
      .map(({ recommendation: r, gaps, gapMessages }) => ({ source: r.source, label: r.label, text: r.text, gaps, messages: gapMessages })),
    changedSinceVerified: rows
      .filter((row) => row.changedSinceVerified)
      .map(({ recommendation: r }) => ({
        source: r.source,
        label: r.label,
        sections: r.sections.filter((s) => s.changedSinceVerified).map((s) => s.title),
        evidence: r.evidence.filter((e) => e.changedSinceVerified).map((e) => e.title ?? e.evidenceItemId),
      })),
  };
}

export function hasGaps(report: CoverageReport | null): boolean {
  return report !== null && report.gaps.length > 0;
}
