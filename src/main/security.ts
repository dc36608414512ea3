/**
 * The Electron security checklist, applied in one place: a Content Security Policy on every
 * response, no permissions, no navigation away from the app, no new windows, no <webview>, and
 * links out only to https sites in the user's own browser.
 * https://www.electronjs.org/docs/latest/tutorial/security
 */
import { app, shell, type Session, type WebContents } from 'electron';
import { contentSecurityPolicy, withSecurityHeaders } from './csp';
import { isAppUrl, safeExternalUrl } from './urls';

export interface SecurityOptions {
  /** The trusted dev server URL (`npm run dev`), or undefined in a built app. */
  devServerUrl?: string;
}

/** The only permission a page may have: writing (sanitised) text to the clipboard. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Opens an https link in the user's browser; anything else is refused, quietly. */
export function openExternalSafely(url: string): void {
  const safe = safeExternalUrl(url);
  if (!safe) return;
  shell.openExternal(safe).catch(() => {
    // No browser, or the user cancelled: nothing to recover.
  });
}

/** Session-wide rules. Call once, when the app is ready, before any window loads. */
export function secureSession(session: Session, options: SecurityOptions): void {
  const policy = contentSecurityPolicy(options.devServerUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders, policy) });
  });

  session.setPermissionRequestHandler((webContents, permission, callback) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && isAppUrl(webContents.getURL(), options.devServerUrl));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => {
    return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingOrigin, options.devServerUrl);
  });
  session.setDevicePermissionHandler(() => false);

  // Nothing the app does needs a download; a page that tries one is refused.
  session.on('will-download', (event) => event.preventDefault());
}

/** Rules for one webContents: the window's page, and any other that ever gets created. */
export function secureWebContents(contents: WebContents, options: SecurityOptions): void {
  const leaveForBrowser = (url: string) => {
    if (!isAppUrl(url, options.devServerUrl)) openExternalSafely(url);
  };

  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, options.devServerUrl)) return;
    event.preventDefault();
    // A plain link clicked in the page: open it in the browser if it is a safe https link.
    if (event.isMainFrame) leaveForBrowser(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url, options.devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, options.devServerUrl)) event.preventDefault();
  });

  contents.setWindowOpenHandler(({ url }) => {
    leaveForBrowser(url);
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies `secureWebContents` to every webContents the app ever creates. */
export function secureAllWebContents(options: SecurityOptions): void {
  app.on('web-contents-created', (_event, contents) => secureWebContents(contents, options));
}
