/**
 * Installs the application menu and rebuilds it when what it shows changes: the recent files
 * (after an assessment is opened, created or forgotten) and whether an assessment is open.
 */
import { app, BrowserWindow, Menu } from 'electron';
import type { CoreHandlers, MenuCommandEvent } from '../shared/contract';
import type { RecentFile } from '../shared/schemas/assessment';
import { sendMenuCommand } from './ipc';
import { buildMenuTemplate } from './menuTemplate';
import { openExternalSafely } from './security';

export interface AppMenuOptions {
  core: Pick<CoreHandlers, 'recent-list' | 'recent-forget'>;
  /** The window to send commands to when none is focused (e.g. the menu bar on macOS). */
  getMainWindow: () => BrowserWindow | null;
}

export interface AppMenu {
  /** Rebuilds the menu, reading the recent list afresh. */
  refresh(): Promise<void>;
  setAssessmentOpen(open: boolean): void;
}

export function createAppMenu(options: AppMenuOptions): AppMenu {
  let recent: RecentFile[] = [];
  let assessmentOpen = false;

  const send = (command: MenuCommandEvent) => {
    const win = BrowserWindow.getFocusedWindow() ?? options.getMainWindow();
    if (win) sendMenuCommand(win, command);
  };

  const install = () => {
    const template = buildMenuTemplate({
      platform: process.platform,
      appName: app.name,
      isPackaged: app.isPackaged,
      recent,
      assessmentOpen,
      send,
      openExternal: openExternalSafely,
      clearRecent: () => void clearRecent(),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  const refresh = async () => {
    try {
      recent = await options.core['recent-list']({});
    } catch {
      // The recent list is a convenience: a failure to read it leaves the menu without it.
      recent = [];
    }
    install();
  };

  const clearRecent = async () => {
    for (const file of recent) {
      try {
        await options.core['recent-forget']({ path: file.path });
      } catch {
        // Keep going: forget the rest.
      }
    }
    if (process.platform !== 'linux') app.clearRecentDocuments();
    await refresh();
  };

  install();
  return {
    refresh,
    setAssessmentOpen(open) {
      if (open === assessmentOpen) return;
      assessmentOpen = open;
      install();
    },
  };
}
