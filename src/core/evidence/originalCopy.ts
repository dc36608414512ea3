import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { writeBlobToFile } from '../blobs/blobStore';
import { getItem } from './evidenceStore';

/** Where copies for other apps go: a folder of the app's own in the system's temporary folder. */
export function originalsFolder(): string {
  return path.join(os.tmpdir(), 'peer-challenge-studio-originals');
}

/** A file name safe on every system, keeping the extension the other app goes by. */
export function safeFileName(name: string): string {
  const cleaned = [...name]
    .map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .replace(/^[.\s]+/, '')
    .trim();
  return cleaned.slice(-150) || 'evidence';
}

/**
 * Writes the item's original file to a new temporary folder, under its own name, for the
 * system's viewer ("Open in its own app"). A copy, read-only: the original stays inside the
 * assessment, and edits made in the other app cannot look as if they were saved into it.
 * Each call gets its own folder, so two items called "report.pdf" never overwrite each other.
 */
export function writeOriginalCopy(db: Database.Database, id: string, root = originalsFolder()): { path: string; fileName: string } {
  const item = getItem(db, id);
  if (!item.hash || !item.fileName) throw new AppError('invalid-input', `“${item.title}” is a web link, with no file to open. Open its web address instead.`);
  fs.mkdirSync(root, { recursive: true });
  const folder = path.join(root, randomBytes(8).toString('hex'));
  fs.mkdirSync(folder);
  const target = path.join(folder, safeFileName(item.fileName));
  writeBlobToFile(db, item.hash, target);
  fs.chmodSync(target, 0o444);
  return { path: target, fileName: item.fileName };
}
