/**
 * The one document window. Secure web preferences (the checklist's defaults, spelled out so a
 * reader and the e2e test can see them), British English spelling, and a title that follows
 * the page's: the renderer sets document.title to "<file name> — Peer Challenge Studio".
 */
import { BrowserWindow, type Session } from 'electron';

export interface MainWindowOptions {
  preloadPath: string;
  /** The page to load: app://pcs/index.html, or the dev server's URL. */
  url: string;
  session: Session;
  /** Linux shows this in the task bar; Windows and macOS take the icon from the app itself. */
  iconPath?: string;
}

export const PRODUCT_NAME = 'Peer Challenge Studio';

export function configureSpelling(session: Session): void {
  // macOS always uses the system's spell checker and its language choice.
  if (process.platform === 'darwin') return;
  try {
    session.setSpellCheckerLanguages(['en-GB']);
  } catch {
    // No British English dictionary on this system: keep Chromium's default.
  }
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 760,
    minHeight: 520,
    show: false,
    title: PRODUCT_NAME,
    backgroundColor: '#ffffff',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: {
      preload: options.preloadPath,
      session: options.session,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  });

  win.once('ready-to-show', () => win.show());
  // If the page cannot load, show the window anyway rather than leave an invisible app running.
  win.webContents.once('did-fail-load', () => {
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  });

  // The window's title follows document.title by default (we do not prevent
  // 'page-title-updated'); an empty title falls back to the product name.
  win.on('page-title-updated', (event, title) => {
    if (!title.trim()) {
      event.preventDefault();
      win.setTitle(PRODUCT_NAME);
    }
  });

  void win.loadURL(options.url);
  return win;
}

/**
 * macOS: the title bar's proxy icon points at the open file. Every change is saved as the
 * user types, so the window is never "edited" in the sense of unsaved changes: we leave
 * setDocumentEdited(false) rather than show a dot that would suggest otherwise.
 */
export function showOpenFile(win: BrowserWindow, path: string | null): void {
  if (win.isDestroyed()) return;
  if (process.platform === 'darwin') {
    win.setRepresentedFilename(path ?? '');
    win.setDocumentEdited(false);
  }
}
