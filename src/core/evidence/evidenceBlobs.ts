import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type Database from 'better-sqlite3';

/**
 * Files kept inside the assessment, once each, keyed by SHA-256 and stored in ~1 MB chunks
 * (`blobs` + `blob_chunks`, migration 004), so neither writing nor reading ever holds a whole
 * large file in memory and listing never touches the bytes.
 *
 * Minimal on purpose: the job lane's `src/core/blobs/blobStore.ts` uses the same tables; the two
 * are to be merged into one store.
 */
export const BLOB_CHUNK_BYTES = 1024 * 1024;

/** SHA-256 of a file on disk, read in chunks. */
export function hashFile(filePath: string): { hash: string; size: number } {
  const hash = createHash('sha256');
  const fd = fs.openSync(filePath, 'r');
  const buffer = Buffer.alloc(BLOB_CHUNK_BYTES);
  let size = 0;
  try {
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
      size += read;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { hash: hash.digest('hex'), size };
}

export function hasBlob(db: Database.Database, hash: string): boolean {
  return db.prepare('SELECT 1 FROM blobs WHERE hash = ?').get(hash) !== undefined;
}

/**
 * Stores the file at `filePath` as blob `hash` unless it is already there. Call inside the
 * caller's transaction. The hash is checked again while copying: a file changed on disk after it
 * was hashed is refused rather than stored under the wrong key.
 */
export function putBlobFromFile(db: Database.Database, hash: string, filePath: string, now: string): void {
  if (hasBlob(db, hash)) return;
  const insertChunk = db.prepare('INSERT INTO blob_chunks (hash, seq, data) VALUES (?, ?, ?)');
  const check = createHash('sha256');
  const fd = fs.openSync(filePath, 'r');
  let size = 0;
  try {
    for (let seq = 0; ; seq++) {
      const buffer = Buffer.alloc(BLOB_CHUNK_BYTES);
      const read = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      const chunk = buffer.subarray(0, read);
      check.update(chunk);
      // The blobs row first would be neater, but its size is known only at the end.
      if (seq === 0) db.prepare('INSERT INTO blobs (hash, size, created_at) VALUES (?, 0, ?)').run(hash, now);
      insertChunk.run(hash, seq, chunk);
      size += read;
    }
  } finally {
    fs.closeSync(fd);
  }
  if (size === 0) db.prepare('INSERT INTO blobs (hash, size, created_at) VALUES (?, 0, ?)').run(hash, now);
  if (check.digest('hex') !== hash) throw new Error('The file changed while it was being added.');
  db.prepare('UPDATE blobs SET size = ? WHERE hash = ?').run(size, hash);
}

/** The stored file's bytes, chunk by chunk, in order. */
export function* readBlobChunks(db: Database.Database, hash: string): Generator<Buffer> {
  const rows = db.prepare('SELECT data FROM blob_chunks WHERE hash = ? ORDER BY seq').iterate(hash) as Iterable<{ data: Buffer }>;
  for (const row of rows) yield row.data;
}

/** Writes the stored file to `filePath` (export, opening in another app). */
export function writeBlobToFile(db: Database.Database, hash: string, filePath: string): void {
  const fd = fs.openSync(filePath, 'w');
  try {
    for (const chunk of readBlobChunks(db, hash)) fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}

/** Removes the blob when no evidence item uses it any more. Call inside the caller's transaction. */
export function deleteBlobIfUnused(db: Database.Database, hash: string): boolean {
  const used = db.prepare('SELECT 1 FROM evidence_items WHERE blob_hash = ? LIMIT 1').get(hash);
  if (used) return false;
  db.prepare('DELETE FROM blob_chunks WHERE hash = ?').run(hash);
  db.prepare('DELETE FROM blobs WHERE hash = ?').run(hash);
  return true;
}
