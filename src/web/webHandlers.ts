import type { Core } from '../core';
import type { Handlers } from '../shared/contract';
import { AllowedFolders } from './allowedFolders';
import { createWebShellHandlers } from './shellHandlers';

/**
 * Everything browser mode answers: the core's handlers, with every path a tab sends resolved
 * against the default folder and kept inside the allowed folders, and the web shell's handlers.
 */
export function createWebHandlers(options: { core: Core; version: string; folders: AllowedFolders }): Handlers {
  const { core, folders } = options;
  return {
    ...core.handlers,
    'assessment-create': (args) => core.handlers['assessment-create']({ ...args, path: folders.resolve(args.path) }),
    'assessment-open': (args) => core.handlers['assessment-open']({ ...args, path: folders.resolve(args.path) }),
    'templates-set-folder': (args) =>
      core.handlers['templates-set-folder']({ folder: args.folder === null ? null : folders.resolve(args.folder) }),
    ...createWebShellHandlers({ version: options.version, defaultFolder: folders.defaultFolder }),
  };
}
