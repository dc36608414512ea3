import type fsModule from 'node:fs';
import type Database from 'better-sqlite3';
import type { StoredImage } from '../../shared/contracts/images';
import { AppError } from '../../shared/errors';
import { storeBytes } from '../blobs/blobStore';
import { imageRefusal, MAX_IMAGE_BYTES, sniffImage, type ImageInfo } from './imageInfo';

/** Checks a picture's bytes (kind, size, header) and stores them; refuses with a plain message. */
export function storeImageBytes(db: Database.Database, data: Buffer, name: string): StoredImage {
  const sniffed = sniffImage(data);
  const refusal = imageRefusal(sniffed, data.length, name);
  if (refusal) throw new AppError('invalid-input', refusal);
  const info = sniffed as ImageInfo;
  const { blobId } = storeBytes(db, data, info.mimeType);
  return { blobId, mimeType: info.mimeType, width: info.width, height: info.height };
}

/** The picture at `filePath`, checked and stored. Its size is checked before it is read. */
export function storeImageFile(db: Database.Database, filePath: string, name: string, fs: typeof fsModule): StoredImage {
  let size: number;
  try {
    const stat = fs.statSync(filePath);
    if (!stat.isFile()) throw new AppError('invalid-input', `“${name}” is a folder, not a picture.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('not-found', `There is no file “${name}” to add.`);
  }
  if (size > MAX_IMAGE_BYTES) throw new AppError('invalid-input', imageRefusal({ kind: 'unknown' }, size, name)!);
  return storeImageBytes(db, fs.readFileSync(filePath), name);
}
