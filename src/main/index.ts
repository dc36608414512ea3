/**
 * The Electron main process: app lifecycle. One instance, one window, one core, which runs in
 * its own utility process (see coreProcessHost.ts) so the window and menus never wait on it.
 * A second launch focuses the window and opens the file it was given; so does macOS's
 * open-file (double-clicking a .pcstudio file in Finder).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, session } from 'electron';
import { createDispatcher } from '../core/dispatch';
import type { Handlers } from '../shared/contract';
import { trackAssessment, type AssessmentEvent } from './assessmentTracking';
import { assessmentFromArgv, assessmentFromInstanceData } from './fileNames';
import { forwardJobEvents, registerApiHandler, registerUploadHandler, sendMenuCommand, whenApiIdle } from './ipc';
import { createUploadFolder } from './uploads';
import { CoreClient, remoteCoreHandlers, type RestartOutcome } from './coreClient';
import { coreProcessEntry, forkCoreProcess } from './coreProcessHost';
import { createAppMenu, type AppMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { secureAllWebContents, secureSession } from './security';
import { createElectronShellHandlers } from './shellHandlers';
import { APP_ENTRY_URL, trustedDevServerUrl } from './urls';
import { configureSpelling, createMainWindow, PRODUCT_NAME, showOpenFile } from './window';

const here = dirname(fileURLToPath(import.meta.url)); // out/main
const preloadPath = join(here, '../preload/index.cjs');
const rendererDir = join(here, '../renderer');
const iconPath = join(here, '../../resources/icon.png');

// Tests run each app in its own folder: settings, recent files and the single-instance lock.
if (process.env.PCS_CONFIG_DIR) app.setPath('userData', resolve(process.env.PCS_CONFIG_DIR));
app.setName(PRODUCT_NAME);
// British English throughout: date inputs show dd/mm/yyyy, and the spell checker is en-GB (window.ts).
app.commandLine.appendSwitch('lang', 'en-GB');
app.enableSandbox();
registerAppScheme();

const isDefaultApp = Boolean(process.defaultApp);
const fileOnCommandLine = assessmentFromArgv(process.argv, process.cwd(), isDefaultApp);

if (!app.requestSingleInstanceLock({ file: fileOnCommandLine })) {
  // Another instance is running: it has been told about our file; nothing more to do here.
  app.quit();
} else {
  run();
}

function run(): void {
  const devServerUrl = trustedDevServerUrl(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
  let mainWindow: BrowserWindow | null = null;
  let pendingFile: string | null = fileOnCommandLine;
  let core: CoreClient | null = null;
  let menu: AppMenu | null = null;

  secureAllWebContents({ devServerUrl });

  const focus = (win: BrowserWindow) => {
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };

  /** Asks the page to open `path`, as if chosen from Open Recent; waits for a window if need be. */
  const openFile = (path: string) => {
    if (!mainWindow) {
      pendingFile = path;
      if (app.isReady() && core) createWindow();
      return;
    }
    focus(mainWindow);
    sendMenuCommand(mainWindow, { command: 'open-recent', path });
  };

  /**
   * The core crashed and was restarted, with the assessment opened again (or not): the menu and
   * title follow, and the page is told so it reloads what it shows (or goes to the start screen).
   */
  const onCoreRestarted = (outcome: RestartOutcome) => {
    if (outcome.kind === 'reopened') onAssessmentEvent({ kind: 'opened', path: outcome.path });
    else onAssessmentEvent({ kind: 'closed' });
    if (!mainWindow) return;
    if (outcome.kind === 'reopen-failed') {
      sendMenuCommand(mainWindow, { command: 'engine-reopen-failed', path: outcome.path, message: outcome.message });
    } else {
      sendMenuCommand(mainWindow, { command: 'engine-restarted', ...(outcome.kind === 'reopened' ? { path: outcome.path } : {}) });
    }
  };

  const onAssessmentEvent = (event: AssessmentEvent) => {
    if (event.kind === 'opened') {
      menu?.setAssessmentOpen(true);
      app.addRecentDocument(event.path);
      if (mainWindow) showOpenFile(mainWindow, event.path);
    } else if (event.kind === 'closed') {
      menu?.setAssessmentOpen(false);
      if (mainWindow) showOpenFile(mainWindow, null);
    }
    if (event.kind !== 'closed') void menu?.refresh();
  };

  function createWindow(): void {
    const win = createMainWindow({
      preloadPath,
      url: devServerUrl ?? APP_ENTRY_URL,
      session: session.defaultSession,
      ...(process.platform === 'linux' && existsSync(iconPath) ? { iconPath } : {}),
    });
    mainWindow = win;
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
      // macOS keeps the app running with no window: let go of the file until one opens again.
      // (Elsewhere the app is about to quit, and core.shutDown() does it.)
      if (process.platform === 'darwin' && core) {
        core.invoke('assessment-close', {}).then(
          () => onAssessmentEvent({ kind: 'closed' }),
          () => undefined,
        );
      }
    });
    if (pendingFile) {
      const file = pendingFile;
      pendingFile = null;
      sendMenuCommand(win, { command: 'open-recent', path: file });
    }
  }

  // macOS: a file double-clicked in Finder or dropped on the Dock icon. May come before 'ready'.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFile(path);
  });

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const file = assessmentFromInstanceData(additionalData) ?? assessmentFromArgv(argv, workingDirectory, isDefaultApp);
    if (file) openFile(file);
    else if (mainWindow) focus(mainWindow);
    else if (core) createWindow();
  });

  app.on('window-all-closed', () => {
    // Let the page's last autosave, sent as it unloaded, reach the file before the core closes.
    if (process.platform !== 'darwin') void whenApiIdle(2000).then(() => app.quit());
  });

  app.on('will-quit', (event) => {
    if (!core) return;
    const closing = core;
    core = null;
    // The core process makes the last automatic backup (if there were edits since the one
    // before) and closes the file, folding its WAL back in; quitting waits for it.
    event.preventDefault();
    closing
      .shutDown()
      .catch((error: unknown) => console.error('Could not close the assessment cleanly:', error))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(() => {
      if (!devServerUrl && !existsSync(join(rendererDir, 'index.html'))) {
        dialog.showErrorBox(
          PRODUCT_NAME,
          `The app's screens are missing (${join(rendererDir, 'index.html')}). Run \`npm start\`, which builds them first.`,
        );
        app.exit(1);
        return;
      }
      const ses = session.defaultSession;
      secureSession(ses, { devServerUrl });
      configureSpelling(ses);
      if (!devServerUrl) serveRenderer(ses, rendererDir, async (capability) => (core ? core.openBlob(capability) : null));

      app.setAboutPanelOptions({
        applicationName: PRODUCT_NAME,
        applicationVersion: app.getVersion(),
        website: 'https://www.local.gov.uk/our-support/peer-challenges/corporate-peer-challenge',
        ...(existsSync(iconPath) ? { iconPath } : {}),
      });

      const entry = coreProcessEntry(here, import.meta.url.endsWith('.ts'));
      const configDir = app.getPath('userData');
      const client = new CoreClient({
        spawn: () => forkCoreProcess(entry, configDir),
        // A crashed core was restarted and the assessment that was open opened again in it.
        onRestart: onCoreRestarted,
      });
      core = client;
      const coreHandlers = remoteCoreHandlers(client);
      // Validated here with the contract (the IPC boundary) and again in the core process (its own boundary).
      const handlers = {
        ...coreHandlers,
        ...createElectronShellHandlers({
          getWindow: () => mainWindow,
          copyEvidenceOriginal: (id) => coreHandlers['evidence-original-copy']({ id }),
          ...(process.env.PCS_DEFAULT_FOLDER ? { defaultFolder: process.env.PCS_DEFAULT_FOLDER } : {}),
        }),
      } satisfies Handlers;

      menu = createAppMenu({ core: coreHandlers, getMainWindow: () => mainWindow });
      void menu.refresh();
      registerApiHandler(trackAssessment(createDispatcher(handlers), onAssessmentEvent), devServerUrl);
      // Pasted pictures and other path-less files: one private folder per run, removed on quit.
      const uploads = createUploadFolder(join(app.getPath('temp'), `peer-challenge-studio-uploads-${process.pid}`));
      registerUploadHandler(uploads, devServerUrl);
      app.once('quit', () => void uploads.clear());
      forwardJobEvents((listener) => client.onJobEvent(listener), () => mainWindow);

      createWindow();
      app.on('activate', () => {
        if (!mainWindow && core) createWindow();
      });
    })
    .catch((error: unknown) => {
      console.error('Peer Challenge Studio could not start:', error);
      app.exit(1);
    });
}
