import type Database from 'better-sqlite3';
import type { EvidenceItem, EvidenceUpdate } from '../../shared/schemas/evidence';
import { AppError } from '../../shared/errors';

interface ItemRow {
  id: string;
  blob_hash: string | null;
  file_name: string | null;
  mime: string | null;
  title: string;
  type: EvidenceItem['type'];
  date: string | null;
  owner: string | null;
  source_url: string | null;
  notes: string;
  family: string | null;
  key_order: number | null;
  added_at: string;
  size: number;
  page_count: number;
  locator_kind: EvidenceItem['locatorKind'];
  text_status: EvidenceItem['textStatus'];
  message: string | null;
}

export function toItem(row: ItemRow): EvidenceItem {
  return {
    id: row.id,
    title: row.title,
    type: row.type,
    date: row.date,
    owner: row.owner,
    sourceUrl: row.source_url,
    notes: row.notes,
    family: row.family,
    keyOrder: row.key_order,
    fileName: row.file_name,
    mime: row.mime,
    size: row.size,
    hash: row.blob_hash,
    addedAt: row.added_at,
    pageCount: row.page_count,
    locatorKind: row.locator_kind,
    textStatus: row.text_status,
    message: row.message,
  };
}

/** Every item, in the order they were added. Reads no file bytes and no page text. */
export function listItems(db: Database.Database): EvidenceItem[] {
  return (db.prepare('SELECT * FROM evidence_items ORDER BY added_at, rowid').all() as ItemRow[]).map(toItem);
}

export function getItem(db: Database.Database, id: string): EvidenceItem {
  const row = db.prepare('SELECT * FROM evidence_items WHERE id = ?').get(id) as ItemRow | undefined;
  if (!row) throw new AppError('not-found', 'That evidence item is no longer in the library.');
  return toItem(row);
}

export function findItemByHash(db: Database.Database, hash: string): EvidenceItem | null {
  const row = db.prepare('SELECT * FROM evidence_items WHERE blob_hash = ? ORDER BY rowid LIMIT 1').get(hash) as ItemRow | undefined;
  return row ? toItem(row) : null;
}

export interface NewItem {
  id: string;
  blobHash: string | null;
  fileName: string | null;
  mime: string | null;
  title: string;
  type?: EvidenceItem['type'];
  date?: string | null;
  sourceUrl?: string | null;
  addedAt: string;
  size: number;
  locatorKind: EvidenceItem['locatorKind'];
  textStatus: EvidenceItem['textStatus'];
  message: string | null;
  pages: string[];
}

/** Writes an item and its pages (the FTS index follows by trigger). Call inside a transaction. */
export function insertItem(db: Database.Database, item: NewItem): void {
  db.prepare(
    `INSERT INTO evidence_items (id, blob_hash, file_name, mime, title, type, date, source_url, added_at, size, page_count, locator_kind, text_status, message)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    item.id,
    item.blobHash,
    item.fileName,
    item.mime,
    item.title,
    item.type ?? 'other',
    item.date ?? null,
    item.sourceUrl ?? null,
    item.addedAt,
    item.size,
    item.pages.length,
    item.locatorKind,
    item.textStatus,
    item.message,
  );
  const insertPage = db.prepare('INSERT INTO evidence_pages (item_id, page, text) VALUES (?, ?, ?)');
  item.pages.forEach((text, i) => insertPage.run(item.id, i + 1, text));
}

const COLUMNS: Record<Exclude<keyof EvidenceUpdate, 'id'>, string> = {
  title: 'title',
  type: 'type',
  date: 'date',
  owner: 'owner',
  sourceUrl: 'source_url',
  notes: 'notes',
  family: 'family',
  keyOrder: 'key_order',
};

export function updateItem(db: Database.Database, patch: EvidenceUpdate): EvidenceItem {
  getItem(db, patch.id);
  const sets: string[] = [];
  const values: unknown[] = [];
  for (const [key, column] of Object.entries(COLUMNS) as Array<[keyof typeof COLUMNS, string]>) {
    if (patch[key] === undefined) continue;
    sets.push(`${column} = ?`);
    const value = patch[key];
    // An empty family or owner means none.
    values.push(typeof value === 'string' && value === '' && key !== 'notes' ? null : value);
  }
  if (sets.length > 0) db.prepare(`UPDATE evidence_items SET ${sets.join(', ')} WHERE id = ?`).run(...values, patch.id);
  return getItem(db, patch.id);
}

export function pageTexts(db: Database.Database, id: string, fromPage = 1, toPage = Number.MAX_SAFE_INTEGER): Array<{ page: number; text: string }> {
  return db
    .prepare('SELECT page, text FROM evidence_pages WHERE item_id = ? AND page BETWEEN ? AND ? ORDER BY page')
    .all(id, fromPage, toPage) as Array<{ page: number; text: string }>;
}
