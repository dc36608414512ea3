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
  const [items, keyDocuments] = await Promise.all([api['evidence-list']({}), api['evidence-key-documents']({})]);
  evidenceStore.set((s) => ({ ...s, items, keyDocuments }));
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
