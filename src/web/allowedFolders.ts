import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../shared/errors';

/**
 * Browser mode's fence around the disk. Any page the user visits can try to reach the server,
 * and a tab has only a text field for paths, so the server confines every path it is given to
 * the default folder (the user's Documents, or PCS_DEFAULT_FOLDER) and to folders the user added
 * at the terminal (`npm run web -- --allow-folder <folder>`, kept in `<configDir>/browser-folders.json`).
 * A browser request can never widen the fence itself. The desktop app uses native dialogs instead.
 */
export const ALLOWED_FOLDERS_FILE = 'browser-folders.json';

const StoredFoldersSchema = z.object({ version: z.literal(1), folders: z.array(z.string().min(1)) });

export class AllowedFolders {
  private readonly filePath: string;

  constructor(
    readonly defaultFolder: string,
    configDir: string,
  ) {
    this.filePath = path.join(configDir, ALLOWED_FOLDERS_FILE);
  }

  /** The folders the user added, as stored; a missing or damaged file means none. */
  added(): string[] {
    try {
      const parsed = StoredFoldersSchema.safeParse(JSON.parse(fs.readFileSync(this.filePath, 'utf8')));
      return parsed.success ? parsed.data.folders : [];
    } catch {
      return [];
    }
  }

  /** The default folder first, then the added ones. */
  roots(): string[] {
    return [path.resolve(this.defaultFolder), ...this.added().map((folder) => path.resolve(folder))];
  }

  /** Adds a folder (from the terminal only); written whole so a crash never leaves half a file. */
  add(folder: string): string {
    const absolute = path.resolve(folder);
    const folders = [...new Set([...this.added(), absolute])];
    fs.mkdirSync(path.dirname(this.filePath), { recursive: true });
    const temp = `${this.filePath}.tmp-${randomBytes(6).toString('hex')}`;
    fs.writeFileSync(temp, `${JSON.stringify({ version: 1, folders }, null, 2)}\n`);
    fs.renameSync(temp, this.filePath);
    return absolute;
  }

  /**
   * The absolute path for what the user typed: relative paths are taken from the default folder.
   * Refuses anything outside the allowed folders with one message, whether or not the path
   * exists, so the refusal tells nothing about the rest of the disk.
   */
  resolve(requested: string): string {
    const absolute = path.resolve(this.defaultFolder, requested);
    const roots = this.roots();
    if (!absolute.includes('\0') && roots.some((root) => isWithin(absolute, root))) {
      // A symbolic link inside an allowed folder must not lead out of it.
      const real = realPathOfExistingPart(absolute);
      const realRoots = roots.map(realPathOfExistingPart);
      if (realRoots.some((root) => isWithin(real, root))) return absolute;
    }
    throw new AppError('not-allowed', this.outsideMessage(roots));
  }

  outsideMessage(roots = this.roots()): string {
    const list = roots.map((root) => `“${root}”`).join(', ');
    return (
      `In browser mode, Peer Challenge Studio only uses files in ${roots.length === 1 ? 'the folder' : 'these folders'} ${list}. ` +
      'Choose a location there. To allow another folder, start browser mode with `npm run web -- --allow-folder <folder>`.'
    );
  }
}

function isWithin(candidate: string, root: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The real path of the deepest part of `target` that exists, with the rest appended. */
function realPathOfExistingPart(target: string): string {
  let existing = target;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(existing), ...rest.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return target;
      rest.push(path.basename(existing));
      existing = parent;
    }
  }
}
