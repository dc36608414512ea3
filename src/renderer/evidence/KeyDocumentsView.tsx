import './evidence.css';
import './evidenceDetails.css';
import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { api, errorMessage } from '../api';
import { useStore } from '../data/store';
import { ErrorMessage } from '../ui/Dialog';
import { Icon } from '../ui/Icons';
import { evidenceStore, refreshEvidence } from './evidenceStore';
import { keyEntries, moveEntry, moveMember } from './keyDocumentsOrder';

/** Up and Down buttons for one line; focus follows the line to its new place. */
function MoveButtons(props: { name: string; focusKey: string; onMove(by: -1 | 1): void; first: boolean; last: boolean }) {
  return (
    <span className="key-documents-move">
      <Button className="button-icon" aria-label={`Move “${props.name}” up`} isDisabled={props.first} data-move={`${props.focusKey}:up`} onPress={() => props.onMove(-1)}>
        <Icon name="arrowUp" size={14} />
      </Button>
      <Button className="button-icon" aria-label={`Move “${props.name}” down`} isDisabled={props.last} data-move={`${props.focusKey}:down`} onPress={() => props.onMove(1)}>
        <span className="key-documents-down">
          <Icon name="arrowUp" size={14} />
        </span>
      </Button>
    </span>
  );
}

/**
 * The "Key and background documents" chapter, generated from the evidence library: numbered as
 * citations show them, families lettered (6a, 6b). The user sets the order here (a family moves
 * as one; its members move within it); every citation's number follows. Edit the items
 * themselves in the Evidence panel.
 */
export function KeyDocumentsView() {
  const list = useStore(evidenceStore, (s) => s.keyDocuments);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    refreshEvidence().catch((e: unknown) => setError(errorMessage(e)));
  }, []);
  const entries = keyEntries(list);

  const reorder = async (itemIds: string[] | null, focus: string) => {
    if (!itemIds) return;
    try {
      const keyDocuments = await api['evidence-reorder']({ itemIds });
      evidenceStore.set((s) => ({ ...s, keyDocuments }));
      setError(null);
      // The line has moved: keep the keyboard on the same button at its new place.
      requestAnimationFrame(() => {
        const button = document.querySelector<HTMLElement>(`[data-move="${CSS.escape(focus)}"]`);
        (button && !button.hasAttribute('disabled') ? button : button?.parentElement?.querySelector<HTMLElement>('button:not([disabled])'))?.focus();
      });
      await refreshEvidence();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="key-documents" aria-labelledby="key-documents-heading">
      <h2 id="key-documents-heading" className="guidance-subhead">
        Key documents, from the evidence library
      </h2>
      <ErrorMessage message={error} />
      {list.length === 0 ? (
        <p className="muted">No evidence yet: add documents in the Evidence panel and they are listed here.</p>
      ) : (
        <>
          <p className="muted key-documents-hint">Citations in the text show these numbers. Move a document up or down to renumber it.</p>
          <ol className="key-documents-list" aria-label="Key and background documents">
            {entries.map((entry, i) => (
              <li key={entry.key}>
                <span className="key-documents-line">
                  <span>
                    <span className="key-documents-label">{entry.label}.</span> {entry.title}
                  </span>
                  <MoveButtons
                    name={entry.title}
                    focusKey={entry.key}
                    first={i === 0}
                    last={i === entries.length - 1}
                    onMove={(by) => void reorder(moveEntry(entries, i, by), `${entry.key}:${by < 0 ? 'up' : 'down'}`)}
                  />
                </span>
                {entry.family ? (
                  <ol className="key-documents-list" aria-label={`${entry.title}, ${entry.itemIds.length} documents`}>
                    {list
                      .filter((d) => d.letter !== null && entry.itemIds.includes(d.itemId!))
                      .map((d, m) => (
                        <li key={d.itemId} className="key-documents-member">
                          <span className="key-documents-line">
                            <span>
                              <span className="key-documents-label">{d.label}.</span> {d.title}
                            </span>
                            <MoveButtons
                              name={d.title}
                              focusKey={d.itemId!}
                              first={m === 0}
                              last={m === entry.itemIds.length - 1}
                              onMove={(by) => void reorder(moveMember(entries, i, m, by), `${d.itemId!}:${by < 0 ? 'up' : 'down'}`)}
                            />
                          </span>
                        </li>
                      ))}
                  </ol>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
