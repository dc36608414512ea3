import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { StoredBlob } from '../../shared/contracts/files';
import type { JobContext } from '../jobs/jobRunner';
import { throwIfCancelled } from '../jobs/jobRunner';
import { nowIso } from '../time';

/**
 * Files kept inside the assessment (evidence files, pictures, files stored over `file-store`),
 * stored by the sha256 of their bytes so the same file added twice is stored once, and in chunks
 * of CHUNK_SIZE so neither storing nor reading a 50 MB file ever holds more than one chunk in
 * memory. The one store for every kind: the evidence library, pictures and Word import all write
 * and read blobs here.
 *
 * A blob exists once its `blobs` row does. Chunks are written first, a few per transaction with
 * a pause between so the app stays responsive, and the `blobs` row last; a store that fails or
 * is cancelled deletes the chunks it wrote, so the assessment's content is as it was.
 *
 * The tables are created by migration 004 (evidence), which should include BLOB_TABLES_SQL as it
 * stands here (frozen copy in the migration); tests create them on a real assessment directly.
 */
/** The tables, as migration 004 (evidence) creates them: for reference and for tests of old files. */
export const BLOB_TABLES_SQL = `
CREATE TABLE blobs (hash TEXT PRIMARY KEY, size INTEGER NOT NULL, mime_type TEXT, created_at TEXT NOT NULL);
CREATE TABLE blob_chunks (hash TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (hash, seq));
`;

export const CHUNK_SIZE = 1024 * 1024;
/** Chunks written per transaction before letting other calls in. */
const CHUNKS_PER_TRANSACTION = 8;

const NO_BLOB_TABLES = 'This assessment file cannot hold files yet: open it in the newest version of Peer Challenge Studio first.';

export function hasBlobTables(db: Database.Database): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('blobs', 'blob_chunks')").get() as { n: number };
  return row.n === 2;
}

/** The sha256 and size of a file, read in chunks. */
export async function hashFile(filePath: string, signal?: AbortSignal): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: CHUNK_SIZE }) as AsyncIterable<Buffer>) {
    throwIfCancelled(signal);
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

export interface BlobInfo {
  blobId: string;
  size: number;
  mimeType: string | null;
}

export function blobInfo(db: Database.Database, blobId: string): BlobInfo | null {
  if (!hasBlobTables(db)) return null;
  const row = db.prepare('SELECT hash AS id, size, mime_type FROM blobs WHERE hash = ?').get(blobId) as
    | { id: string; size: number; mime_type: string | null }
    | undefined;
  return row ? { blobId: row.id, size: row.size, mimeType: row.mime_type } : null;
}

/**
/**
 * Writes one blob: its chunks in order, then its `blobs` row (a blob exists once that row does).
 * Every way of storing goes through this, so the rows are written one way.
 */
function blobWriter(db: Database.Database, sha256: string) {
  const insertChunk = db.prepare('INSERT INTO blob_chunks (hash, seq, data) VALUES (?, ?, ?)');
  const removeChunks = db.prepare('DELETE FROM blob_chunks WHERE hash = ? AND NOT EXISTS (SELECT 1 FROM blobs WHERE hash = ?)');
  let seq = 0;
  return {
    /** Removes chunks with no `blobs` row: leftovers of a store cut off by a crash, or of this one failing. */
    removeUnfinished: () => void removeChunks.run(sha256, sha256),
    write: (chunk: Buffer) => void insertChunk.run(sha256, seq++, chunk),
    chunksWritten: () => seq,
    finish: (size: number, mimeType: string | null) =>
      void db.prepare('INSERT INTO blobs (hash, size, mime_type, created_at) VALUES (?, ?, ?, ?)').run(sha256, size, mimeType, nowIso()),
  };
}

/**
 * Stores the file at `filePath` in the assessment (once: a file already there is not written
 * again). The file is read twice, in chunks: once to name it by its hash, once to store it.
 */
export async function storeFileFromPath(
  db: Database.Database,
  input: { path: string; mimeType?: string },
  { onProgress, signal }: JobContext = {},
): Promise<StoredBlob> {
  if (!hasBlobTables(db)) throw new AppError('not-allowed', NO_BLOB_TABLES);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input.path);
  } catch {
    throw new AppError('not-found', `There is no file at “${input.path}”.`);
  }
  if (!stat.isFile()) throw new AppError('invalid-input', `“${input.path}” is a folder, not a file.`);
  const totalChunks = Math.max(1, Math.ceil(stat.size / CHUNK_SIZE));
  onProgress?.({ step: 'Reading the file', done: 0, total: totalChunks * 2 });
  const { sha256, size } = await hashFile(input.path, signal);
  if (blobInfo(db, sha256)) {
    onProgress?.({ step: 'Already stored', done: totalChunks * 2, total: totalChunks * 2 });
    return { blobId: sha256, size, added: false };
  }

  const writer = blobWriter(db, sha256);
  writer.removeUnfinished();
  const check = createHash('sha256');
  let written = 0;
  const fd = fs.openSync(input.path, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK_SIZE);
  try {
    for (;;) {
      throwIfCancelled(signal);
      let ended = false;
      db.transaction(() => {
        for (let i = 0; i < CHUNKS_PER_TRANSACTION; i++) {
          const bytesRead = fs.readSync(fd, buffer, 0, CHUNK_SIZE, written);
          if (bytesRead === 0) {
            ended = true;
            return;
          }
          const chunk = buffer.subarray(0, bytesRead);
          check.update(chunk);
          writer.write(chunk);
          written += bytesRead;
        }
      })();
      onProgress?.({ step: 'Storing the file', done: totalChunks + writer.chunksWritten(), total: totalChunks * 2 });
      if (ended) break;
      await new Promise((resolvePromise) => setImmediate(resolvePromise));
    }
    // The file must not have changed between the two reads, or the name would lie.
    if (check.digest('hex') !== sha256 || written !== size) {
      throw new AppError('io', `“${input.path}” changed while it was being stored. Nothing was stored; please try again.`);
    }
    throwIfCancelled(signal);
    writer.finish(size, input.mimeType ?? null);
    return { blobId: sha256, size, added: true };
  } catch (error) {
    writer.removeUnfinished();
    throw error;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Stores bytes already in memory (a picture: at most a few MB) synchronously, so a caller can do
 * it inside its own transaction (Word import stores a document's pictures with its sections, all
 * or nothing). Named by the sha256 of the bytes; bytes already stored are not written again.
 */
export function storeBytes(db: Database.Database, data: Buffer, mimeType: string | null): StoredBlob {
  if (!hasBlobTables(db)) throw new AppError('not-allowed', NO_BLOB_TABLES);
  const sha256 = createHash('sha256').update(data).digest('hex');
  if (blobInfo(db, sha256)) return { blobId: sha256, size: data.length, added: false };
  db.transaction(() => {
    const writer = blobWriter(db, sha256);
    writer.removeUnfinished();
    for (let seq = 0; seq * CHUNK_SIZE < Math.max(data.length, 1); seq++) {
      writer.write(data.subarray(seq * CHUNK_SIZE, (seq + 1) * CHUNK_SIZE));
    }
    writer.finish(data.length, mimeType);
  })();
  return { blobId: sha256, size: data.length, added: true };
}

/**
 * Stores the file at `filePath`, already hashed by the caller (`hashFile`), synchronously, so
 * the caller can write it in its own transaction with rows of its own (an evidence item and its
 * text: all or nothing). A file already stored is not written again. The hash is checked again
 * while copying: a file changed on disk after it was hashed is refused (a plain Error, which the
 * caller's transaction rolls back) rather than stored under the wrong name.
 */
export function storeHashedFile(db: Database.Database, sha256: string, filePath: string, mimeType: string | null = null): void {
  if (!hasBlobTables(db)) throw new AppError('not-allowed', NO_BLOB_TABLES);
  if (blobInfo(db, sha256)) return;
  const writer = blobWriter(db, sha256);
  writer.removeUnfinished();
  const check = createHash('sha256');
  const fd = fs.openSync(filePath, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK_SIZE);
  let size = 0;
  try {
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, CHUNK_SIZE, null);
      if (read === 0) break;
      const chunk = buffer.subarray(0, read);
      check.update(chunk);
      writer.write(chunk);
      size += read;
    }
    if (check.digest('hex') !== sha256) throw new Error('The file changed while it was being added.');
    writer.finish(size, mimeType);
  } catch (error) {
    writer.removeUnfinished();
    throw error;
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes a stored file to `filePath` chunk by chunk (a copy to open in another app). */
export function writeBlobToFile(db: Database.Database, blobId: string, filePath: string): void {
  const fd = fs.openSync(filePath, 'w');
  try {
    for (const chunk of readBlobChunks(db, blobId)) fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Deletes a stored file, chunks first. The caller decides that nothing uses it any more and calls
 * this inside its own transaction (evidence: no other item has the same file).
 */
export function deleteBlob(db: Database.Database, blobId: string): void {
  db.prepare('DELETE FROM blob_chunks WHERE hash = ?').run(blobId);
  db.prepare('DELETE FROM blobs WHERE hash = ?').run(blobId);
}

/** A stored file's bytes, whole (for a picture going into an export); null if it is not stored. */
export function readBlob(db: Database.Database, blobId: string): Buffer | null {
  if (!blobInfo(db, blobId)) return null;
  return Buffer.concat([...readBlobChunks(db, blobId)]);
}

/** A stored file's bytes, one chunk at a time (for streaming to the screen). */
export function* readBlobChunks(db: Database.Database, blobId: string): Generator<Buffer> {
  const select = db.prepare('SELECT data FROM blob_chunks WHERE hash = ? AND seq = ?').pluck();
  for (let seq = 0; ; seq++) {
    const data = select.get(blobId, seq) as Buffer | undefined;
    if (!data) return;
    yield data;
  }
}

/** How many blob rows and chunk rows there are (for tests and `pcs info`). */
export function blobCounts(db: Database.Database): { blobs: number; chunks: number; bytes: number } {
  const row = db.prepare('SELECT (SELECT count(*) FROM blobs) AS blobs, (SELECT count(*) FROM blob_chunks) AS chunks, (SELECT coalesce(sum(length(data)), 0) FROM blob_chunks) AS bytes').get() as {
    blobs: number;
    chunks: number;
    bytes: number;
  };
  return row;
}
