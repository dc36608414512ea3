import type Database from 'better-sqlite3';
import { RECOMMENDATION_STATUS_WORDS } from '../../shared/contracts/recommendations';
import { editorStateText } from '../../document/plainText';
import type { OpenAssessment } from '../assessment/openAssessment';
import { readBlobChunks } from '../blobs/blobStore';
import { listItems } from '../evidence/evidenceStore';
import { keyDocumentsList } from '../evidence/keyDocuments';
import type { ExportSources, KeyDocument, RecommendationRow } from './docx/exportStatementDocx';
import type { EvidencePackItem, EvidencePackSource } from './evidencePack';

/**
 * What the exports take from the rest of the assessment besides the statement's text: the key
 * documents list (numbered as the evidence library numbers it, families lettered), the
 * recommendations register, and the evidence files' bytes from the blob store.
 *
 * Read once, at the start of an export, so the document is consistent with itself.
 */
function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export function keyDocumentsForExport(open: OpenAssessment): KeyDocument[] {
  const db = open.file.db;
  if (!hasTable(db, 'evidence_items')) return [];
  return keyDocumentsList(db).map((d) => ({ itemId: d.itemId, number: d.label, title: d.title }));
}

export function recommendationsForExport(open: OpenAssessment): RecommendationRow[] {
  if (!hasTable(open.file.db, 'recommendations')) return [];
  return open.recommendations.list().map((r) => ({
    source: r.source,
    label: r.label,
    text: r.text,
    status: RECOMMENDATION_STATUS_WORDS[r.status],
    progress: editorStateText(r.progress).trim(),
  }));
}

export function exportSources(open: OpenAssessment): ExportSources {
  return { keyDocuments: keyDocumentsForExport(open), recommendations: recommendationsForExport(open) };
}

/** Every evidence file (web links have no file), named by its key-document number. */
export function evidencePackSource(open: OpenAssessment): EvidencePackSource {
  const db = open.file.db;
  if (!hasTable(db, 'evidence_items')) return { items: [] };
  const labels = new Map(keyDocumentsList(db).filter((d) => d.itemId !== null).map((d) => [d.itemId!, d.label]));
  const items: EvidencePackItem[] = [];
  for (const item of listItems(db)) {
    if (!item.hash || !item.fileName) continue;
    const hash = item.hash;
    items.push({
      number: labels.get(item.id) ?? '?',
      title: item.title,
      fileName: item.fileName,
      read: () => Buffer.concat([...readBlobChunks(db, hash)]),
    });
  }
  // In the order of the list: 1, 2, 6a, 6b, 10…
  const order = [...labels.values()];
  items.sort((a, b) => order.indexOf(a.number) - order.indexOf(b.number));
  return { items };
}
