/**
 * The Electron side of the shell methods in the contract: facts about the app, and the native
 * file dialogs for choosing where a new assessment goes and which one to open.
 */
import { existsSync } from 'node:fs';
import { extname, isAbsolute, join } from 'node:path';
import { app, dialog, shell, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { ShellHandlers } from '../shared/contract';
import { AppError } from '../shared/errors';
import { safeFileStem, withAssessmentExtension } from './fileNames';

const EXPORT_FILTERS: Record<'docx' | 'zip', { name: string; extensions: string[] }> = {
  docx: { name: 'Word document (*.docx)', extensions: ['docx'] },
  zip: { name: 'ZIP archive (*.zip)', extensions: ['zip'] },
};

/**
 * Only what an export wrote may be opened or shown: an existing .docx or .zip at an absolute
 * path, so a compromised page cannot use these methods to run an arbitrary program.
 */
function exportedFile(path: string): string {
  if (!isAbsolute(path) || !['.docx', '.zip'].includes(extname(path).toLowerCase()) || !existsSync(path)) {
    throw new AppError('invalid-input', 'That exported file could not be found. It may have been moved or deleted.');
  }
  return path;
}

const ASSESSMENT_FILTER = { name: 'Peer Challenge Studio assessment (*.pcstudio)', extensions: ['pcstudio'] };

export interface ElectronShellOptions {
  /** The window the dialogs belong to (they are modal to it), if there is one. */
  getWindow: () => BrowserWindow | null;
  /** Where new assessments go by default; the Documents folder unless a test says otherwise. */
  defaultFolder?: string;
  /** Writes a temporary copy of an evidence item's original file (the core does it) and says where. */
  copyEvidenceOriginal?: (id: string) => Promise<{ path: string }>;
}

export function createElectronShellHandlers(options: ElectronShellOptions): ShellHandlers {
  const defaultFolder = () => options.defaultFolder ?? app.getPath('documents');
  const parent = () => {
    const win = options.getWindow();
    return win && !win.isDestroyed() ? win : null;
  };

  return {
    'app-info': async () => ({
      mode: 'electron',
      version: app.getVersion(),
      defaultFolder: defaultFolder(),
      nativeDialogs: true,
      platform: process.platform,
    }),

    'dialog-choose-new-file': async ({ suggestedName }) => {
      const dialogOptions: SaveDialogOptions = {
        title: 'New assessment',
        buttonLabel: 'Create',
        defaultPath: join(defaultFolder(), `${safeFileStem(suggestedName)}.pcstudio`),
        filters: [ASSESSMENT_FILTER],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const win = parent();
      const result = win ? await dialog.showSaveDialog(win, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
      if (result.canceled || !result.filePath) return null;
      return withAssessmentExtension(result.filePath);
    },

    'dialog-choose-open-file': async () => {
      const dialogOptions: OpenDialogOptions = {
        title: 'Open assessment',
        buttonLabel: 'Open',
        defaultPath: defaultFolder(),
        filters: [ASSESSMENT_FILTER, { name: 'All files', extensions: ['*'] }],
        properties: ['openFile'],
      };
      const win = parent();
      const result = win ? await dialog.showOpenDialog(win, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
      if (result.canceled) return null;
      return result.filePaths[0] ?? null;
    },

    'dialog-choose-folder': async ({ title }) => {
      const dialogOptions: OpenDialogOptions = {
        title,
        buttonLabel: 'Choose folder',
        defaultPath: defaultFolder(),
        properties: ['openDirectory', 'createDirectory'],
      };
      const win = parent();
      const result = win ? await dialog.showOpenDialog(win, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
      if (result.canceled) return null;
      return result.filePaths[0] ?? null;
    },

    'dialog-choose-save-file': async ({ title, suggestedName, extension }) => {
      const dialogOptions: SaveDialogOptions = {
        title,
        buttonLabel: 'Export',
        defaultPath: join(defaultFolder(), `${safeFileStem(suggestedName)}.${extension}`),
        filters: [EXPORT_FILTERS[extension]],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const win = parent();
      const result = win ? await dialog.showSaveDialog(win, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
      if (result.canceled || !result.filePath) return null;
      return extname(result.filePath).toLowerCase() === `.${extension}` ? result.filePath : `${result.filePath}.${extension}`;
    },

    'shell-open-exported': async ({ path }) => {
      const problem = await shell.openPath(exportedFile(path));
      if (problem) throw new AppError('invalid-input', `The file could not be opened: ${problem}`);
      return { ok: true };
    },

    // The page names the item, never a path: only a copy the core has just written is opened.
    'shell-open-evidence': async ({ id }) => {
      if (!options.copyEvidenceOriginal) throw new AppError('invalid-input', 'No assessment is open.');
      const problem = await shell.openPath((await options.copyEvidenceOriginal(id)).path);
      if (problem) throw new AppError('invalid-input', `The file could not be opened: ${problem}`);
      return { ok: true };
    },

    'shell-show-exported': async ({ path }) => {
      shell.showItemInFolder(exportedFile(path));
      return { ok: true };
    },
  };
}
