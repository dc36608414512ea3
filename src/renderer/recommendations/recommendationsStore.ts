import type { Recommendation } from '../../shared/contracts/recommendations';
import { api, errorMessage } from '../api';
import { Store } from '../data/store';

/**
 * The register of earlier recommendations, as the Recommendations view, the traceability view
 * and the editor's "reference to a recommendation" picker all see it. Every change the renderer
 * makes (an import, an edit's saved answer, a link) goes through here, so the three stay in step
 * without refreshing each other by hand.
 */
export interface RecommendationsState {
  list: Recommendation[];
  /** False until the first `recommendations-list` has answered. */
  loaded: boolean;
  error: string | null;
  /** Bumped on every change, so the traceability view knows to ask again. */
  version: number;
}

export class RecommendationsStore extends Store<RecommendationsState> {
  constructor() {
    super({ list: [], loaded: false, error: null, version: 0 });
  }

  async reload(): Promise<void> {
    try {
      const list = await api['recommendations-list']({});
      this.set((prev) => ({ list, loaded: true, error: null, version: prev.version + 1 }));
    } catch (e) {
      this.set((prev) => ({ ...prev, error: errorMessage(e) }));
    }
  }

  /** One recommendation as the core now has it (after an update, a link, a verify). */
  put(rec: Recommendation): void {
    this.set((prev) => {
      const exists = prev.list.some((r) => r.id === rec.id);
      const list = exists ? prev.list.map((r) => (r.id === rec.id ? rec : r)) : [...prev.list, rec].sort((a, b) => a.position - b.position);
      return { ...prev, list, version: prev.version + 1 };
    });
  }

  remove(id: string): void {
    this.set((prev) => ({ ...prev, list: prev.list.filter((r) => r.id !== id), version: prev.version + 1 }));
  }
}

/**
 * One register per window: the renderer shows one assessment at a time, and the views reload it
 * when they open (so a newly opened assessment never shows the last one's register).
 */
export const recommendationsStore = new RecommendationsStore();
