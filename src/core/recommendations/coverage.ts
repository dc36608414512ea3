import Database from 'better-sqlite3';
import type { GapKind, Traceability } from '../../shared/contracts/recommendations';
import { RecommendationRegister } from './register';

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
  const db = new Database(filePath, { readonly: true, fileMustExist: true, timeout: 200 });
  try {
    const hasRegister = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'recommendations'").get();
    if (!hasRegister) return null;
    const register = new RecommendationRegister(db, {
      touch: () => {
        throw new Error('The coverage check never writes.');
      },
    });
    const { rows, summary } = register.traceability();
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
  } finally {
    db.close();
  }
}

export function hasGaps(report: CoverageReport | null): boolean {
  return report !== null && report.gaps.length > 0;
}
