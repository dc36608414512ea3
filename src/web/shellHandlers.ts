import { existsSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { join, resolve } from 'node:path';
import type { ShellHandlers } from '../shared/contract';
import { AppError } from '../shared/errors';

/**
 * Where browser mode puts new files and resolves relative paths: PCS_DEFAULT_FOLDER when set,
 * else the user's Documents folder, else their home folder.
 */
export function webDefaultFolder(fromEnv: string | undefined = process.env.PCS_DEFAULT_FOLDER): string {
  if (fromEnv) return resolve(fromEnv);
  const documents = join(homedir(), 'Documents');
  return existsSync(documents) ? documents : homedir();
}

/**
 * Browser mode's side of the shell methods: there are no native dialogs, so the renderer asks
 * for a path in a text field instead, starting from `defaultFolder`.
 */
export function createWebShellHandlers(options: { version: string; defaultFolder?: string }): ShellHandlers {
  const defaultFolder = options.defaultFolder ?? webDefaultFolder();
  return {
    'app-info': async () => ({
      mode: 'web',
      version: options.version,
      defaultFolder,
      nativeDialogs: false,
      platform: platform(),
    }),
    'dialog-choose-new-file': async () => null,
    'dialog-choose-open-file': async () => null,
    'dialog-choose-folder': async () => null,
    'dialog-choose-save-file': async () => null,
    // A browser page cannot open files on the server's computer; the page offers a download instead.
    'shell-open-exported': async () => {
      throw new AppError('invalid-input', 'Opening files is only available in the desktop app. Download the file instead.');
    },
    'shell-open-evidence': async () => {
      throw new AppError('invalid-input', 'Opening files in their own app is only available in the desktop app. Download the original instead.');
    },
    'shell-show-exported': async () => {
      throw new AppError('invalid-input', 'Showing files in their folder is only available in the desktop app. Download the file instead.');
    },
  };
}
