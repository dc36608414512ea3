import { useEffect, useState } from 'react';
import type { SearchHit } from '../../shared/schemas/evidence';
import { api, errorMessage } from '../api';

/** Search hits for `query` (evidence and statement, or one of them), a moment after typing stops. */
export function useEvidenceSearch(query: string, scope: 'all' | 'evidence' = 'all') {
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [searched, setSearched] = useState('');
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits([]);
      setSearched('');
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api['evidence-search']({ query: q, scope, limit: 30 }).then(
        (result) => {
          if (!live) return;
          setHits(result);
          setError(null);
          setSearched(q);
        },
        (e: unknown) => live && setError(errorMessage(e)),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, scope]);
  return { hits, error, searched };
}
