import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api';
import { AppDialog, CloseOnlyActions, ErrorMessage } from '../ui/Dialog';

export interface ReaderTarget {
  itemId: string;
  title: string;
  page: number;
  query: string;
}

/** `text` with every word of `query` marked. */
function highlight(text: string, query: string) {
  const words = query.split(/\s+/).filter((w) => w.length > 1).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return text;
  const parts = text.split(new RegExp(`(${words.join('|')})`, 'gi'));
  return parts.map((p, i) => (i % 2 === 1 ? <mark key={i}>{p}</mark> : p));
}

/** A simple reader: the extracted text of one page of an item, in paragraphs, the searched words marked. */
export function EvidenceReader(props: { target: ReaderTarget | null; onClose(): void }) {
  const { target } = props;
  const [paragraphs, setParagraphs] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    setParagraphs(null);
    setError(null);
    api['evidence-get-text']({ id: target.itemId, fromPage: target.page, toPage: target.page }).then(
      // In paragraphs, as the core joins a PDF's printed lines, not in the ragged lines it was printed in.
      (r) => setParagraphs(r.pages.flatMap((p) => p.paragraphs)),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [target]);
  return (
    <AppDialog title={target ? `${target.title}, page ${target.page}` : ''} isOpen={target !== null} onOpenChange={(o) => !o && props.onClose()} size="medium">
      <ErrorMessage message={error} />
      <div className="evidence-reader" tabIndex={0} aria-label="Page text">
        {paragraphs === null ? (
          <p className="muted">Opening…</p>
        ) : (
          <div className="evidence-reader-text">
            {paragraphs.map((paragraph, i) => (
              <p key={i}>{highlight(paragraph, target?.query ?? '')}</p>
            ))}
          </div>
        )}
      </div>
      <CloseOnlyActions onClose={props.onClose} />
    </AppDialog>
  );
}
