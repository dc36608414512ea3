import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { EvidenceItem } from '../../shared/schemas/evidence';
import { AppError } from '../../shared/errors';
import { nowIso } from '../time';
import type { LongTaskOptions } from './addEvidence';
import { hashFile, storeHashedFile } from '../blobs/blobStore';
import { findItemByHash, getItem, listItems } from './evidenceStore';
import { extractInWorker } from './extract/runExtraction';
import { ExtractionError } from './extract/types';

/**
 * Evidence placeholders: a document named in the statement's "Key and background documents" list
 * (number 6, or 6a of a family) before its file is in the library. A placeholder is an ordinary
 * evidence item with no file (`blob_hash` null, text "pending"); its number is kept as the user's
 * order (`key_order`) and a lettered member carries its family's name, so the generated list
 * numbers it as the document did. Attaching the file later fills the same row: the number stays.
 */

export const PLACEHOLDER_MESSAGE = 'Waiting for its file: attach it to read its text.';

export interface PlaceholderInput {
  /** "6" */
  number: string;
  /** "a" for 6a; null for a document of its own (or a family's heading). */
  letter: string | null;
  title: string;
}

/** The user order that reproduces the document's numbering: 6 → 600, 6a → 601, 6b → 602. */
export function placeholderOrder(number: string, letter: string | null): number {
  const n = Number.parseInt(number, 10) || 0;
  return n * 100 + (letter ? letter.toLowerCase().charCodeAt(0) - 96 : 0);
}

/**
 * Adds placeholders for a key documents list. A numbered entry with lettered entries under it is
 * the family's heading: it names the family and is not an item itself. A title already in the
 * library (a second import of the same statement) is not added again. Call inside the caller's
 * transaction when it is part of a larger write; returns the items added.
 */
export function addEvidencePlaceholders(db: Database.Database, entries: readonly PlaceholderInput[]): EvidenceItem[] {
  const familyNames = new Map<string, string>();
  const numbered = new Map(entries.filter((e) => e.letter === null).map((e) => [e.number, e.title]));
  for (const e of entries) if (e.letter !== null) familyNames.set(e.number, numbered.get(e.number) ?? `Document ${e.number}`);
  const known = new Set(listItems(db).map((item) => item.title.trim().toLowerCase()));
  const now = nowIso();
  const insert = db.prepare(
    `INSERT INTO evidence_items (id, blob_hash, file_name, mime, title, family, key_order, added_at, size, page_count, locator_kind, text_status, message)
     VALUES (?, NULL, NULL, NULL, ?, ?, ?, ?, 0, 0, 'page', 'pending', ?)`,
  );
  const ids: string[] = [];
  db.transaction(() => {
    for (const e of entries) {
      if (e.letter === null && familyNames.has(e.number)) continue;
      const title = e.title.trim().slice(0, 500);
      if (title === '' || known.has(title.toLowerCase())) continue;
      known.add(title.toLowerCase());
      const id = randomUUID();
      insert.run(id, title, e.letter === null ? null : familyNames.get(e.number)!, placeholderOrder(e.number, e.letter), now, PLACEHOLDER_MESSAGE);
      ids.push(id);
    }
  })();
  return ids.map((id) => getItem(db, id));
}

/** A single placeholder (the library's "Add a placeholder"), at the end of the user's order unless given one. */
export function addEvidencePlaceholder(db: Database.Database, input: { title: string; family?: string | null; keyOrder?: number | null }): EvidenceItem {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO evidence_items (id, blob_hash, file_name, mime, title, family, key_order, added_at, size, page_count, locator_kind, text_status, message)
     VALUES (?, NULL, NULL, NULL, ?, ?, ?, ?, 0, 0, 'page', 'pending', ?)`,
  ).run(id, input.title.trim(), input.family ?? null, input.keyOrder ?? null, nowIso(), PLACEHOLDER_MESSAGE);
  return getItem(db, id);
}

/**
 * Stores a file into an existing item that has none (a placeholder): its bytes, its text, its
 * file name. The title, family, user order (the number in the key documents list), notes and
 * every citation of it stay as they are. The file is read first; then one transaction writes it,
 * so Cancel or a failure leaves the placeholder as it was.
 */
export async function attachEvidenceFile(
  db: Database.Database,
  id: string,
  filePath: string,
  options: LongTaskOptions & { fileName?: string } = {},
): Promise<EvidenceItem> {
  const { onProgress, signal } = options;
  const item = getItem(db, id);
  if (item.hash !== null) throw new AppError('invalid-input', `“${item.title}” already has its file. Add the new file to the library as an item of its own.`);
  if (item.sourceUrl !== null) throw new AppError('invalid-input', `“${item.title}” is a web link, so it does not take a file.`);
  const fileName = options.fileName ?? path.basename(filePath);
  onProgress?.({ step: `Reading ${fileName}`, done: 0, total: 1 });
  let hashed: { sha256: string; size: number };
  try {
    hashed = await hashFile(filePath);
  } catch {
    throw new AppError('invalid-input', `“${fileName}” could not be opened. Check that it still exists and that you can read it.`);
  }
  const existing = findItemByHash(db, hashed.sha256);
  if (existing) throw new AppError('invalid-input', `“${fileName}” is already in the library as “${existing.title}”, so it was not attached again.`);
  let document;
  try {
    document = await extractInWorker(filePath, fileName, { limits: options.limits, signal });
  } catch (error) {
    if (signal?.aborted || (error instanceof Error && error.name === 'AbortError')) {
      throw new AppError('cancelled', 'Attaching the file was cancelled. Nothing was changed.');
    }
    const reason = error instanceof ExtractionError ? error.message : 'The file could not be read: it may be damaged.';
    throw new AppError('invalid-input', `“${fileName}” was not attached. ${reason}`);
  }
  if (signal?.aborted) throw new AppError('cancelled', 'Attaching the file was cancelled. Nothing was changed.');
  const hasText = document.pages.some((p) => p.trim().length > 0);
  db.transaction(() => {
    storeHashedFile(db, hashed.sha256, filePath);
    db.prepare(
      `UPDATE evidence_items SET blob_hash = ?, file_name = ?, mime = ?, size = ?, page_count = ?, locator_kind = ?, text_status = ?, message = ?
       WHERE id = ?`,
    ).run(
      hashed.sha256,
      fileName,
      document.mime,
      hashed.size,
      document.pages.length,
      document.locatorKind,
      hasText ? 'ok' : 'no-text',
      hasText ? null : 'No text found: it may be a scanned image. It is kept in the library but search cannot see inside it.',
      id,
    );
    db.prepare('DELETE FROM evidence_pages WHERE item_id = ?').run(id);
    const insertPage = db.prepare('INSERT INTO evidence_pages (item_id, page, text) VALUES (?, ?, ?)');
    document.pages.forEach((text, i) => insertPage.run(id, i + 1, text));
  })();
  onProgress?.({ step: 'Done', done: 1, total: 1 });
  return getItem(db, id);
}
