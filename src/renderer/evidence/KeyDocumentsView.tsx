import './evidence.css';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api';
import { useStore } from '../data/store';
import { ErrorMessage } from '../ui/Dialog';
import { evidenceStore, refreshEvidence } from './evidenceStore';

/**
 * The "Key and background documents" chapter, generated from the evidence library: numbered as
 * citations show them, families lettered (6a, 6b). Read-only here; edit the items in the
 * Evidence panel.
 */
export function KeyDocumentsView() {
  const list = useStore(evidenceStore, (s) => s.keyDocuments);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    refreshEvidence().catch((e: unknown) => setError(errorMessage(e)));
  }, []);
  return (
    <section className="key-documents" aria-labelledby="key-documents-heading">
      <h2 id="key-documents-heading" className="guidance-subhead">
        Key documents, from the evidence library
      </h2>
      <ErrorMessage message={error} />
      {list.length === 0 ? (
        <p className="muted">No evidence yet: add documents in the Evidence panel and they are listed here.</p>
      ) : (
        <ol className="key-documents-list" aria-label="Key and background documents">
          {list.map((d) => (
            <li key={`${d.label}-${d.itemId ?? 'family'}`} className={d.letter ? 'key-documents-member' : undefined}>
              <span className="key-documents-label">{d.label}.</span> {d.title}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
