import type { EvidenceItem, KeyDocument } from '../../shared/schemas/evidence';
import { api } from '../api';
import { Store } from '../data/store';

/**
 * The evidence library as the screen knows it: the items, the key documents list (whose numbers
 * citations show), whether the panel is open, and files dropped on the window waiting to be added.
 * One store, so the panel, the Cite dialog and the key documents view all update together.
 */
export interface EvidenceState {
  items: EvidenceItem[];
  keyDocuments: KeyDocument[];
  panelOpen: boolean;
  /** Files dropped on the window, taken by the panel's add job. */
  pending: File[] | null;
}

export const evidenceStore = new Store<EvidenceState>({ items: [], keyDocuments: [], panelOpen: false, pending: null });

/** Reloads the items and the key documents list from the open assessment. */
export async function refreshEvidence(): Promise<void> {
  const forAssessment = assessment;
  const load = Promise.all([api['evidence-list']({}), api['evidence-key-documents']({})]);
  const settled: Promise<void> = load.then(
    () => undefined,
    () => {
      if (loaded === settled) loaded = null; // the next editor asks again
    },
  );
  loaded = settled;
  const [items, keyDocuments] = await load;
  if (forAssessment !== assessment) return; // the last assessment's answer, arriving late
  evidenceStore.set((s) => ({ ...s, items, keyDocuments }));
}

/**
 * The open assessment's list, once asked for: an editor, mounted afresh for each section, reads
 * the list from the store rather than asking the core again on every section switch (two round
 * trips a switch). Whoever changes the list (the panel, the Cite dialog, a save that changed a
 * section's citations) refreshes it, and every view updates through the store.
 */
let loaded: Promise<void> | null = null;
/** Which assessment the store's list is for (counts up with each one opened in this window). */
let assessment = 0;

/** Loads the list unless this assessment's has already been asked for. */
export function ensureEvidenceLoaded(): void {
  if (!loaded) void refreshEvidence().catch(() => undefined);
}

/** Another assessment is open: forget the last one's list (its items are not this one's) and load this one's. */
export function resetEvidenceForAssessment(): void {
  assessment += 1;
  loaded = null;
  evidenceStore.set((s) => ({ ...s, items: [], keyDocuments: [] }));
  ensureEvidenceLoaded();
}

export function setEvidencePanelOpen(open: boolean): void {
  evidenceStore.set((s) => ({ ...s, panelOpen: open }));
}

/** Files dropped on the window: open the panel, which adds them as a job. */
export function addDroppedEvidence(files: File[]): void {
  evidenceStore.set((s) => ({ ...s, panelOpen: true, pending: files }));
}

/** The number an item has in the key documents list ("6a"), if it is in it. */
export function keyLabelFor(state: EvidenceState, itemId: string): string | null {
  return state.keyDocuments.find((d) => d.itemId === itemId)?.label ?? null;
}

/** File types the library can read; others are refused with a message where they are dropped. */
const EVIDENCE_EXTENSIONS = /\.(pdf|docx|xlsx|pptx|txt|md|csv|html?)$/i;
export function isEvidenceFile(file: File): boolean {
  return EVIDENCE_EXTENSIONS.test(file.name);
}
