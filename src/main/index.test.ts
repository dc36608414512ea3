/**
 * The shell wired up, without Electron: `electron` is replaced by a small fake that records what
 * the main process asks of it, and the real core (real SQLite files) sits behind the IPC handler,
 * in its own process (the fake's utilityProcess.fork starts a Node child process, as Electron's does).
 * Electron itself is exercised by tests/electron (on machines where it can start).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE_CHANNEL, IPC_UPLOAD_CHANNEL, type Envelope } from '../shared/contract';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a stand-in for Electron's untyped listeners.
type Listener = (...args: any[]) => any;

const fake = vi.hoisted(() => {
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(event: string, fn: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
      return this;
    }
    once(event: string, fn: Listener) {
      return this.on(event, fn);
    }
    emit(event: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(event) ?? []) fn(...args);
    }
  }
  class FakeWebContents extends Emitter {
    sent: Array<[string, unknown]> = [];
    openHandler: Listener | null = null;
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
    isLoading() {
      return false;
    }
    setWindowOpenHandler(fn: Listener) {
      this.openHandler = fn;
    }
    getURL() {
      return 'app://pcs/index.html';
    }
  }
  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends Emitter {
    webContents = new FakeWebContents();
    url = '';
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read nested BrowserWindow options.
    constructor(public options: Record<string, any>) {
      super();
      windows.push(this);
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    show() {}
    focus() {}
    restore() {}
    setTitle() {}
    setRepresentedFilename() {}
    setDocumentEdited() {}
    static getFocusedWindow() {
      return windows[0] ?? null;
    }
    static getAllWindows() {
      return windows;
    }
  }
  const app = new (class extends Emitter {
    isPackaged = false;
    name = 'Peer Challenge Studio';
    paths = new Map<string, string>();
    recentDocuments: string[] = [];
    setPath(name: string, value: string) {
      this.paths.set(name, value);
    }
    getPath(name: string) {
      return this.paths.get(name) ?? `/nonexistent/${name}`;
    }
    switches = new Map<string, string>();
    commandLine = { appendSwitch: (name: string, value: string) => this.switches.set(name, value) };
    setName() {}
    enableSandbox() {}
    requestSingleInstanceLock() {
      return true;
    }
    quit() {}
    exit() {}
    isReady() {
      return true;
    }
    whenReady() {
      return Promise.resolve();
    }
    getVersion() {
      return '0.1.0';
    }
    addRecentDocument(path: string) {
      this.recentDocuments.push(path);
    }
    clearRecentDocuments() {}
    setAboutPanelOptions() {}
  })();
  const handlers = new Map<string, Listener>();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Node's ChildProcess, from the built-in loaded below.
  const children: any[] = [];
  const utilityProcess = {
    fork(modulePath: string, args: string[], options: { execArgv?: string[] }) {
      const { fork } = process.getBuiltinModule('node:child_process');
      const child = fork(modulePath, args, { execArgv: options.execArgv ?? [], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      return {
        postMessage: (message: unknown) => child.send(message as never),
        on: (event: 'message' | 'exit', fn: Listener) => child.on(event, fn),
        kill: () => child.kill(),
      };
    },
  };
  const protocolHandlers = new Map<string, Listener>();
  const privileged: unknown[] = [];
  const menus: unknown[] = [];
  const session = {
    defaultSession: Object.assign(new Emitter(), {
      headersHook: null as Listener | null,
      permissionHook: null as Listener | null,
      webRequest: {
        onHeadersReceived(fn: Listener) {
          session.defaultSession.headersHook = fn;
        },
      },
      setPermissionRequestHandler(fn: Listener) {
        session.defaultSession.permissionHook = fn;
      },
      setPermissionCheckHandler() {},
      setDevicePermissionHandler() {},
      setSpellCheckerLanguages() {},
      protocol: {
        handle(scheme: string, fn: Listener) {
          protocolHandlers.set(scheme, fn);
        },
      },
    }),
  };
  return {
    app,
    windows,
    children,
    handlers,
    protocolHandlers,
    privileged,
    menus,
    session,
    FakeWebContents,
    module: {
      app,
      session,
      BrowserWindow: FakeBrowserWindow,
      ipcMain: {
        handle(channel: string, fn: Listener) {
          handlers.set(channel, fn);
        },
        removeHandler(channel: string) {
          handlers.delete(channel);
        },
      },
      protocol: {
        registerSchemesAsPrivileged(schemes: unknown[]) {
          privileged.push(...schemes);
        },
      },
      Menu: {
        buildFromTemplate(template: unknown) {
          return template;
        },
        setApplicationMenu(menu: unknown) {
          menus.push(menu);
        },
      },
      utilityProcess,
      dialog: {},
      shell: { openExternal: vi.fn(async () => undefined) },
    },
  };
});

vi.mock('electron', () => ({ ...fake.module, default: fake.module }));

let dir: string;
const trusted = { senderFrame: { url: 'app://pcs/index.html', parent: null } };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads its own method's result shape.
async function invoke(method: string, args: unknown, event: unknown = trusted): Promise<Envelope<any>> {
  const handler = fake.handlers.get(IPC_INVOKE_CHANNEL);
  if (!handler) throw new Error('No IPC handler registered');
  return handler(event, method, args);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pcs-main-'));
  vi.stubEnv('PCS_CONFIG_DIR', join(dir, 'config'));
  vi.stubEnv('PCS_DEFAULT_FOLDER', dir);
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  fake.app.setPath('temp', join(dir, 'temp'));
  await import('./index');
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
});

afterAll(async () => {
  fake.app.emit('will-quit', { preventDefault() {} });
  // The core process closes the file and ends.
  await Promise.all(
    fake.children.map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((done) => child.once('exit', done)) : null)),
  );
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Electron main process, wired up', () => {
  it('keeps its settings in PCS_CONFIG_DIR and registers the app scheme before ready', () => {
    expect(fake.app.getPath('userData')).toBe(join(dir, 'config'));
    expect(fake.privileged).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('runs in British English, so date fields read dd/mm/yyyy', () => {
    expect(fake.app.switches.get('lang')).toBe('en-GB');
  });

  it('opens one window, on the app scheme, with secure preferences and the CommonJS preload', () => {
    const [win] = fake.windows;
    expect(win?.url).toBe('app://pcs/index.html');
    expect(win?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
      webviewTag: false,
    });
    expect(win?.options.webPreferences.preload).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('keeps a pasted picture (bytes, no path) in a private temporary file for the core, from the trusted page only', async () => {
    const upload = fake.handlers.get(IPC_UPLOAD_CHANNEL);
    if (!upload) throw new Error('No upload handler registered');
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10]);
    const answer = (await upload(trusted, bytes)) as Envelope<{ path: string }>;
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value.path.startsWith(join(dir, 'temp'))).toBe(true);
    expect(new Uint8Array(readFileSync(answer.value.path))).toEqual(bytes);
    const stranger = (await upload({ senderFrame: { url: 'https://example.com/', parent: null } }, bytes)) as Envelope<unknown>;
    expect(stranger).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    const notBytes = (await upload(trusted, 'hello')) as Envelope<unknown>;
    expect(notBytes).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('answers app-info through IPC, in Electron mode', async () => {
    const info = await invoke('app-info', {});
    expect(info).toEqual({
      ok: true,
      value: { mode: 'electron', version: '0.1.0', defaultFolder: dir, nativeDialogs: true, platform: process.platform },
    });
  });

  it('refuses calls from other pages and from sub-frames', async () => {
    for (const event of [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'app://pcs/index.html', parent: {} } },
      { senderFrame: null },
    ]) {
      expect(await invoke('app-info', {}, event)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    }
    expect(await invoke(42 as unknown as string, {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('passes calls to the real core, which validates them', async () => {
    expect(await invoke('assessment-open', { path: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const path = join(dir, 'Sefton.pcstudio');
    const created = await invoke('assessment-create', { path, councilName: 'Sefton Council' });
    expect(created).toMatchObject({ ok: true, value: { path, councilName: 'Sefton Council' } });
    // by a core in its own process, not in the main process.
    expect(fake.children).toHaveLength(1);
    expect(fake.children[0].pid).not.toBe(process.pid);
    expect(fake.app.recentDocuments).toContain(path);
    // The menu is rebuilt with the file under Open Recent, and Close/Export enabled.
    await vi.waitFor(() => {
      const menu = fake.menus.at(-1) as Array<{ label?: string; submenu?: Array<{ label?: string; enabled?: boolean; submenu?: unknown[] }> }>;
      const file = menu.find((item) => item.label?.replace('&', '') === 'File')?.submenu ?? [];
      const recent = (file.find((item) => item.label === 'Open Recent')?.submenu ?? []) as Array<{ label?: string }>;
      expect(recent.map((item) => item.label)).toContain('Sefton.pcstudio — Sefton Council');
      expect(file.find((item) => item.label === 'Export to Word…')?.enabled).toBe(true);
    });
    expect(await invoke('assessment-close', {})).toEqual({ ok: true, value: { ok: true } });
  });

  it('serves the renderer folder on the app scheme with the CSP, and nothing outside it', async () => {
    const handle = fake.protocolHandlers.get('app');
    if (!handle) throw new Error('No app:// handler');
    const page = (await handle(new Request('app://pcs/index.html'))) as Response;
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const outside = (await handle(new Request('app://pcs/..%2f..%2fpackage.json'))) as Response;
    expect(outside.status).toBe(404);
    const post = (await handle(new Request('app://pcs/index.html', { method: 'POST', body: 'x' }))) as Response;
    expect(post.status).toBe(404);
  });

  it('puts the CSP on every response and refuses permissions', () => {
    const ses = fake.session.defaultSession;
    let headers: Record<string, string[]> = {};
    ses.headersHook?.({ responseHeaders: { 'content-security-policy': ['default-src *'] } }, (r: { responseHeaders: Record<string, string[]> }) => {
      headers = r.responseHeaders;
    });
    expect(headers['Content-Security-Policy']?.[0]).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toBeUndefined();
    const answers: boolean[] = [];
    const contents = new fake.FakeWebContents();
    ses.permissionHook?.(contents, 'media', (granted: boolean) => answers.push(granted));
    ses.permissionHook?.(contents, 'geolocation', (granted: boolean) => answers.push(granted));
    ses.permissionHook?.(contents, 'clipboard-sanitized-write', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false, false, true]);
  });

  it('secures every new webContents: no navigation away, no new windows, no webview', () => {
    const contents = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    const navigate = { url: 'http://127.0.0.1:9/', isMainFrame: true, preventDefault: vi.fn() };
    contents.emit('will-navigate', navigate);
    expect(navigate.preventDefault).toHaveBeenCalled();
    const inApp = { url: 'app://pcs/index.html', isMainFrame: true, preventDefault: vi.fn() };
    contents.emit('will-navigate', inApp);
    expect(inApp.preventDefault).not.toHaveBeenCalled();
    const redirect = { url: 'https://evil.example/', preventDefault: vi.fn() };
    contents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.openHandler?.({ url: 'https://www.local.gov.uk/' })).toEqual({ action: 'deny' });
    expect(fake.module.shell.openExternal).toHaveBeenCalledWith('https://www.local.gov.uk/');
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.module.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('asks the page to open a file given by a second launch, as open-recent', () => {
    const file = join(dir, 'Other.pcstudio');
    fake.app.emit('second-instance', {}, ['pcs', file], dir, { file });
    expect(fake.windows[0]?.webContents.sent).toContainEqual(['pcs:menu', { command: 'open-recent', path: file }]);
  });
});
