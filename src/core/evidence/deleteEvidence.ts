import type Database from 'better-sqlite3';
import type { EvidenceCitation } from '../../shared/schemas/evidence';
import { evidenceCitations } from './citations';
import { deleteBlob } from '../blobs/blobStore';
import { getItem } from './evidenceStore';
import { renumberStoredCitations } from './keyDocuments';

/**
 * Deletes an item, its text and (when no other item shares it) its file. Cited items are not
 * deleted unless `evenIfCited`: the caller shows the citations and asks first.
 *
 * `secure_delete` is on for the deletion, so the file's bytes are overwritten in the database
 * rather than left in free pages where they could be recovered from the .pcstudio file.
 */
export function deleteEvidence(
  db: Database.Database,
  id: string,
  options: { evenIfCited?: boolean } = {},
): { deleted: true } | { deleted: false; citations: EvidenceCitation[] } {
  const item = getItem(db, id);
  const citations = evidenceCitations(db, id);
  if (citations.length > 0 && !options.evenIfCited) return { deleted: false, citations };
  const previous = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    db.transaction(() => {
      db.prepare('DELETE FROM evidence_pages WHERE item_id = ?').run(id);
      db.prepare('DELETE FROM evidence_items WHERE id = ?').run(id);
      if (item.hash && !fileStillUsed(db, item.hash)) deleteBlob(db, item.hash);
      // The items after it move up a number.
      renumberStoredCitations(db);
    })();
  } finally {
    db.pragma(`secure_delete = ${previous ? 'ON' : 'OFF'}`);
  }
  return { deleted: true };
}

/** Whether another item in the library has the same file (the store keeps each file once). */
function fileStillUsed(db: Database.Database, hash: string): boolean {
  return db.prepare('SELECT 1 FROM evidence_items WHERE blob_hash = ? LIMIT 1').get(hash) !== undefined;
}
