import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import type { EvidenceCitation } from '../../shared/schemas/evidence';
import { api, errorMessage } from '../api';
import { ErrorMessage } from '../ui/Dialog';

/** Where the statement cites an item: one line per section, with how often; press to go there. */
export function WhereCited(props: { itemId: string; onOpenSection(sectionId: string): void }) {
  const [citations, setCitations] = useState<EvidenceCitation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setCitations(null);
    api['evidence-citations']({ id: props.itemId }).then(
      (c) => live && setCitations(c),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [props.itemId]);
  const bySection = new Map<string, { title: string; count: number }>();
  for (const c of citations ?? []) {
    const entry = bySection.get(c.sectionId) ?? { title: c.sectionTitle, count: 0 };
    entry.count++;
    bySection.set(c.sectionId, entry);
  }
  return (
    <section className="evidence-where-cited" aria-labelledby="where-cited-heading">
      <h3 className="guidance-subhead" id="where-cited-heading">
        Where it is cited
      </h3>
      <ErrorMessage message={error} />
      {citations === null ? null : bySection.size === 0 ? (
        <p className="guidance-none">Not cited in the statement yet.</p>
      ) : (
        <ul className="evidence-citations" aria-labelledby="where-cited-heading">
          {[...bySection].map(([sectionId, { title, count }]) => (
            <li key={sectionId}>
              <Button className="evidence-hit-button" onPress={() => props.onOpenSection(sectionId)}>
                {title}
                <span className="evidence-meta"> · {count === 1 ? 'once' : `${count} times`}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
