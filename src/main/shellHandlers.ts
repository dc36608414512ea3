/**
 * The Electron side of the shell methods in the contract: facts about the app, and the native
 * file dialogs for choosing where a new assessment goes and which one to open.
 */
import { join } from 'node:path';
import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { ShellHandlers } from '../shared/contract';
import { safeFileStem, withAssessmentExtension } from './fileNames';

const ASSESSMENT_FILTER = { name: 'Peer Challenge Studio assessment (*.pcstudio)', extensions: ['pcstudio'] };

export interface ElectronShellOptions {
  /** The window the dialogs belong to (they are modal to it), if there is one. */
  getWindow: () => BrowserWindow | null;
  /** Where new assessments go by default; the Documents folder unless a test says otherwise. */
  defaultFolder?: string;
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
  };
}
