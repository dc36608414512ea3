import { RECOMMENDATION_STATUS_WORDS, type Recommendation, type RecommendationStatus } from '../../shared/contracts/recommendations';
import type { SerializedEditorStateJSON } from '../../shared/schemas/lexical';
import { api } from '../api';
import { Store } from '../data/store';
import { UndoStack, type UndoCommand } from '../data/undoStack';
import { recommendationsStore } from './recommendationsStore';

/**
 * Undo for the recommendations register: adds (by hand or an import), edits (status, owner,
 * target date, progress), deletes and links, each recorded as it succeeds and undone through the
 * API, like the binder's actions (the same UndoStack, src/renderer/data/undoStack.ts).
 *
 * Undo writes are based on the revision the store has now, so a change made meanwhile in another
 * tab is refused as stale rather than overwritten. Verifying a link is not recorded: there is no
 * "unverify", and verifying again is harmless.
 */
export const registerHistory = new UndoStack();

/** The fields of one recommendation that its details autosave (and an undo writes back). */
export interface RecommendationPatch {
  status?: RecommendationStatus;
  owner?: string;
  targetDate?: string | null;
  progress?: SerializedEditorStateJSON;
}

/**
 * Bumped on every undo and redo, so the open recommendation's drafts (owner, progress update)
 * are read again from the register rather than kept from before.
 */
export const registerHistoryState = new Store({ generation: 0 });

export async function undoRegister(): Promise<UndoCommand | null> {
  const command = await registerHistory.undo();
  if (command) registerHistoryState.set((s) => ({ generation: s.generation + 1 }));
  return command;
}

export async function redoRegister(): Promise<UndoCommand | null> {
  const command = await registerHistory.redo();
  if (command) registerHistoryState.set((s) => ({ generation: s.generation + 1 }));
  return command;
}

const revisionOf = (id: string) => recommendationsStore.getState().list.find((r) => r.id === id)?.revision;

async function update(id: string, patch: RecommendationPatch): Promise<void> {
  recommendationsStore.put(await api['recommendation-update']({ id, baseRevision: revisionOf(id), ...patch }));
}

async function remove(ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    await api['recommendation-delete']({ id });
    recommendationsStore.remove(id);
  }
}

async function restore(ids: readonly string[]): Promise<void> {
  for (const id of ids) recommendationsStore.put(await api['recommendation-restore']({ id }));
}

/** The fields of `rec` that `patch` changes, as they were: what an undo writes back. */
export function previousFields(rec: Recommendation, patch: RecommendationPatch): RecommendationPatch {
  const before: RecommendationPatch = {};
  if ('status' in patch) before.status = rec.status;
  if ('owner' in patch) before.owner = rec.owner;
  if ('targetDate' in patch) before.targetDate = rec.targetDate;
  if ('progress' in patch) before.progress = rec.progress;
  return before;
}

/** "Changed the status of recommendation A to Complete". */
export function fieldChangeLabel(rec: Recommendation, patch: RecommendationPatch): string {
  const fields = Object.keys(patch);
  if (fields.length === 1 && patch.status) return `Changed the status of recommendation ${rec.label} to ${RECOMMENDATION_STATUS_WORDS[patch.status]}`;
  if (fields.length === 1 && 'targetDate' in patch) return `Changed the target date of recommendation ${rec.label}`;
  if (fields.length === 1 && 'owner' in patch) return `Changed the owner of recommendation ${rec.label}`;
  if (fields.length === 1 && 'progress' in patch) return `Changed the progress update of recommendation ${rec.label}`;
  return `Changed recommendation ${rec.label}`;
}

/** A saved edit of one recommendation's fields (`before` is the recommendation as it was). */
export function recordFieldChange(before: Recommendation, patch: RecommendationPatch): void {
  const previous = previousFields(before, patch);
  registerHistory.push({
    label: fieldChangeLabel(before, patch),
    // Typing in the owner or progress box saves every moment; a message for each would be noise.
    quiet: !('status' in patch) && !('targetDate' in patch),
    undo: () => update(before.id, previous),
    redo: () => update(before.id, patch),
  });
}

/** Recommendations just added, by hand or by an import. */
export function recordAdded(added: readonly Recommendation[], skipped = 0): void {
  if (added.length === 0) return;
  const ids = added.map((r) => r.id);
  const kept = skipped > 0 ? `; ${skipped} already in the register ${skipped === 1 ? 'was' : 'were'} left as ${skipped === 1 ? 'it was' : 'they were'}` : '';
  registerHistory.push({
    label: (added.length === 1 ? `Added recommendation ${added[0]!.label}` : `Added ${added.length} recommendations`) + kept,
    undo: () => remove(ids),
    redo: () => restore(ids),
  });
}

export function recordDeleted(rec: Recommendation): void {
  registerHistory.push({
    label: `Deleted recommendation ${rec.label}`,
    keepUndo: true,
    undo: () => restore([rec.id]),
    redo: () => remove([rec.id]),
  });
}

export type LinkTarget = { sectionId: string } | { evidenceItemId: string };

/** A section or evidence item linked to (or unlinked from) a recommendation. */
export function recordLink(rec: Recommendation, action: 'recommendation-link' | 'recommendation-unlink', target: LinkTarget, title: string): void {
  const link = async () => recommendationsStore.put(await api['recommendation-link']({ id: rec.id, ...target }));
  const unlink = async () => recommendationsStore.put(await api['recommendation-unlink']({ id: rec.id, ...target }));
  const linking = action === 'recommendation-link';
  registerHistory.push({
    label: linking ? `Linked “${title}” to recommendation ${rec.label}` : `Unlinked “${title}” from recommendation ${rec.label}`,
    undo: linking ? unlink : link,
    redo: linking ? link : unlink,
  });
}
