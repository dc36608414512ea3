import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { EvidenceAddResult, EvidenceItem } from '../../shared/schemas/evidence';
import type { FileRef } from '../../shared/contracts/files';
import { AppError } from '../../shared/errors';
import { nowIso } from '../time';
import { hashFile, storeHashedFile } from '../blobs/blobStore';
import { findItemByHash, getItem, insertItem } from './evidenceStore';
import { extractInWorker } from './extract/runExtraction';
import { ExtractionError, type ExtractedDocument, type ExtractionLimits } from './extract/types';

export interface Progress {
  step: string;
  done: number;
  total: number;
}

export interface LongTaskOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  /** Tests lower these to exercise the limits; the app uses the defaults. */
  limits?: ExtractionLimits;
}

const NO_TEXT = 'No text found: it may be a scanned image. It is kept in the library but search cannot see inside it.';

interface Ready {
  /** The item's id, chosen before storing so that copies in the same batch can name it. */
  id: string;
  /** Later files in the batch with the same bytes. */
  sameAs: string[];
  filePath: string;
  fileName: string;
  hash: string;
  size: number;
  document: ExtractedDocument;
}

/**
 * How many files are read at once: one extraction worker per core of the machines we target (two),
 * as the warm pool keeps (runExtraction.ts). Reading two council PDFs at once took the extraction
 * of the bench's 36 files from 2.0× pdftotext's time to 1.0× (BENCHMARKS.md).
 */
const FILES_READ_AT_ONCE = 2;

/** A file to read: its place in the batch (results keep the order the user gave), name and bytes' hash. */
interface ToRead {
  index: number;
  filePath: string;
  fileName: string;
  hash: string;
  size: number;
  /** Later files in the batch with the same bytes: reported as added once, or failed with this one. */
  sameAs: string[];
}

/**
 * Adds files to the evidence library. Each file is hashed (the same content twice is kept once and
 * reported), then read in a worker with limits, two files at a time. A file that cannot be read
 * gets a message naming it and the rest of the batch carries on.
 *
 * Nothing is written until every file is read: then all are stored in ONE transaction, each in its
 * own savepoint (a file whose write fails is reported and rolled back alone), in the order given.
 * So Cancel before that point leaves the assessment exactly as it was, and no file is ever
 * half-stored.
 */
export async function addEvidenceFiles(
  db: Database.Database,
  paths: readonly (string | { path: string; name: string })[],
  options: LongTaskOptions = {},
): Promise<EvidenceAddResult> {
  const { onProgress, signal } = options;
  const result: EvidenceAddResult = { added: [], duplicates: [], failed: [] };
  const total = paths.length;

  // First, in order: hash each file, and set aside what is already in the library or earlier in the batch.
  const toRead: ToRead[] = [];
  const firstWithHash = new Map<string, ToRead>();
  for (const [index, entry] of paths.entries()) {
    throwIfAborted(signal);
    const filePath = typeof entry === 'string' ? entry : entry.path;
    const fileName = typeof entry === 'string' ? path.basename(filePath) : path.basename(entry.name);
    let hash: string;
    let size: number;
    try {
      ({ sha256: hash, size } = await hashFile(filePath));
    } catch {
      result.failed.push({ fileName, message: `“${fileName}” could not be opened. Check that it still exists and that you can read it.` });
      continue;
    }
    const existing = findItemByHash(db, hash);
    if (existing) {
      result.duplicates.push({ fileName, existingId: existing.id, message: `“${fileName}” is already in the library as “${existing.title}”, so it was not added again.` });
      continue;
    }
    const earlier = firstWithHash.get(hash);
    if (earlier) {
      earlier.sameAs.push(fileName);
      continue;
    }
    const file: ToRead = { index, filePath, fileName, hash, size, sameAs: [] };
    firstWithHash.set(hash, file);
    toRead.push(file);
  }

  // Then read them, two at a time; each result lands in its file's place.
  const read: Array<{ file: ToRead; document: ExtractedDocument } | { file: ToRead; failed: string }> = [];
  let next = 0;
  let finished = total - toRead.length;
  const readNext = async (): Promise<void> => {
    while (next < toRead.length) {
      throwIfAborted(signal);
      const file = toRead[next++]!;
      onProgress?.({ step: `Reading ${file.fileName}`, done: finished, total });
      try {
        read.push({ file, document: await extractInWorker(file.filePath, file.fileName, { limits: options.limits, signal }) });
      } catch (error) {
        if (isAbort(error)) throw cancelled();
        read.push({ file, failed: error instanceof ExtractionError ? error.message : 'The file could not be read: it may be damaged.' });
      }
      finished += 1 + file.sameAs.length;
    }
  };
  const readers = Array.from({ length: Math.min(FILES_READ_AT_ONCE, toRead.length) }, readNext);
  // Every reader ends (a failing one must not leave the other still writing to `read`), then the first error is thrown.
  const ended = await Promise.allSettled(readers);
  const stopped = ended.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (stopped) throw stopped.reason;

  const ready: Ready[] = [];
  for (const outcome of read.sort((a, b) => a.file.index - b.file.index)) {
    const { file } = outcome;
    if ('failed' in outcome) {
      for (const fileName of [file.fileName, ...file.sameAs]) {
        result.failed.push({ fileName, message: `“${fileName}” was not added. ${outcome.failed}` });
      }
      continue;
    }
    ready.push({ id: randomUUID(), filePath: file.filePath, fileName: file.fileName, hash: file.hash, size: file.size, document: outcome.document, sameAs: file.sameAs });
  }
  throwIfAborted(signal);
  onProgress?.({ step: 'Saving to the assessment', done: total, total });
  const now = nowIso();
  const ids: string[] = [];
  db.transaction(() => {
    for (const file of ready) {
      try {
        db.transaction(() => storeFile(db, file.id, file, now))();
        ids.push(file.id);
        // The same bytes again in this batch: named by the item they were added as.
        for (const fileName of file.sameAs) {
          result.duplicates.push({ fileName, existingId: file.id, message: `“${fileName}” is the same file as “${file.fileName}”, so it was added once.` });
        }
      } catch (error) {
        if (!(error instanceof Error)) throw error;
        for (const fileName of [file.fileName, ...file.sameAs]) {
          result.failed.push({ fileName, message: `“${fileName}” could not be saved in the assessment. ${error.message}` });
        }
      }
    }
  })();
  result.added = ids.map((id) => getItem(db, id));
  onProgress?.({ step: 'Done', done: total, total });
  return result;
}

/**
 * The `evidence-add` job: files named by FileRefs, each with the name the user knows it by. The
 * carrier has already swapped browser-mode uploads for their temporary files' paths.
 */
export function addEvidenceFileRefs(
  db: Database.Database,
  files: readonly { file: FileRef; name: string }[],
  options: LongTaskOptions = {},
): Promise<EvidenceAddResult> {
  const entries = files.map(({ file, name }) => {
    if (file.kind !== 'path') throw new AppError('invalid-input', `“${name}” did not arrive: please add it again.`);
    return { path: file.path, name };
  });
  return addEvidenceFiles(db, entries, options);
}

function storeFile(db: Database.Database, id: string, file: Ready, now: string): void {
  storeHashedFile(db, file.hash, file.filePath);
  const { document } = file;
  const hasText = document.pages.some((p) => p.trim().length > 0);
  insertItem(db, {
    id,
    blobHash: file.hash,
    fileName: file.fileName,
    mime: document.mime,
    title: (document.title ?? '').trim() || file.fileName.replace(/\.[^.]+$/, ''),
    addedAt: now,
    size: file.size,
    locatorKind: document.locatorKind,
    textStatus: hasText ? 'ok' : 'no-text',
    message: hasText ? null : NO_TEXT,
    pages: document.pages,
  });
}

/** A web page as evidence: its title, address and the date it was seen; no file, no text. */
export function addEvidenceLink(db: Database.Database, input: { title: string; url: string; date?: string | null; type?: EvidenceItem['type'] }): EvidenceItem {
  const id = randomUUID();
  db.transaction(() =>
    insertItem(db, {
      id,
      blobHash: null,
      fileName: null,
      mime: null,
      title: input.title,
      type: input.type,
      date: input.date ?? null,
      sourceUrl: input.url,
      addedAt: nowIso(),
      size: 0,
      locatorKind: 'page',
      textStatus: 'no-text',
      message: 'A web link: its text is not stored.',
      pages: [],
    }),
  )();
  return getItem(db, id);
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled();
}

function cancelled(): AppError {
  return new AppError('cancelled', 'Adding evidence was cancelled. Nothing was added.');
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
