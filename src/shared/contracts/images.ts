import { z } from 'zod';
import { BlobIdSchema, FileRefSchema } from './files';

/**
 * Pictures in the statement. A picture is stored in the assessment like any file (the blob store),
 * but only once the core has read its header: PNG, JPEG and GIF only (the editor turns WebP into
 * PNG first, as Word cannot show WebP), never SVG, and not too large. Shown with `file-display-link`.
 */
/** The largest picture the statement takes: far above a screenshot or a chart, well below a raw photo. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** The kinds of picture a user may add (WebP is turned into PNG by the editor before it is stored). */
export const IMAGE_TYPES_MESSAGE = 'Only PNG, JPEG, GIF and WebP pictures can go into the statement.';

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
