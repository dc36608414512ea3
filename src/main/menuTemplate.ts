/**
 * The application menu, as data: British English labels, the usual shortcuts, and commands
 * sent to the page rather than acted on here (the page decides what "New assessment…" shows).
 * Pure: it takes everything it needs in `MenuContext`, so it is unit-tested without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommandEvent } from '../shared/contract';
import type { RecentFile } from '../shared/schemas/assessment';
import { electronAccelerator } from '../shared/shortcuts';

export const CPC_INFO_URL = 'https://www.local.gov.uk/our-support/peer-challenges/corporate-peer-challenge';
export const MAX_RECENT_IN_MENU = 10;

export interface MenuContext {
  platform: string;
  appName: string;
  /** Reload and developer tools appear only when the app is not packaged. */
  isPackaged: boolean;
  recent: readonly RecentFile[];
  /** Whether an assessment is open: Close, Export and Find need one. */
  assessmentOpen: boolean;
  send(command: MenuCommandEvent): void;
  clearRecent(): void;
  openExternal(url: string): void;
}

/** On Windows and Linux a single & marks a keyboard mnemonic: show the user's & as it is. */
export function menuLabel(text: string, platform: string): string {
  return platform === 'darwin' ? text : text.replace(/&/g, '&&');
}

function recentSubmenu(ctx: MenuContext): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = ctx.recent.slice(0, MAX_RECENT_IN_MENU).map((file) => {
    const name = file.councilName ? `${file.fileName} — ${file.councilName}` : file.fileName;
    return {
      label: menuLabel(file.exists ? name : `${name} (moved or deleted)`, ctx.platform),
      enabled: file.exists,
      toolTip: file.path,
      click: () => ctx.send({ command: 'open-recent', path: file.path }),
    };
  });
  if (items.length === 0) return [{ label: 'No recent assessments', enabled: false }];
  return [...items, { type: 'separator' }, { label: 'Clear Recent', click: () => ctx.clearRecent() }];
}

export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const isMac = ctx.platform === 'darwin';
  const showDeveloperItems = !ctx.isPackaged;
  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    template.push({
      label: ctx.appName,
      submenu: [
        { role: 'about', label: `About ${ctx.appName}` },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit', label: `Quit ${ctx.appName}` },
      ],
    });
  }

  template.push({
    label: isMac ? 'File' : '&File',
    submenu: [
      { label: 'New assessment…', accelerator: electronAccelerator('newAssessment'), click: () => ctx.send({ command: 'new-assessment' }) },
      { label: 'New assessment from a previous one…', click: () => ctx.send({ command: 'new-from-previous' }) },
      { label: 'Open…', accelerator: electronAccelerator('openAssessment'), click: () => ctx.send({ command: 'open-assessment' }) },
      { label: 'Open Recent', submenu: recentSubmenu(ctx) },
      { type: 'separator' },
      {
        label: 'Close assessment',
        accelerator: electronAccelerator('closeAssessment'),
        enabled: ctx.assessmentOpen,
        click: () => ctx.send({ command: 'close-assessment' }),
      },
      { type: 'separator' },
      {
        label: 'Assessment details…',
        enabled: ctx.assessmentOpen,
        click: () => ctx.send({ command: 'assessment-details' }),
      },
      {
        label: 'Add focus area…',
        enabled: ctx.assessmentOpen,
        click: () => ctx.send({ command: 'add-focus-area' }),
      },
      { label: 'Import from Word…', enabled: ctx.assessmentOpen, click: () => ctx.send({ command: 'import-word' }) },
      { type: 'separator' },
      {
        label: 'Save as template…',
        enabled: ctx.assessmentOpen,
        click: () => ctx.send({ command: 'save-as-template' }),
      },
      { label: 'Templates folder…', enabled: ctx.assessmentOpen, click: () => ctx.send({ command: 'templates-folder' }) },
      { type: 'separator' },
      {
        label: 'Restore from backup…',
        enabled: ctx.assessmentOpen,
        click: () => ctx.send({ command: 'restore-backup' }),
      },
      { type: 'separator' },
      {
        label: 'Export to Word…',
        accelerator: electronAccelerator('export'),
        enabled: ctx.assessmentOpen,
        click: () => ctx.send({ command: 'export' }),
      },
      ...(isMac
        ? []
        : ([
            { type: 'separator' },
            { role: 'quit', label: ctx.platform === 'win32' ? 'E&xit' : '&Quit' },
          ] satisfies MenuItemConstructorOptions[])),
    ],
  });

  template.push({
    label: isMac ? 'Edit' : '&Edit',
    submenu: [
      { role: 'undo', label: 'Undo' },
      { role: 'redo', label: 'Redo' },
      { type: 'separator' },
      { role: 'cut', label: 'Cut' },
      { role: 'copy', label: 'Copy' },
      { role: 'paste', label: 'Paste' },
      ...(isMac ? ([{ role: 'pasteAndMatchStyle', label: 'Paste and Match Style' }] satisfies MenuItemConstructorOptions[]) : []),
      { role: 'selectAll', label: 'Select All' },
      { type: 'separator' },
      {
        label: 'Find…',
        accelerator: electronAccelerator('find'),
        enabled: ctx.assessmentOpen,
        click: () => ctx.send({ command: 'find' }),
      },
    ],
  });

  template.push({
    label: isMac ? 'View' : '&View',
    submenu: [
      ...(showDeveloperItems
        ? ([
            { role: 'reload', label: 'Reload' },
            { role: 'forceReload', label: 'Force Reload' },
            { role: 'toggleDevTools', label: 'Toggle Developer Tools' },
            { type: 'separator' },
          ] satisfies MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom', label: 'Actual Size' },
      { role: 'zoomIn', label: 'Zoom In' },
      { role: 'zoomOut', label: 'Zoom Out' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: 'Toggle Full Screen' },
    ],
  });

  if (isMac) template.push({ role: 'windowMenu', label: 'Window' });

  template.push({
    role: 'help',
    label: isMac ? 'Help' : '&Help',
    submenu: [
      ...(isMac ? [] : ([{ role: 'about', label: `About ${ctx.appName}` }] satisfies MenuItemConstructorOptions[])),
      {
        label: 'Keyboard shortcuts',
        accelerator: electronAccelerator('shortcuts'),
        click: () => ctx.send({ command: 'keyboard-shortcuts' }),
      },
      { type: 'separator' },
      { label: 'About the LGA Corporate Peer Challenge', click: () => ctx.openExternal(CPC_INFO_URL) },
    ],
  });

  return template;
}
