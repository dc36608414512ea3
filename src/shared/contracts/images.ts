import { z } from 'zod';
import { BlobIdSchema, FileRefSchema } from './files';

/**
 * Pictures in the statement. A picture is stored in the assessment like any file (the blob store),
 * but only once the core has read its header: PNG, JPEG and GIF only (the editor turns WebP into
 * PNG first, as Word cannot show WebP), never SVG, and not too large. Shown with `file-display-link`.
 */
export const StoredImageSchema = z.object({
  blobId: BlobIdSchema,
  mimeType: z.enum(['image/png', 'image/jpeg', 'image/gif']),
  /** Its size in pixels, read from the file. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type StoredImage = z.infer<typeof StoredImageSchema>;

export const imagesContract = {
  'image-store': {
    input: z.object({
      file: FileRefSchema,
      /** The user's name for the file, for messages (an upload's temporary file has none). */
      name: z.string().max(260).optional(),
    }),
    output: StoredImageSchema,
  },
} as const;
