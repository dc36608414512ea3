/**
 * Files that reach the desktop app without a path of their own (a picture pasted from the
 * clipboard, a file dragged out of another app's window): the page sends their bytes once, they
 * are written to a private temporary folder, and the core is handed that path, as with any
 * chosen file. Browser mode's counterpart is `POST /api-upload` (src/web).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * Bigger path-less files are refused: they would be held whole in the page's memory. A file that
 * big comes from a folder, and is added by choosing or dropping it, which sends its path instead.
 */
export const MAX_PATHLESS_UPLOAD_BYTES = 100 * 1024 * 1024;

export const UploadBytesSchema = z
  .instanceof(Uint8Array, { message: 'The file did not arrive as bytes.' })
  .refine((bytes) => bytes.byteLength <= MAX_PATHLESS_UPLOAD_BYTES, {
    message: `That file is over ${MAX_PATHLESS_UPLOAD_BYTES / 1024 / 1024} MB. Save it to a folder first, then add it from there.`,
  });

export interface UploadFolder {
  /** Writes the bytes to a new file of their own (owner-only) and answers its path. */
  store(bytes: Uint8Array): Promise<string>;
  /** Removes the folder and everything in it (on quit). */
  clear(): Promise<void>;
}

export function createUploadFolder(dir: string): UploadFolder {
  return {
    async store(bytes) {
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      const file = path.join(dir, `${randomBytes(16).toString('hex')}.upload`);
      await fs.writeFile(file, bytes, { mode: 0o600, flag: 'wx' });
      return file;
    },
    async clear() {
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
