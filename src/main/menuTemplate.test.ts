import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommandEvent } from '../shared/contract';
import type { RecentFile } from '../shared/schemas/assessment';
import { electronAccelerator, SHORTCUTS, type ShortcutId } from '../shared/shortcuts';
import { buildMenuTemplate, CPC_INFO_URL, menuLabel, type MenuContext } from './menuTemplate';

function context(overrides: Partial<MenuContext> = {}) {
  const sent: MenuCommandEvent[] = [];
  const ctx: MenuContext = {
    platform: 'linux',
    appName: 'Peer Challenge Studio',
    isPackaged: true,
    recent: [],
    assessmentOpen: true,
    send: (command) => sent.push(command),
    clearRecent: vi.fn(),
    openExternal: vi.fn(),
    ...overrides,
  };
  return { ctx, sent };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (item?.submenu ?? []) as MenuItemConstructorOptions[];
}
function menu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  return submenu(template.find((item) => item.label?.replace('&', '') === label));
}
function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((entry) => entry.label === label);
  if (!found) throw new Error(`No menu item "${label}" in ${items.map((i) => i.label ?? i.role).join(', ')}`);
  return found;
}
function click(entry: MenuItemConstructorOptions): void {
  (entry.click as () => void)();
}

const recent: RecentFile[] = [
  { path: '/docs/Sefton.pcstudio', fileName: 'Sefton.pcstudio', councilName: 'Sefton Council', openedAt: '2026-01-02T10:00:00Z', exists: true },
  { path: '/docs/Old.pcstudio', fileName: 'Old.pcstudio', councilName: null, openedAt: '2026-01-01T10:00:00Z', exists: false },
];

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help on Windows and Linux, and the app menu and Window on macOS', () => {
    expect(buildMenuTemplate(context().ctx).map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const mac = buildMenuTemplate(context({ platform: 'darwin' }).ctx);
    expect(mac.map((m) => m.label)).toEqual(['Peer Challenge Studio', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(submenu(mac[0]).map((i) => i.role).filter(Boolean)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
  });

  it('opens the templates-and-guidance dialogs from File, only with an assessment open', () => {
    const labels = ['Assessment details…', 'Add focus area…', 'Save as template…', 'Templates folder…'];
    const { ctx, sent } = context();
    const file = menu(buildMenuTemplate(ctx), 'File');
    for (const label of labels) click(item(file, label));
    expect(sent.map((c) => c.command)).toEqual(['assessment-details', 'add-focus-area', 'save-as-template', 'templates-folder']);
    const closed = menu(buildMenuTemplate(context({ assessmentOpen: false }).ctx), 'File');
    for (const label of labels) expect(item(closed, label).enabled).toBe(false);
  });

  it('offers Restore from backup… in File, only with an assessment open', () => {
    const { ctx, sent } = context();
    click(item(menu(buildMenuTemplate(ctx), 'File'), 'Restore from backup…'));
    expect(sent.map((c) => c.command)).toEqual(['restore-backup']);
    const closed = menu(buildMenuTemplate(context({ assessmentOpen: false }).ctx), 'File');
    expect(item(closed, 'Restore from backup…').enabled).toBe(false);
  });

  it('sends the File commands to the page, with their shortcuts', () => {
    const { ctx, sent } = context();
    const file = menu(buildMenuTemplate(ctx), 'File');
    expect(item(file, 'New assessment…').accelerator).toBe('CmdOrCtrl+N');
    expect(item(file, 'Open…').accelerator).toBe('CmdOrCtrl+O');
    expect(item(file, 'Export to Word…').accelerator).toBe('CmdOrCtrl+E');
    click(item(file, 'New assessment…'));
    click(item(file, 'New assessment from a previous one…'));
    click(item(file, 'Open…'));
    click(item(file, 'Close assessment'));
    click(item(file, 'Export to Word…'));
    click(item(file, 'Import from Word…'));
    expect(sent).toEqual([
      { command: 'new-assessment' },
      { command: 'new-from-previous' },
      { command: 'open-assessment' },
      { command: 'close-assessment' },
      { command: 'export' },
      { command: 'import-word' },
    ]);
    expect(file.at(-1)?.role).toBe('quit');
  });

  it('lists recent files, sends open-recent with the path, and offers to clear the list', () => {
    const { ctx, sent } = context({ recent });
    const openRecent = submenu(item(menu(buildMenuTemplate(ctx), 'File'), 'Open Recent'));
    const sefton = item(openRecent, 'Sefton.pcstudio — Sefton Council');
    expect(sefton.enabled).toBe(true);
    click(sefton);
    expect(sent).toEqual([{ command: 'open-recent', path: '/docs/Sefton.pcstudio' }]);
    expect(item(openRecent, 'Old.pcstudio (moved or deleted)').enabled).toBe(false);
    click(item(openRecent, 'Clear Recent'));
    expect(ctx.clearRecent).toHaveBeenCalledOnce();
  });

  it('says so when there are no recent files', () => {
    const openRecent = submenu(item(menu(buildMenuTemplate(context().ctx), 'File'), 'Open Recent'));
    expect(openRecent).toEqual([{ label: 'No recent assessments', enabled: false }]);
  });

  it('greys out Close, Export and Find when no assessment is open', () => {
    const template = buildMenuTemplate(context({ assessmentOpen: false }).ctx);
    const file = menu(template, 'File');
    expect(item(file, 'Close assessment').enabled).toBe(false);
    expect(item(file, 'Export to Word…').enabled).toBe(false);
    expect(item(menu(template, 'Edit'), 'Find…').enabled).toBe(false);
    expect(item(file, 'New assessment…').enabled).not.toBe(false);
  });

  it('has the editing roles and Find… in Edit', () => {
    const { ctx, sent } = context();
    const edit = menu(buildMenuTemplate(ctx), 'Edit');
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    const find = item(edit, 'Find…');
    expect(find.accelerator).toBe('CmdOrCtrl+F');
    click(find);
    expect(sent).toEqual([{ command: 'find' }]);
  });

  it('shows reload and developer tools only when the app is not packaged', () => {
    const packaged = menu(buildMenuTemplate(context({ isPackaged: true }).ctx), 'View').map((i) => i.role);
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(packaged).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
    const dev = menu(buildMenuTemplate(context({ isPackaged: false }).ctx), 'View').map((i) => i.role);
    expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('links to the LGA’s page about the Corporate Peer Challenge', () => {
    const { ctx } = context();
    const help = menu(buildMenuTemplate(ctx), 'Help');
    click(item(help, 'About the LGA Corporate Peer Challenge'));
    expect(ctx.openExternal).toHaveBeenCalledWith(CPC_INFO_URL);
    expect(CPC_INFO_URL.startsWith('https://www.local.gov.uk/')).toBe(true);
    expect(help[0]?.role).toBe('about');
  });

  it('opens the keyboard shortcuts sheet from Help, with the same key the page lists', () => {
    const { ctx, sent } = context();
    const help = menu(buildMenuTemplate(ctx), 'Help');
    const entry = item(help, 'Keyboard shortcuts');
    expect(entry.accelerator).toBe('CmdOrCtrl+/');
    click(entry);
    expect(sent).toEqual([{ command: 'keyboard-shortcuts' }]);
  });

  it('takes every accelerator with a listed shortcut from the one list', () => {
    const all = buildMenuTemplate(context().ctx).flatMap((m) => submenu(m));
    const accelerators = all.filter((i) => i.accelerator).map((i) => [i.label, i.accelerator]);
    const listed = Object.keys(SHORTCUTS).map((id) => electronAccelerator(id as ShortcutId));
    for (const [label, accelerator] of accelerators) expect(listed, `${label}`).toContain(accelerator);
  });
});

describe('menuLabel', () => {
  it('shows an ampersand as itself on Windows and Linux', () => {
    expect(menuLabel('Brighton & Hove', 'win32')).toBe('Brighton && Hove');
    expect(menuLabel('Brighton & Hove', 'darwin')).toBe('Brighton & Hove');
  });
});
