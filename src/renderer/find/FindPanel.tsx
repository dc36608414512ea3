import { useEffect, useRef, useState } from 'react';
import { Button, Checkbox, Form, Input, Label, TextField } from 'react-aria-components';
import type { FindResult } from '../../shared/schemas/search';
import { api, errorMessage } from '../api';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Icon } from '../ui/Icons';

export interface FindQuery {
  query: string;
  matchCase: boolean;
  wholeWord: boolean;
}

/**
 * Find and replace across the whole statement. Results are grouped by section with a few
 * snippets; choosing one opens the section with the first match selected. Esc closes the
 * panel and puts focus back where it was.
 */
export function FindPanel(props: {
  focusRequest: number;
  currentSectionId: string | null;
  /** Bumped after anything that may change the text (replace, section switch), to search again. */
  refreshKey: number;
  onClose(): void;
  onQueryChange(query: FindQuery | null): void;
  onOpenResult(sectionId: string, query: FindQuery): void;
  onReplace(query: FindQuery, replacement: string, sectionId?: string): Promise<number>;
}) {
  const [query, setQuery] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const [replacement, setReplacement] = useState('');
  const [result, setResult] = useState<FindResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** "N matches in M sections — Replace all?": asked before a replace across the statement. */
  const [confirming, setConfirming] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const seq = useRef(0);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [props.focusRequest]);

  const current: FindQuery = { query, matchCase, wholeWord };

  // Search as the user types (briefly debounced), and again when the text may have changed.
  useEffect(() => {
    const q = query;
    if (!q.trim()) {
      setResult(null);
      setError(null);
      props.onQueryChange(null);
      return;
    }
    props.onQueryChange({ query: q, matchCase, wholeWord });
    const id = ++seq.current;
    const timer = setTimeout(async () => {
      try {
        const found = await api['statement-find']({ query: q, matchCase, wholeWord });
        if (id === seq.current) {
          setResult(found);
          setError(null);
        }
      } catch (e) {
        if (id === seq.current) setError(errorMessage(e));
      }
    }, 200);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- search again when the query or text changes, not whenever the parent passes a new onQueryChange.
  }, [query, matchCase, wholeWord, props.refreshKey]);

  const replace = async (sectionId?: string) => {
    if (!query.trim()) return;
    setBusy(true);
    try {
      await props.onReplace(current, replacement, sectionId);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      // The button pressed is now disabled (nothing left to replace), so the focus would fall to
      // the page: keep it in the panel, outside the fields, where Ctrl+Z undoes the replace.
      const active = document.activeElement;
      if (!active || active === document.body || (active instanceof HTMLButtonElement && active.disabled)) {
        panelRef.current?.focus();
      }
    }
  };

  const inThisSection = result?.sections.find((s) => s.sectionId === props.currentSectionId)?.count ?? 0;
  const summary = !query.trim()
    ? ''
    : result === null
      ? 'Searching…'
      : result.total === 0
        ? 'No matches in the statement.'
        : matchesInSections(result.total, result.sections.length);

  return (
    <aside
      ref={panelRef}
      tabIndex={-1}
      className="find-panel"
      aria-labelledby="find-heading"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <div className="find-head">
        <h2 id="find-heading" className="panel-title">
          Find and replace
        </h2>
        <Button className="button-icon" aria-label="Close find and replace" onPress={props.onClose}>
          <Icon name="close" size={16} />
        </Button>
      </div>
      <Form
        validationBehavior="aria"
        role="search"
        aria-label="Find in the statement"
        className="find-form"
        onSubmit={(e) => {
          e.preventDefault();
          const first = result?.sections[0];
          if (first) props.onOpenResult(first.sectionId, current);
        }}
      >
        <TextField className="field" value={query} onChange={setQuery}>
          <Label>Find</Label>
          <Input ref={inputRef} className="input" spellCheck={false} />
        </TextField>
        <div className="find-options">
          <Checkbox className="checkbox" isSelected={matchCase} onChange={setMatchCase}>
            <span className="checkbox-box" aria-hidden="true">
              <Icon name="check" size={14} />
            </span>
            Match case
          </Checkbox>
          <Checkbox className="checkbox" isSelected={wholeWord} onChange={setWholeWord}>
            <span className="checkbox-box" aria-hidden="true">
              <Icon name="check" size={14} />
            </span>
            Whole words only
          </Checkbox>
        </div>
        <TextField className="field" value={replacement} onChange={setReplacement}>
          <Label>Replace with</Label>
          <Input className="input" spellCheck={false} />
        </TextField>
        <div className="find-actions">
          <Button
            className="button button-secondary"
            isDisabled={busy || !query.trim() || inThisSection === 0}
            onPress={() => void replace(props.currentSectionId ?? undefined)}
          >
            Replace in this section
          </Button>
          <Button
            className="button button-primary"
            isDisabled={busy || !query.trim() || !result || result.total === 0}
            onPress={() => setConfirming(true)}
          >
            Replace all
          </Button>
        </div>
      </Form>
      <div className="find-summary" role="status" aria-live="polite">
        {error ? <span className="error-text">{error}</span> : summary}
      </div>
      {result && result.sections.length > 0 ? (
        <ul className="find-results" aria-label="Matches by section">
          {result.sections.map((section) => (
            <li key={section.sectionId} className="find-group">
              <Button
                className={`find-result${section.sectionId === props.currentSectionId ? ' is-current' : ''}`}
                onPress={() => props.onOpenResult(section.sectionId, current)}
              >
                <span className="find-result-head">
                  <span className="find-result-title">{section.sectionTitle}</span>
                  <span className="find-result-count">
                    {section.count} {section.count === 1 ? 'match' : 'matches'}
                  </span>
                </span>
                {section.snippets.map((snippet, i) => (
                  <span key={i} className="find-snippet">
                    {snippet.before}
                    <mark>{snippet.match}</mark>
                    {snippet.after}
                  </span>
                ))}
                {section.count > section.snippets.length ? (
                  <span className="find-snippet-more">
                    and {section.count - section.snippets.length} more in this section
                  </span>
                ) : null}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <ConfirmDialog
        title="Replace all?"
        isOpen={confirming && result !== null}
        confirmLabel="Replace all"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void replace();
        }}
      >
        {result ? (
          <>
            <p>
              {matchesInSections(result.total, result.sections.length)}: replace “{query}” with{' '}
              {replacement ? `“${replacement}”` : 'nothing (delete it)'}?
            </p>
            <p>You can undo it straight afterwards, with Undo or Ctrl+Z.</p>
          </>
        ) : null}
      </ConfirmDialog>
    </aside>
  );
}

/** "5 matches in 2 sections", "1 match in 1 section". */
export function matchesInSections(matches: number, sections: number): string {
  return `${matches} ${matches === 1 ? 'match' : 'matches'} in ${sections} ${sections === 1 ? 'section' : 'sections'}`;
}
