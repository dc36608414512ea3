import type Database from 'better-sqlite3';
import { blobInfo, readBlobChunks } from '../blobs/blobStore';
import { sniffImage } from './imageInfo';

/**
 * Whether the assessment holds a picture's bytes and they are a picture the export can write
 * (PNG, JPEG or GIF by their own header). Reads only the first stored chunk: the header is at the
 * start, and the export's warnings are worked out before anything heavy is read.
 */
export function isStoredPicture(db: Database.Database, blobId: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(blobId) || !blobInfo(db, blobId)) return false;
  const first = readBlobChunks(db, blobId).next();
  if (first.done) return false;
  return 'width' in sniffImage(first.value);
}

/** "1st", "2nd", "3rd", "4th", "11th", "22nd": which picture in a section a message means. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
