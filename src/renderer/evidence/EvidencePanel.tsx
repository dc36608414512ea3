import './evidence.css';
import { useEffect, useRef, useState } from 'react';
import { Button, Input, Label, SearchField } from 'react-aria-components';
import type { EvidenceAddResult, EvidenceCitation, EvidenceItem } from '../../shared/schemas/evidence';
import { api, errorMessage, transport } from '../api';
import { useStore } from '../data/store';
import { JobProgress } from '../jobs/JobProgress';
import { useJob } from '../jobs/useJob';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorMessage } from '../ui/Dialog';
import { Icon } from '../ui/Icons';
import { AddLinkDialog } from './AddLinkDialog';
import { EvidenceDetailsDialog } from './EvidenceDetailsDialog';
import { SectionCitedEvidence } from './SectionCitedEvidence';
import type { AutoSaver } from '../save/autosave';
import { evidenceStore, keyLabelFor, refreshEvidence, setEvidencePanelOpen } from './evidenceStore';
import { EvidenceReader, type ReaderTarget } from './EvidenceReader';
import { LOCATOR_WORDS, Snippet } from './Snippet';
import { useEvidenceSearch } from './useEvidenceSearch';

export const EVIDENCE_PANEL_ID = 'evidence-panel';

/** What an add job said, in sentences: each duplicate and failed file named. */
function addMessages(result: EvidenceAddResult): string[] {
  const lines: string[] = [];
  if (result.added.length > 0) lines.push(`Added ${result.added.length} ${result.added.length === 1 ? 'file' : 'files'}.`);
  for (const d of result.duplicates) lines.push(d.message);
  for (const f of result.failed) lines.push(f.message);
  return lines;
}

/**
 * The evidence library beside the editor: add files (chosen, or dropped anywhere on the window)
 * as a job with progress and Cancel, add a web link, search the evidence and the statement, read
 * an item at a hit, and delete an item (asking first, naming where it is cited).
 */
export function EvidencePanel(props: {
  onHide(): void;
  onOpenSection(sectionId: string): void;
  /** The open section, whose citations the panel lists, and the saver whose saves refresh them. */
  sectionId?: string | null;
  saver?: AutoSaver;
}) {
  const items = useStore(evidenceStore, (s) => s.items);
  const pending = useStore(evidenceStore, (s) => s.pending);
  const state = useStore(evidenceStore, (s) => s);
  const job = useJob('evidence-add');
  const [messages, setMessages] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const search = useEvidenceSearch(query);
  const [linkOpen, setLinkOpen] = useState(false);
  const [reader, setReader] = useState<ReaderTarget | null>(null);
  const [detailsId, setDetailsId] = useState<string | null>(null);
  const detailsItem = items.find((i) => i.id === detailsId) ?? null;
  const [deleting, setDeleting] = useState<{ item: EvidenceItem; citations: EvidenceCitation[] } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    refreshEvidence().catch((e: unknown) => setError(errorMessage(e)));
  }, []);

  const addFiles = async (files: File[]) => {
    if (files.length === 0) return;
    setMessages([]);
    setError(null);
    try {
      if (!transport) throw new Error('The app is not connected.');
      const refs = await Promise.all(files.map(async (f) => ({ file: await transport!.fileRef(f), name: f.name })));
      await job.start({ files: refs });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  // Files dropped on the window arrive through the store.
  useEffect(() => {
    if (!pending) return;
    evidenceStore.set((s) => ({ ...s, pending: null }));
    void addFiles(pending);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pending]);

  useEffect(() => {
    if (job.view.state === 'done') {
      setMessages(addMessages(job.view.result));
      void refreshEvidence();
      job.reset();
    } else if (job.view.state === 'failed') {
      setError(job.view.message);
      job.reset();
    } else if (job.view.state === 'cancelled') {
      setMessages(['Cancelled. No files were added.']);
      job.reset();
    }
  }, [job, job.view]);

  const askDelete = async (item: EvidenceItem) => {
    try {
      const result = await api['evidence-delete']({ id: item.id });
      if (result.deleted) await refreshEvidence();
      else setDeleting({ item, citations: result.citations });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const running = job.view.state === 'queued' || job.view.state === 'running';
  return (
    <aside className="guidance-panel evidence-panel" id={EVIDENCE_PANEL_ID} aria-labelledby="evidence-heading">
      <div className="guidance-head">
        <h2 className="panel-title" id="evidence-heading">
          Evidence
        </h2>
        <Button className="button-icon" aria-label="Hide evidence" onPress={props.onHide}>
          <Icon name="close" size={16} />
        </Button>
      </div>
      <div className="guidance-body evidence-body">
        <div className="evidence-actions">
          <Button className="button button-secondary" onPress={() => fileInput.current?.click()} isDisabled={running}>
            Add files…
          </Button>
          <Button className="button button-secondary" onPress={() => setLinkOpen(true)}>
            Add a web link…
          </Button>
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            aria-label="Files to add as evidence"
            data-testid="evidence-file-input"
            accept=".pdf,.docx,.xlsx,.pptx,.txt,.md,.csv,.html,.htm"
            onChange={(e) => {
              const files = Array.from(e.currentTarget.files ?? []);
              e.currentTarget.value = '';
              void addFiles(files);
            }}
          />
        </div>
        <p className="guidance-foot">You can also drop files anywhere on the window.</p>
        {job.view.state === 'queued' || job.view.state === 'running' ? (
          <JobProgress label="Adding evidence" progress={job.view.progress} onCancel={() => void job.cancel()} />
        ) : null}
        <ErrorMessage message={error} />
        {messages.length > 0 ? (
          // The live region wraps the list: role="status" on the <ul> itself would take away its list role.
          <div role="status" aria-label="What happened">
            <ul className="evidence-messages">
              {messages.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </div>
        ) : null}

        {props.saver ? <SectionCitedEvidence sectionId={props.sectionId ?? null} saver={props.saver} onOpenItem={setDetailsId} /> : null}

        <SearchField className="search-field" value={query} onChange={setQuery} aria-label="Search the evidence and the statement">
          <Label className="guidance-subhead">Search the evidence and the statement</Label>
          <Input className="input" />
        </SearchField>
        <ErrorMessage message={search.error} />
        {search.searched ? (
          search.hits.length === 0 ? (
            <p className="guidance-none">Nothing found for “{search.searched}”.</p>
          ) : (
            <ul className="evidence-hits" aria-label="Search results">
              {search.hits.map((hit, i) => (
                <li key={i} className="evidence-hit">
                  {hit.source === 'evidence' ? (
                    <Button
                      className="evidence-hit-button"
                      onPress={() => setReader({ itemId: hit.itemId, title: hit.title, page: hit.page, query: search.searched })}
                    >
                      <span className="evidence-hit-title">
                        {hit.title}, {LOCATOR_WORDS[hit.locatorKind]} {hit.page}
                      </span>
                      <Snippet parts={hit.snippet} />
                    </Button>
                  ) : (
                    <Button className="evidence-hit-button" onPress={() => props.onOpenSection(hit.sectionId)}>
                      <span className="evidence-hit-title">Statement: {hit.title}</span>
                      <Snippet parts={hit.snippet} />
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )
        ) : null}

        <h3 className="guidance-subhead">In the library</h3>
        {items.length === 0 ? (
          <p className="guidance-none">No evidence yet. Add the documents your statement rests on.</p>
        ) : (
          <ul className="evidence-list" aria-label="Evidence items">
            {items.map((item) => (
              <li key={item.id} className="evidence-item">
                <span className="evidence-number">{keyLabelFor(state, item.id) ?? ''}</span>
                <span className="evidence-item-main">
                  <span className="evidence-title">{item.title}</span>
                  <span className="evidence-meta">
                    {item.fileName ? `${item.pageCount} ${LOCATOR_WORDS[item.locatorKind]}${item.pageCount === 1 ? '' : 's'}` : item.sourceUrl ? 'Web link' : 'Waiting for its file'}
                    {item.textStatus === 'no-text' && item.fileName ? ' · No text found' : ''}
                  </span>
                </span>
                <Button className="button button-quiet evidence-details-button" aria-label={`Details of “${item.title}”`} onPress={() => setDetailsId(item.id)}>
                  Details
                </Button>
                <Button className="button-icon" aria-label={`Delete “${item.title}”${item.fileName ? ` (${item.fileName})` : ''}`} onPress={() => void askDelete(item)}>
                  <Icon name="close" size={14} />
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <AddLinkDialog isOpen={linkOpen} onClose={() => setLinkOpen(false)} />
      <EvidenceDetailsDialog item={detailsItem} onClose={() => setDetailsId(null)} onOpenSection={props.onOpenSection} />
      <EvidenceReader target={reader} onClose={() => setReader(null)} />
      <ConfirmDialog
        title="Delete cited evidence?"
        isOpen={deleting !== null}
        confirmLabel="Delete it"
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          const item = deleting?.item;
          setDeleting(null);
          if (!item) return;
          try {
            await api['evidence-delete']({ id: item.id, evenIfCited: true });
            await refreshEvidence();
          } catch (e) {
            setError(errorMessage(e));
          }
        }}
      >
        <p>“{deleting?.item.title}” is cited in the statement:</p>
        <ul className="evidence-citations">
          {deleting?.citations.map((c, i) => (
            <li key={i}>
              {c.sectionTitle}
              {c.locator ? `, page ${c.locator}` : ''}
              {c.quote ? ` — “${c.quote}”` : ''}
            </li>
          ))}
        </ul>
        <p>If you delete it, those citations will point at nothing. Delete it anyway?</p>
      </ConfirmDialog>
    </aside>
  );
}

/** Shows or hides the panel from elsewhere (the File menu). */
export { setEvidencePanelOpen };
