import { api, transport, ApiError } from '../api';
import type { StoredImage } from '../../shared/contracts/images';
import { pictureProblem } from './pictureFiles';

/**
 * Word cannot show WebP, so a WebP picture is drawn onto a canvas and stored as PNG (the browser
 * decodes it; nothing leaves the page). Any other picture is stored as it is.
 */
async function asStorable(file: File, name: string): Promise<File> {
  if (file.type !== 'image/webp' && !/\.webp$/i.test(file.name)) return file;
  try {
    const bitmap = await createImageBitmap(file);
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('no PNG');
    return new File([blob], name.replace(/\.webp$/i, '') + '.png', { type: 'image/png' });
  } catch {
    throw new ApiError('invalid-input', `“${name}” could not be read as a picture. Open it, save it as PNG or JPEG, and add it again.`);
  }
}

/** Checks a picture, sends it to the core and stores it in the assessment. Throws with a plain message. */
export async function storePicture(file: File, name = file.name): Promise<StoredImage> {
  const problem = pictureProblem({ name, type: file.type, size: file.size });
  if (problem) throw new ApiError('invalid-input', problem);
  if (!transport) throw new ApiError('not-allowed', 'Pictures can only be added once the app is connected.');
  const storable = await asStorable(file, name);
  return api['image-store']({ file: await transport.fileRef(storable), name });
}

/** The address that shows a stored picture (a short-lived capability: fetched afresh each time it is shown). */
export async function pictureUrl(blobId: string): Promise<string> {
  if (!transport) throw new ApiError('not-allowed', 'Not connected.');
  const link = await api['file-display-link']({ blobId });
  return transport.blobUrl(link.capability);
}
