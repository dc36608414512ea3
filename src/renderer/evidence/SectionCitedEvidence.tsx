import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import type { SectionCitedItem } from '../../shared/schemas/evidence';
import { api, errorMessage } from '../api';
import { useStore } from '../data/store';
import type { AutoSaver } from '../save/autosave';
import { ErrorMessage } from '../ui/Dialog';
import { evidenceStore } from './evidenceStore';

/**
 * "Cited in this section": the evidence the open section cites, each item once with its key
 * documents number and how often, read from the saved section (so it follows each autosave) and
 * renumbered whenever the key documents list changes.
 */
export function SectionCitedEvidence(props: { sectionId: string | null; saver: AutoSaver; onOpenItem(itemId: string): void }) {
  const { sectionId, saver } = props;
  const keyDocuments = useStore(evidenceStore, (s) => s.keyDocuments);
  const [cited, setCited] = useState<SectionCitedItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saves, setSaves] = useState(0);
  useEffect(() => saver.onSaved((result) => result.id === sectionId && setSaves((n) => n + 1)), [saver, sectionId]);
  useEffect(() => {
    if (!sectionId) {
      setCited([]);
      return;
    }
    let live = true;
    api['evidence-section-citations']({ sectionId }).then(
      (list) => {
        if (!live) return;
        setCited(list);
        setError(null);
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [sectionId, saves, keyDocuments]);
  if (!sectionId) return null;
  return (
    <section aria-labelledby="cited-here-heading">
      <h3 className="guidance-subhead" id="cited-here-heading">
        Cited in this section
      </h3>
      <ErrorMessage message={error} />
      {cited.length === 0 ? (
        <p className="guidance-none">This section cites no evidence yet. Select words and press Ctrl+Shift+E to cite.</p>
      ) : (
        <ul className="evidence-list evidence-cited-here" aria-labelledby="cited-here-heading">
          {cited.map((c) => (
            <li key={c.itemId} className="evidence-item">
              <span className="evidence-number">{c.label ?? '?'}</span>
              <span className="evidence-item-main">
                {c.title === null ? (
                  <span className="evidence-title">A deleted document</span>
                ) : (
                  <Button className="evidence-link-button" onPress={() => props.onOpenItem(c.itemId)}>
                    {c.title}
                  </Button>
                )}
                <span className="evidence-meta">{c.count === 1 ? 'Cited once' : `Cited ${c.count} times`}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
