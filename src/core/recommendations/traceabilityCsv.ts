import { RECOMMENDATION_STATUS_WORDS, type Traceability } from '../../shared/contracts/recommendations';
import { toCsv } from './csv';

/** The traceability matrix as CSV: one row per recommendation, with its sections, evidence and gaps. */
export function traceabilityCsv(traceability: Traceability, themeNames: ReadonlyMap<string, string> = new Map()): string {
  const header = [
    'Source',
    'Label',
    'Recommendation',
    'Status',
    'Owner',
    'Target date',
    'Themes',
    'Sections',
    'Evidence',
    'Gaps',
    'Changed since verified',
  ];
  const rows = traceability.rows.map(({ recommendation: r, themeKeys, gapMessages, changedSinceVerified }) => [
    r.source,
    r.label,
    r.text,
    RECOMMENDATION_STATUS_WORDS[r.status],
    r.owner,
    r.targetDate ?? '',
    themeKeys.map((key) => themeNames.get(key) ?? key).join('; '),
    r.sections.map((s) => s.title + (s.changedSinceVerified ? ' (changed since verified)' : '')).join('; '),
    r.evidence
      .map((e) => (e.title ?? e.evidenceItemId) + (e.cited ? '' : ' (never cited)') + (e.changedSinceVerified ? ' (changed since verified)' : ''))
      .join('; '),
    gapMessages.join('; '),
    changedSinceVerified ? 'Yes' : 'No',
  ]);
  return toCsv([header, ...rows]);
}
