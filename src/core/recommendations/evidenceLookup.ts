import type Database from 'better-sqlite3';

/**
 * What the recommendations register needs to know of an evidence item: that it exists, its title
 * and a hash of its content (to see it changed after a link was verified).
 *
 * The evidence tables come from migration 004, written in parallel with this one, so their shape
 * is read from the file rather than assumed: `evidence_items` with an `id`, a title-like column
 * and a hash-like column. When there is no such table (a branch or file without evidence), every
 * id is accepted, titles are unknown and links never go stale by content.
 * COORDINATOR: once 004 is merged, replace this with a call to the evidence service.
 */
export interface EvidenceInfo {
  id: string;
  title: string | null;
  hash: string | null;
}

export interface EvidenceLookup {
  /** True when the file has an evidence register to check ids against. */
  readonly known: boolean;
  get(id: string): EvidenceInfo | null;
}

const TITLE_COLUMNS = ['title', 'name', 'label', 'file_name'];
const HASH_COLUMNS = ['sha256', 'content_hash', 'hash'];

export function evidenceLookup(db: Database.Database): EvidenceLookup {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'evidence_items'").get();
  if (!table) return { known: false, get: (id) => ({ id, title: null, hash: null }) };
  const columns = new Set((db.pragma('table_info(evidence_items)') as Array<{ name: string }>).map((c) => c.name));
  const title = TITLE_COLUMNS.find((c) => columns.has(c));
  const hash = HASH_COLUMNS.find((c) => columns.has(c));
  const statement = db.prepare(
    `SELECT id, ${title ? `"${title}"` : 'NULL'} AS title, ${hash ? `"${hash}"` : 'NULL'} AS hash FROM evidence_items WHERE id = ?`,
  );
  return {
    known: true,
    get(id) {
      const row = statement.get(id) as { id: string | number; title: unknown; hash: unknown } | undefined;
      if (!row) return null;
      return {
        id: String(row.id),
        title: typeof row.title === 'string' ? row.title : null,
        hash: typeof row.hash === 'string' ? row.hash : null,
      };
    },
  };
}
