import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../shared/errors';
import { MAX_UPLOAD_BYTES, type FileRef } from '../shared/contracts/files';

/**
 * Browser mode's uploads: a file the tab sends with `POST /api-upload` is streamed straight to a
 * temporary file (never held whole in memory), then named by a random upload id the tab passes
 * in a `FileRef`. The core only ever sees that file's path. An upload is used once and removed;
 * all are removed when browser mode stops, and any older than an hour on the next upload.
 */
export class UploadTooLargeError extends Error {}

const MAX_AGE_MS = 60 * 60 * 1000;

export class UploadStore {
  private dir: string | null = null;
  private readonly uploads = new Map<string, { path: string; at: number }>();

  constructor(readonly limit = MAX_UPLOAD_BYTES) {}

  private folder(): string {
    this.dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'pcs-uploads-'));
    return this.dir;
  }

  /** Streams the request body to a new temporary file; rejects with UploadTooLargeError past the limit. */
  async receive(req: IncomingMessage): Promise<{ uploadId: string; size: number }> {
    this.sweep();
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.limit) throw new UploadTooLargeError();
    const uploadId = randomBytes(18).toString('base64url');
    const filePath = path.join(this.folder(), uploadId);
    let size = 0;
    const limit = this.limit;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > limit) done(new UploadTooLargeError());
        else done(null, chunk);
      },
    });
    try {
      await pipeline(req, counter, fs.createWriteStream(filePath, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      fs.rmSync(filePath, { force: true });
      throw error;
    }
    this.uploads.set(uploadId, { path: filePath, at: Date.now() });
    return { uploadId, size };
  }

  /** The local path a FileRef names: an upload's temporary file, or the path itself. */
  resolve(ref: FileRef, resolvePath: (p: string) => string): string {
    if (ref.kind === 'path') return resolvePath(ref.path);
    const upload = this.uploads.get(ref.uploadId);
    if (!upload) throw new AppError('not-found', 'That upload is not known: it may have been used already. Please add the file again.');
    return upload.path;
  }

  /** Forgets an upload and deletes its temporary file. */
  remove(ref: FileRef): void {
    if (ref.kind !== 'upload') return;
    const upload = this.uploads.get(ref.uploadId);
    if (!upload) return;
    this.uploads.delete(ref.uploadId);
    fs.rmSync(upload.path, { force: true });
  }

  dispose(): void {
    this.uploads.clear();
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }

  private sweep(): void {
    const cutoff = Date.now() - MAX_AGE_MS;
    for (const [id, upload] of this.uploads) {
      if (upload.at < cutoff) this.remove({ kind: 'upload', uploadId: id });
    }
  }
}
