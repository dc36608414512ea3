import { IMAGE_TYPES_MESSAGE, MAX_IMAGE_BYTES } from '../../shared/contracts/images';

/**
 * Which files can become pictures in the statement, and what to say about those that cannot,
 * before anything is uploaded. The core checks the bytes again (image-store); this is so the
 * user hears at once, in plain words.
 */

export interface IncomingPicture {
  name: string;
  type: string;
  size: number;
}

const TAKEN = /^image\/(png|jpeg|gif|webp)$/;
const TAKEN_NAME = /\.(png|jpe?g|gif|webp)$/i;
const PICTURE_NAME = /\.(png|jpe?g|gif|bmp|webp|svg|emf|wmf|tiff?|heic|avif)$/i;

/** Anything that looks like a picture (so it goes to the picture code, which may refuse it with a reason). */
export function looksLikePicture(file: { name: string; type: string }): boolean {
  return file.type.startsWith('image/') || PICTURE_NAME.test(file.name);
}

/** Why this file cannot go into the statement as a picture, or null if it can. */
export function pictureProblem(file: IncomingPicture): string | null {
  const name = file.name || 'The picture';
  if (file.type === 'image/svg+xml' || /\.svg$/i.test(file.name)) {
    return `“${name}” is an SVG drawing, which cannot go into the statement (SVG files can carry scripts). Save it as PNG and add that instead.`;
  }
  if (!TAKEN.test(file.type) && !TAKEN_NAME.test(file.name)) return `“${name}” is not a picture the statement can take. ${IMAGE_TYPES_MESSAGE}`;
  if (file.size > MAX_IMAGE_BYTES) {
    return `“${name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; pictures can be up to ${MAX_IMAGE_BYTES / 1024 / 1024} MB. Make it smaller (for example, save it as JPEG or at a smaller size) and add it again.`;
  }
  return null;
}

/** A pasted picture has a generic name ("image.png"): the message says "The pasted picture" instead. */
export function pictureName(file: { name: string }, pasted: boolean): string {
  return pasted ? 'The pasted picture' : file.name;
}
