// Kept apart from ImageNode (which needs Lexical) so the export's worker can read it without Lexical.

/**
 * A picture's size on the page, chosen from its toolbar: a third, two thirds or the whole of the
 * text's width (its shape kept). Kept to three named sizes, not dragged handles, so it is the same
 * from the keyboard and the mouse and the exported document matches what the editor shows.
 */
export const IMAGE_SIZES = ['small', 'medium', 'full'] as const;
export type ImageSize = (typeof IMAGE_SIZES)[number];
/** The share of the text's width each size takes. */
export const IMAGE_SIZE_FRACTION: Record<ImageSize, number> = { small: 1 / 3, medium: 2 / 3, full: 1 };

export function isImageSize(value: unknown): value is ImageSize {
  return typeof value === 'string' && (IMAGE_SIZES as readonly string[]).includes(value);
}
