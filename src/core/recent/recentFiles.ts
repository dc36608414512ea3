import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecentFile } from '../../shared/schemas/assessment';
import { nowIso } from '../time';

/**
 * The per-machine list of recently opened assessments, kept in the settings folder rather than
 * in any assessment. A missing or damaged list is treated as empty: losing a convenience list
 * must never stop the app from starting.
 */

export const RECENT_FILES_NAME = 'recent-files.json';
export const MAX_RECENT_FILES = 10;

const StoredRecentFileSchema = z.object({
  path: z.string().min(1),
  councilName: z.string().nullable(),
  openedAt: z.string(),
});
const StoredRecentFilesSchema = z.object({
  version: z.literal(1),
  files: z.array(StoredRecentFileSchema),
});
type StoredRecentFile = z.infer<typeof StoredRecentFileSchema>;

/** Paths are compared the way the file system does: case-insensitively on Windows and macOS. */
function samePath(a: string, b: string): boolean {
  const caseInsensitive = process.platform === 'win32' || process.platform === 'darwin';
  return caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
}

export class RecentFiles {
  private readonly filePath: string;

  constructor(private readonly configDir: string) {
    this.filePath = path.join(configDir, RECENT_FILES_NAME);
  }

  private read(): StoredRecentFile[] {
    let text: string;
    try {
      text = fs.readFileSync(this.filePath, 'utf8');
    } catch {
      return [];
    }
    try {
      const parsed = StoredRecentFilesSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data.files : [];
    } catch {
      return [];
    }
  }

  /** Written to a temporary file and renamed over the old one, so a crash never leaves half a list. */
  private write(files: StoredRecentFile[]): void {
    fs.mkdirSync(this.configDir, { recursive: true });
    const temp = `${this.filePath}.tmp-${randomBytes(6).toString('hex')}`;
    try {
      fs.writeFileSync(temp, JSON.stringify({ version: 1, files }, null, 2));
      fs.renameSync(temp, this.filePath);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw error;
    }
  }

  list(): RecentFile[] {
    return this.read().map((file) => ({
      path: file.path,
      fileName: path.basename(file.path),
      councilName: file.councilName,
      openedAt: file.openedAt,
      exists: fs.existsSync(file.path),
    }));
  }

  /** Puts the file at the top of the list. */
  remember(filePath: string, councilName: string | null): void {
    const absolute = path.resolve(filePath);
    const others = this.read().filter((file) => !samePath(file.path, absolute));
    this.write([{ path: absolute, councilName, openedAt: nowIso() }, ...others].slice(0, MAX_RECENT_FILES));
  }

  forget(filePath: string): void {
    const absolute = path.resolve(filePath);
    this.write(this.read().filter((file) => !samePath(file.path, absolute)));
  }
}
