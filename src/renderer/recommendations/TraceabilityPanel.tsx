import { useEffect, useMemo, useState } from 'react';
import { Button, Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import {
  RECOMMENDATION_STATUSES,
  RECOMMENDATION_STATUS_WORDS,
  type RecommendationStatus,
  type Traceability,
  type TraceabilityFilter,
} from '../../shared/contracts/recommendations';
import type { SectionSummary } from '../../shared/schemas/section';
import { api, errorMessage } from '../api';
import { useStore } from '../data/store';
import { ErrorMessage } from '../ui/Dialog';
import { ChangedMark, GapFlag, PickField, StatusChip } from './parts';
import { recommendationsStore } from './recommendationsStore';

const ANY = 'any';

/** Saves text as a file through the browser's own download (works in Electron's window too). */
function download(csv: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Recommendations against themes, sections and evidence, with the gaps in words: not addressed
 * in any section, addressed but no evidence, evidence linked but never cited. Asks the core again
 * whenever the register changes (the store's version), so a link made in the register shows here.
 */
export function TraceabilityPanel(props: { sections: readonly SectionSummary[] }) {
  const version = useStore(recommendationsStore, (s) => s.version);
  const list = useStore(recommendationsStore, (s) => s.list);
  const [status, setStatus] = useState<string>(ANY);
  const [theme, setTheme] = useState<string>(ANY);
  const [owner, setOwner] = useState<string>(ANY);
  const [data, setData] = useState<Traceability | null>(null);
  const [error, setError] = useState<string | null>(null);

  const filter = useMemo<TraceabilityFilter>(
    () => ({
      ...(status !== ANY ? { status: [status as RecommendationStatus] } : {}),
      ...(theme !== ANY ? { themeKey: theme } : {}),
      ...(owner !== ANY ? { owner } : {}),
    }),
    [status, theme, owner],
  );

  useEffect(() => {
    let live = true;
    api['recommendations-traceability'](filter).then(
      (answer) => live && (setData(answer), setError(null)),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [filter, version]);

  const themeNames = useMemo(
    () => new Map(props.sections.filter((s) => s.parentId === null).map((s) => [s.templateKey ?? s.id, s.title])),
    [props.sections],
  );
  const themeOptions = [{ id: ANY, name: 'Any theme' }, ...[...themeNames].map(([id, name]) => ({ id, name }))];
  const owners = [...new Set(list.map((r) => r.owner.trim()).filter(Boolean))].sort();
  const ownerOptions = [{ id: ANY, name: 'Anyone' }, ...owners.map((o) => ({ id: o, name: o }))];
  const statusOptions = [{ id: ANY, name: 'Any status' }, ...RECOMMENDATION_STATUSES.map((s) => ({ id: s, name: RECOMMENDATION_STATUS_WORDS[s] }))];

  const exportCsv = async () => {
    try {
      const { csv, fileName } = await api['recommendations-export-csv'](filter);
      download(csv, fileName);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const summary = data?.summary;
  return (
    <div className="recs-trace">
      <div className="recs-filters" role="group" aria-label="Filters">
        <PickField label="Status" options={statusOptions} value={status} onChange={setStatus} />
        <PickField label="Theme" options={themeOptions} value={theme} onChange={setTheme} />
        <PickField label="Owner" options={ownerOptions} value={owner} onChange={setOwner} />
        <Button className="button" onPress={() => void exportCsv()}>
          Export as CSV
        </Button>
      </div>
      {summary ? (
        <p className="recs-summary" role="status">
          {summary.total} recommendation{summary.total === 1 ? '' : 's'}: {summary.addressed} addressed, {summary.withEvidence} with evidence
          {summary.changedSinceVerified ? `, ${summary.changedSinceVerified} changed since verified` : ''}.
        </p>
      ) : null}
      <ErrorMessage message={error} />
      <Table className="recs-table" aria-label="Traceability of recommendations">
        <TableHeader>
          <Column isRowHeader>Recommendation</Column>
          <Column>Status</Column>
          <Column>Themes</Column>
          <Column>Sections</Column>
          <Column>Evidence</Column>
          <Column>Gaps</Column>
        </TableHeader>
        <TableBody items={data?.rows ?? []} renderEmptyState={() => (data ? 'No recommendations match these filters.' : 'Loading…')}>
          {(row) => {
            const r = row.recommendation;
            return (
              <Row id={r.id} className="recs-row">
                <Cell>
                  <strong>{r.label}.</strong> {r.text}
                </Cell>
                <Cell>
                  <StatusChip status={r.status} />
                </Cell>
                <Cell>{row.themeKeys.map((k) => themeNames.get(k) ?? k).join(', ') || '—'}</Cell>
                <Cell>
                  {r.sections.length === 0
                    ? '—'
                    : r.sections.map((s) => (
                        <div key={s.sectionId}>
                          {s.title}
                          {s.changedSinceVerified ? <ChangedMark /> : null}
                        </div>
                      ))}
                </Cell>
                <Cell>
                  {r.evidence.length === 0
                    ? '—'
                    : r.evidence.map((e) => (
                        <div key={e.evidenceItemId}>
                          {e.title ?? e.evidenceItemId}
                          {e.cited ? '' : ' (not cited)'}
                          {e.changedSinceVerified ? <ChangedMark /> : null}
                        </div>
                      ))}
                </Cell>
                <Cell>
                  {row.gaps.length === 0 ? (
                    <span className="recs-no-gap">No gaps</span>
                  ) : (
                    row.gaps.map((g, i) => <GapFlag key={g} gap={g} message={row.gapMessages[i]} />)
                  )}
                </Cell>
              </Row>
            );
          }}
        </TableBody>
      </Table>
    </div>
  );
}
