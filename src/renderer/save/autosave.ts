import type { ResultOf } from '../../shared/contract';
import type { SerializedEditorStateJSON } from '../../shared/schemas/lexical';
import { api, transport } from '../api';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';
export type SaveResult = ResultOf<'section-save-content'>;

/** Quiet time after the last keystroke before we save. */
const DEBOUNCE_MS = 300;
/** However fast the user types, the first unsaved change is written within this long. */
const MAX_WAIT_MS = 600;
const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 5000];

type ContentThunk = () => SerializedEditorStateJSON;

/**
 * Autosave: the user never presses Save. Each editor change is queued per section; after a short
 * pause (or at most MAX_WAIT_MS after the first unsaved change) the queue is written, one call in
 * flight at a time, newer content replacing older content that has not gone yet. A failed write
 * stays queued and is retried until it succeeds: the text is never dropped.
 */
export class AutoSaver {
  private pending = new Map<string, ContentThunk>();
  private firstPendingAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private loop: Promise<void> | null = null;
  private status: SaveStatus = 'saved';
  private listeners = new Set<(status: SaveStatus) => void>();
  private savedListeners = new Set<(result: SaveResult) => void>();
  private lastError = '';

  getStatus(): SaveStatus {
    return this.status;
  }

  getLastError(): string {
    return this.lastError;
  }

  subscribe(listener: (status: SaveStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onSaved(listener: (result: SaveResult) => void): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  hasPending(): boolean {
    return this.pending.size > 0 || this.loop !== null;
  }

  /** Queue the latest content of a section. */
  schedule(sectionId: string, content: ContentThunk): void {
    if (this.pending.size === 0) this.firstPendingAt = Date.now();
    this.pending.set(sectionId, content);
    if (this.status !== 'error') this.setStatus(this.loop ? 'saving' : 'pending');
    if (this.retryTimer) return; // a retry is already on its way and will carry this too
    if (this.timer) clearTimeout(this.timer);
    const waited = Date.now() - this.firstPendingAt;
    const delay = Math.max(0, Math.min(DEBOUNCE_MS, MAX_WAIT_MS - waited));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.kick();
    }, delay);
  }

  /** Write everything queued now, and resolve once it is written (or has failed once). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    // A loop already running picks up anything queued meanwhile before it ends.
    await this.kick();
    if (this.pending.size > 0 && this.status !== 'error') await this.kick();
  }

  /** The page is going away: send what is queued with requests that outlive the page. */
  flushOnUnload(): void {
    if (!transport) return;
    for (const [id, content] of this.pending) {
      transport.callOnUnload('section-save-content', { id, content: content() });
    }
    this.pending.clear();
  }

  /** Forget everything queued (only after a flush, e.g. when the assessment closes). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.listeners.clear();
    this.savedListeners.clear();
  }

  private kick(): Promise<void> {
    if (!this.loop) {
      this.loop = this.drain().finally(() => {
        this.loop = null;
      });
    }
    return this.loop;
  }

  private async drain(): Promise<void> {
    while (this.pending.size > 0) {
      const next = this.pending.entries().next();
      if (next.done) break;
      const [id, thunk] = next.value;
      this.pending.delete(id);
      if (this.status !== 'error') this.setStatus('saving');
      let content: SerializedEditorStateJSON;
      try {
        content = thunk();
      } catch {
        continue; // the editor went away mid-way; its last state was queued earlier
      }
      try {
        const result = await api['section-save-content']({ id, content });
        this.failures = 0;
        this.lastError = '';
        for (const listener of this.savedListeners) listener(result);
      } catch (error) {
        // Put it back unless something newer was queued meanwhile, then try again shortly.
        if (!this.pending.has(id)) this.pending.set(id, () => content);
        if (error instanceof Error && 'code' in error && (error as { code: string }).code === 'not-found') {
          // The section was deleted: nothing to save it into.
          this.pending.delete(id);
          continue;
        }
        this.lastError = error instanceof Error ? error.message : String(error);
        this.failures++;
        this.setStatus('error');
        const delay = RETRY_DELAYS_MS[Math.min(this.failures - 1, RETRY_DELAYS_MS.length - 1)] ?? 5000;
        if (this.retryTimer) clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          void this.kick();
        }, delay);
        return;
      }
    }
    this.setStatus('saved');
  }

  private setStatus(status: SaveStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }
}
