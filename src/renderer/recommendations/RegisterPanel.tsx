import { useEffect, useState } from 'react';
import { Button, ListBox, ListBoxItem, ListLayout, Virtualizer } from 'react-aria-components';
import type { Recommendation } from '../../shared/contracts/recommendations';
import type { SectionSummary } from '../../shared/schemas/section';
import { api, errorMessage } from '../api';
import { useStore } from '../data/store';
import { useToasts } from '../ui/Toasts';
import { formatDate } from '../app/format';
import { AddRecommendationDialog } from './AddRecommendationDialog';
import { ImportRecommendationsDialog } from './ImportRecommendationsDialog';
import { RecommendationDetail } from './RecommendationDetail';
import { StatusChip } from './parts';
import { recommendationsStore } from './recommendationsStore';
import { recordAdded, recordDeleted, registerHistoryState } from './registerHistory';

/** The register: every recommendation in a list, the chosen one's details beside it. */
export function RegisterPanel(props: { sections: readonly SectionSummary[]; evidence: ReadonlyArray<{ id: string; title: string }> }) {
  const toasts = useToasts();
  const list = useStore(recommendationsStore, (s) => s.list);
  const loaded = useStore(recommendationsStore, (s) => s.loaded);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const [addOpen, setAddOpen] = useState(false);
  const selected = list.find((r) => r.id === selectedId) ?? null;

  useEffect(() => {
    if (!selected && list.length > 0) setSelectedId(list[0]!.id);
  }, [selected, list]);

  const generation = useStore(registerHistoryState, (s) => s.generation);

  const remove = async (rec: Recommendation) => {
    try {
      await api['recommendation-delete']({ id: rec.id });
      recommendationsStore.remove(rec.id);
      setSelectedId(null);
      // Its message, with Undo, is the view's (RegisterUndo): the app's toasts sit behind this dialog.
      recordDeleted(rec);
    } catch (e) {
      toasts.show({ message: errorMessage(e), timeout: 8000 });
    }
  };

  return (
    <div className="recs-register">
      <div className="recs-toolbar">
        <Button className="button button-primary" onPress={() => setImportOpen(true)}>
          Import recommendations…
        </Button>
        <Button className="button" onPress={() => setAddOpen(true)}>
          Add recommendation
        </Button>
      </div>
      {loaded && list.length === 0 ? (
        <p className="recs-empty">
          The register is empty. Import the recommendations from your last peer challenge’s feedback report, or add them one at a time.
        </p>
      ) : null}
      <div className="recs-columns">
        {list.length > 0 ? (
          // Virtualised: a register imported from a long report (up to 200) draws only the rows in
          // view, so scrolling, selecting and typing in the details stay quick.
          <Virtualizer layout={ListLayout} layoutOptions={{ estimatedRowHeight: 64 }}>
          <ListBox
            className="recs-list"
            aria-label="Recommendations"
            selectionMode="single"
            disallowEmptySelection
            selectedKeys={selectedId ? [selectedId] : []}
            onSelectionChange={(keys) => {
              const key = keys === 'all' ? null : [...keys][0];
              if (key !== undefined && key !== null) setSelectedId(String(key));
            }}
            items={list}
          >
            {(rec) => (
              <ListBoxItem
                id={rec.id}
                className="recs-list-item"
                textValue={`Recommendation ${rec.label}: ${rec.text}`}
              >
                {/* Named by what it shows, so the name holds the visible words in order (WCAG 2.5.3, label in name). */}
                <span className="recs-list-label">
                  <span className="visually-hidden">Recommendation </span>
                  {rec.label}
                </span>
                <span className="recs-list-text">{rec.text}</span>
                <span className="recs-list-meta">
                  <StatusChip status={rec.status} />
                  {rec.owner ? <span>Owner: {rec.owner}</span> : null}
                  {rec.targetDate ? <span>Target: {formatDate(rec.targetDate)}</span> : null}
                </span>
              </ListBoxItem>
            )}
          </ListBox>
          </Virtualizer>
        ) : null}
        {selected ? (
          <RecommendationDetail key={`${selected.id}-${generation}`} rec={selected} sections={props.sections} evidence={props.evidence} onDelete={(rec) => void remove(rec)} />
        ) : null}
      </div>
      <ImportRecommendationsDialog
        isOpen={importOpen}
        onClose={() => setImportOpen(false)}
        onImported={(added) => {
          // Said, with an Undo, by the register's history (recordAdded in the dialog).
          if (added[0]) setSelectedId(added[0].id);
        }}
      />
      <AddRecommendationDialog isOpen={addOpen} onClose={() => setAddOpen(false)} onAdded={(rec) => {
          recordAdded([rec]);
          setSelectedId(rec.id);
        }} />
    </div>
  );
}
