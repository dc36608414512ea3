import fs from 'node:fs';

/**
 * Forces a file's bytes to the disk before it is renamed into place, so a power cut cannot leave
 * a name pointing at a file whose contents never arrived. Used by every atomic write of an
 * assessment, a backup or a copy.
 */
export function fsyncFile(filePath: string): void {
  const fd = fs.openSync(filePath, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
