import { existsSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { join } from 'node:path';
import type { ShellHandlers } from '../shared/contract';

/**
 * Browser mode's side of the shell methods: there are no native dialogs, so the renderer asks
 * for a path in a text field instead, starting from `defaultFolder`.
 */
export function createWebShellHandlers(options: { version: string; defaultFolder?: string }): ShellHandlers {
  const documents = join(homedir(), 'Documents');
  const defaultFolder = options.defaultFolder ?? (existsSync(documents) ? documents : homedir());
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
  };
}
