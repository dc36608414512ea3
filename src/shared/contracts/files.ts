import { z } from 'zod';
import { FilePathSchema } from '../schemas/assessment';

/**
 * Files crossing the bridge. Bytes never travel inside a JSON call (JSON.stringify would mangle
 * a Uint8Array, and a 50 MB file would be held several times over): the renderer sends a
 * reference instead, which the carrier resolves to a file on this computer.
 * - Electron: a dropped or chosen file's own path (the preload's `pathForFile`, built on
 *   `webUtils.getPathForFile`).
 * - Browser mode: the id `POST /api-upload` answered with after streaming the file to a
 *   temporary file; the web layer swaps it for that file's path before the core sees it.
 */
export const UploadIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'That upload is not known.');

export const FileRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: FilePathSchema }),
  z.object({ kind: z.literal('upload'), uploadId: UploadIdSchema }),
]);
export type FileRef = z.infer<typeof FileRefSchema>;

/** A stored file is named by the sha256 of its bytes: the same file stored twice is one blob. */
export const BlobIdSchema = z.string().regex(/^[0-9a-f]{64}$/, 'That stored file is not known.');

export const StoredBlobSchema = z.object({
  blobId: BlobIdSchema,
  size: z.number().int().nonnegative(),
  /** False when these bytes were already stored: nothing new was written. */
  added: z.boolean(),
});
export type StoredBlob = z.infer<typeof StoredBlobSchema>;

/**
 * A short-lived, single-item capability for showing a stored file (an image, a PDF page):
 * browser mode serves it at `/blob/<capability>`, Electron at `app://pcs/blob/<capability>`.
 * No session token ever goes into that address, so a leaked address shows one file for a
 * minute at most.
 */
export const BlobCapabilitySchema = z.object({
  capability: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/),
  expiresAt: z.string(),
});

export const filesContract = {
  'file-store': {
    input: z.object({ file: FileRefSchema, mimeType: z.string().max(200).optional() }),
    output: StoredBlobSchema,
  },
  'file-display-link': { input: z.object({ blobId: BlobIdSchema }), output: BlobCapabilitySchema },
} as const;

/** Browser mode's upload limit: bigger files are refused with a 413 and a plain message. */
export const MAX_UPLOAD_BYTES = 500 * 1024 * 1024;

/** What `POST /api-upload` answers with (inside the usual envelope). */
export const UploadResultSchema = z.object({ uploadId: UploadIdSchema, size: z.number().int().nonnegative() });
export type UploadResult = z.infer<typeof UploadResultSchema>;
