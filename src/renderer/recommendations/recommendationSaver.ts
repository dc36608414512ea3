import { api, ApiError, errorMessage } from '../api';
import type { RecommendationsStore } from './recommendationsStore';
import { recordFieldChange, type RecommendationPatch } from './registerHistory';

export type { RecommendationPatch };

/**
 * Autosave for one recommendation's fields, like a section's: changes gather for a moment and go
 * as one `recommendation-update` based on the revision the store last had, one save at a time.
 * A save refused as stale (changed in another tab) reloads the register and says so; a failed
 * save keeps the change queued to try again, so a progress update is never lost.
 */
export class RecommendationSaver {
  private pending: RecommendationPatch = {};
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly id: string,
    private readonly store: RecommendationsStore,
    private readonly onState: (state: 'saving' | 'saved' | { error: string }) => void,
    private readonly delay = 600,
  ) {}

  change(patch: RecommendationPatch, immediately = false): void {
    this.pending = { ...this.pending, ...patch };
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), immediately ? 0 : this.delay);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.running) await this.running;
    if (Object.keys(this.pending).length === 0) return;
    const patch = this.pending;
    this.pending = {};
    this.running = this.send(patch).finally(() => {
      this.running = null;
    });
    await this.running;
  }

  private async send(patch: RecommendationPatch): Promise<void> {
    const current = this.store.getState().list.find((r) => r.id === this.id);
    if (!current) return;
    this.onState('saving');
    try {
      const saved = await api['recommendation-update']({ id: this.id, baseRevision: current.revision, ...patch });
      this.store.put(saved);
      // Undoable (Ctrl+Z in the register): it writes back the fields as they were.
      recordFieldChange(current, patch);
      this.onState(Object.keys(this.pending).length === 0 ? 'saved' : 'saving');
    } catch (e) {
      if (e instanceof ApiError && e.code === 'stale') {
        await this.store.reload();
        this.onState({ error: errorMessage(e) });
        return;
      }
      // Keep it for the next try, under anything typed since.
      this.pending = { ...patch, ...this.pending };
      this.onState({ error: `${errorMessage(e)} Your change is kept and will be saved on the next edit.` });
    }
  }
}
