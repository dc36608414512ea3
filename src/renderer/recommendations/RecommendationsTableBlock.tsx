import { useEffect, useId, useMemo } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { Button } from 'react-aria-components';
import { $isRecommendationsTableNode } from '../../document/nodes/RecommendationsTableNode';
import type { Recommendation } from '../../shared/contracts/recommendations';
import { useStore } from '../data/store';
import { StatusChip } from './parts';
import { progressToText } from './progressText';
import { recommendationsStore } from './recommendationsStore';
import './recommendationsTableBlock.css';

/** The progress column: the update's first words, enough to see where it stands (the export writes it all). */
export function progressSummary(rec: Recommendation, max = 160): string {
  const text = progressToText(rec.progress).replace(/\s+/g, ' ').trim();
  if (text === '') return 'No progress update yet';
  return text.length > max ? `${text.slice(0, max).replace(/\s+\S*$/, '')}…` : text;
}

/** The register's rows a block shows: all of them, or one source's. */
export function rowsFor(list: readonly Recommendation[], source: string | null): Recommendation[] {
  return source === null ? [...list] : list.filter((r) => r.source === source);
}

/**
 * The recommendations table block as the editor shows it: the register as it is now, read from
 * the recommendations store, so a status changed in the register shows here at once. The block
 * itself saves only the source it is filtered to (src/document/nodes/RecommendationsTableNode).
 */
export function RecommendationsTableBlock(props: { source: string | null; nodeKey: NodeKey }) {
  const [editor] = useLexicalComposerContext();
  const list = useStore(recommendationsStore, (s) => s.list);
  const loaded = useStore(recommendationsStore, (s) => s.loaded);
  const error = useStore(recommendationsStore, (s) => s.error);
  const captionId = useId();
  const filterId = useId();
  const readOnly = !editor.isEditable();

  useEffect(() => {
    // The store may hold nothing yet (the register view not opened) or another file's register.
    void recommendationsStore.reload();
  }, []);

  const sources = useMemo(() => [...new Set(list.map((r) => r.source))].sort(), [list]);
  const rows = rowsFor(list, props.source);

  const update = (change: (node: import('../../document/nodes/RecommendationsTableNode').RecommendationsTableNode) => void) =>
    editor.update(() => {
      const node = $getNodeByKey(props.nodeKey);
      if ($isRecommendationsTableNode(node)) change(node);
    });

  const caption = props.source === null ? 'Recommendations from our last peer challenge' : `Recommendations: ${props.source}`;
  return (
    <div className="recs-table-block" role="group" aria-labelledby={captionId}>
      <div className="recs-table-block-head">
        <span className="recs-table-block-title" id={captionId}>
          {caption}
        </span>
        <span className="recs-table-block-note">From the register: change a recommendation there and this table follows.</span>
        {!readOnly ? (
          <span className="recs-table-block-tools">
            {sources.length > 1 || props.source !== null ? (
              <span className="recs-table-block-filter">
                <label htmlFor={filterId}>Show</label>
                <select
                  id={filterId}
                  className="input"
                  value={props.source ?? ''}
                  onChange={(e) => update((node) => node.setSource(e.target.value === '' ? null : e.target.value))}
                >
                  <option value="">All sources</option>
                  {[...new Set([...sources, ...(props.source !== null ? [props.source] : [])])].map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </span>
            ) : null}
            <Button className="button button-small" onPress={() => update((node) => node.remove())}>
              Remove table
            </Button>
          </span>
        ) : null}
      </div>
      {error ? (
        <p role="alert">{error}</p>
      ) : !loaded ? (
        <p>Loading the register…</p>
      ) : rows.length === 0 ? (
        <p className="recs-table-block-empty">
          {props.source === null
            ? 'The register has no recommendations yet. Open Recommendations (Alt+Shift+R) to import or add them; they will show here.'
            : `The register has no recommendations from “${props.source}”.`}
        </p>
      ) : (
        <table className="recs-table-block-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col" className="recs-table-block-label">
                <span className="visually-hidden">Label</span>
              </th>
              <th scope="col">Recommendation</th>
              <th scope="col">Status</th>
              <th scope="col">Progress</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((rec) => (
              <tr key={rec.id} data-recommendation-id={rec.id}>
                <th scope="row" className="recs-table-block-label">
                  {rec.label}
                </th>
                <td>{rec.text}</td>
                <td>
                  <StatusChip status={rec.status} />
                </td>
                <td>{progressSummary(rec)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
