import { useEffect, useState } from 'react';
import { Button, Input, Label, SearchField } from 'react-aria-components';
import { AppDialog, ErrorMessage } from '../ui/Dialog';
import { LOCATOR_WORDS, Snippet } from './Snippet';
import { useEvidenceSearch } from './useEvidenceSearch';

export interface CitePick {
  itemId: string;
  page: number;
  snippet: string;
}

/** Search the evidence and pick the passage to cite. */
export function CiteDialog(props: { isOpen: boolean; selectedText: string; onClose(): void; onPick(pick: CitePick): void }) {
  const [query, setQuery] = useState('');
  useEffect(() => {
    if (props.isOpen) setQuery(props.selectedText.slice(0, 100));
  }, [props.isOpen, props.selectedText]);
  const search = useEvidenceSearch(query, 'evidence');
  return (
    <AppDialog title="Cite evidence" isOpen={props.isOpen} onOpenChange={(o) => !o && props.onClose()} size="medium">
      <SearchField className="search-field field" value={query} onChange={setQuery} autoFocus>
        <Label>Search the evidence</Label>
        <Input className="input" />
      </SearchField>
      <ErrorMessage message={search.error} />
      {search.searched && search.hits.length === 0 ? <p className="muted">Nothing found for “{search.searched}”.</p> : null}
      <ul className="evidence-hits" aria-label="Passages to cite">
        {search.hits.map((hit, i) =>
          hit.source === 'evidence' ? (
            <li key={i} className="evidence-hit">
              <Button
                className="evidence-hit-button"
                onPress={() => props.onPick({ itemId: hit.itemId, page: hit.page, snippet: hit.snippet.map((p) => p.text).join('').replace(/^…|…$/g, '').trim() })}
              >
                <span className="evidence-hit-title">
                  {hit.title}, {LOCATOR_WORDS[hit.locatorKind]} {hit.page}
                </span>
                <Snippet parts={hit.snippet} />
              </Button>
            </li>
          ) : null,
        )}
      </ul>
      <div className="dialog-actions">
        <span className="spacer" />
        <Button className="button button-secondary" onPress={props.onClose}>
          Cancel
        </Button>
      </div>
    </AppDialog>
  );
}
