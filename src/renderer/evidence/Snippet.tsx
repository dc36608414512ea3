import type { SnippetPart } from '../../shared/schemas/evidence';

/** A search hit's snippet with the matched words marked. */
export function Snippet({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <span className="evidence-snippet">
      {parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </span>
  );
}

export const LOCATOR_WORDS = { page: 'page', sheet: 'sheet', slide: 'slide', part: 'part' } as const;
