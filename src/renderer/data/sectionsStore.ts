import type { SectionSummary } from '../../shared/schemas/section';
import { sectionTotals } from '../binder/tree';
import { Store } from './store';

/**
 * The sections of the open statement, as the binder, the status bar and the dialogs see them.
 * `list` is what `sections-list` gave (replaced after a structural change: add, move, delete,
 * undo); `patch` changes one section in place (a save's new word count, a rename, a target),
 * which re-renders the views of that one section and of the totals that include it.
 */
export interface SectionsState {
  list: SectionSummary[];
  byId: ReadonlyMap<string, SectionSummary>;
  /** Each section's words with its subsections' (what a chapter's target is measured against). */
  totals: ReadonlyMap<string, number>;
  /** Words in the whole statement. */
  total: number;
}

const NO_LIVE = new Map<string, number>();

function derive(list: SectionSummary[]): SectionsState {
  return {
    list,
    byId: new Map(list.map((s) => [s.id, s])),
    totals: sectionTotals(list, NO_LIVE),
    total: list.reduce((sum, s) => sum + s.wordCount, 0),
  };
}

export class SectionsStore extends Store<SectionsState> {
  constructor(list: SectionSummary[] = []) {
    super(derive(list));
  }

  replaceAll(list: SectionSummary[]): void {
    this.set(derive(list));
  }

  /** One section changed: its row (and the totals above it) update, nothing else. */
  patch(id: string, change: Partial<Omit<SectionSummary, 'id'>>): void {
    this.set((prev) => {
      const old = prev.byId.get(id);
      if (!old) return prev;
      const changed = (Object.keys(change) as (keyof typeof change)[]).some((k) => !Object.is(old[k], change[k]));
      if (!changed) return prev;
      return derive(prev.list.map((s) => (s.id === id ? { ...s, ...change } : s)));
    });
  }
}

/**
 * The shape of the binder: which sections there are, where, and what the tree shows for them
 * apart from word counts. Two lists with the same shape are equal, so a word count patched in
 * does not re-render the tree (its rows read their counts themselves).
 */
export function sameShape(a: SectionSummary[], b: SectionSummary[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (
      x.id !== y.id ||
      x.parentId !== y.parentId ||
      x.position !== y.position ||
      x.depth !== y.depth ||
      x.kind !== y.kind ||
      x.title !== y.title ||
      x.fixed !== y.fixed ||
      x.wordTarget !== y.wordTarget
    )
      return false;
  }
  return true;
}

/** The live word count of the section being typed in, shared by the status bar only. */
export type LiveWords = { id: string; words: number } | null;
export class LiveWordsStore extends Store<LiveWords> {
  constructor() {
    super(null);
  }
}
