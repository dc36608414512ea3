import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import type { DeletedSection } from '../../shared/schemas/section';
import { api, errorMessage } from '../api';
import { AppDialog, ErrorMessage } from '../ui/Dialog';
import { formatWords } from './tree';

/**
 * "Recently deleted": the sections in the bin, each with Restore, until the bin is emptied.
 * Emptying asks first (it cannot be undone) and removes the text from the file for good.
 */
export function RecentlyDeletedDialog(props: {
  isOpen: boolean;
  onClose(): void;
  onRestore(id: string, title: string): Promise<void>;
}) {
  const [items, setItems] = useState<DeletedSection[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    try {
      setItems(await api['sections-deleted-list']({}));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  useEffect(() => {
    if (!props.isOpen) return;
    setItems(null);
    setConfirming(false);
    void load();
  }, [props.isOpen]);

  const task = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
      await load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppDialog title="Recently deleted" isOpen={props.isOpen} onOpenChange={(open) => !open && props.onClose()} size="medium">
      <p className="dialog-intro">
        Deleted sections stay here, with their text, until you empty the bin. Restore puts one back where it was.
      </p>
      {items === null && !error ? <p>Loading…</p> : null}
      {items?.length === 0 ? <p className="bin-empty">Nothing has been deleted.</p> : null}
      {items && items.length > 0 ? (
        <ul className="bin-list" aria-label="Deleted sections">
          {items.map((item) => (
            <li key={item.id} className="bin-item">
              <span className="bin-item-text">
                <span className="bin-item-title">{item.title}</span>
                <span className="bin-item-meta">
                  {item.parentTitle ? `from “${item.parentTitle}” · ` : 'focus area · '}
                  {formatWords(item.wordCount)}
                  {item.subsectionCount > 0
                    ? ` · with ${item.subsectionCount} ${item.subsectionCount === 1 ? 'subsection' : 'subsections'}`
                    : ''}
                </span>
              </span>
              <Button
                className="button button-secondary"
                isDisabled={busy}
                aria-label={`Restore ${item.title}`}
                onPress={() => void task(() => props.onRestore(item.id, item.title))}
              >
                Restore
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorMessage message={error} />
      {confirming ? (
        <div className="bin-confirm" role="group" aria-label="Empty the bin?">
          <p>
            Empty the bin? The {items?.length === 1 ? 'section' : `${items?.length ?? 0} sections`} and their text will be
            removed from the file for good. This cannot be undone.
          </p>
          <div className="dialog-actions">
            <span className="spacer" />
            <Button className="button button-secondary" autoFocus onPress={() => setConfirming(false)}>
              Keep them
            </Button>
            <Button
              className="button button-danger"
              isDisabled={busy}
              onPress={() =>
                void task(async () => {
                  await api['sections-bin-empty']({});
                  setConfirming(false);
                })
              }
            >
              Empty the bin
            </Button>
          </div>
        </div>
      ) : (
        <div className="dialog-actions">
          <Button className="button button-quiet" isDisabled={busy || !items?.length} onPress={() => setConfirming(true)}>
            Empty the bin…
          </Button>
          <span className="spacer" />
          <Button className="button button-primary" onPress={props.onClose}>
            Done
          </Button>
        </div>
      )}
    </AppDialog>
  );
}
