/**
 * Pure URL rules for the Electron shell: which pages count as the app itself (may navigate, may
 * call the API), which links may leave for the system browser, and which file a request to the
 * app's own scheme maps to. No Electron imports, so they are unit-tested directly.
 */
import { isAbsolute, join, normalize, relative, sep } from 'node:path';

/**
 * The packaged renderer is served from a privileged custom scheme rather than file://, as the
 * Electron security checklist advises: the page gets a real origin of its own, cannot read other
 * files on the disk, and every response carries our Content Security Policy.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pcs';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The dev server URL that electron-vite passes in `ELECTRON_RENDERER_URL`, when it may be
 * trusted: only in an unpackaged app, and only an http(s) URL on the loopback interface.
 * A packaged app ignores it, so an environment variable cannot point it at another site.
 */
export function trustedDevServerUrl(value: string | undefined, isPackaged: boolean): string | undefined {
  if (isPackaged || !value) return undefined;
  const url = parse(value);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  const loopback = ['localhost', '127.0.0.1', '[::1]'];
  return loopback.includes(url.hostname) ? url.href : undefined;
}

/** True when `url` is a page of the app itself: our scheme, or the trusted dev server. */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (devServerUrl) {
    const dev = parse(devServerUrl);
    return dev !== null && parsed.origin === dev.origin && parsed.origin !== 'null';
  }
  return false;
}

/** Who sent an IPC call: the URL of the frame and whether it is the window's top frame. */
export interface SenderInfo {
  url: string | undefined;
  isTopFrame: boolean;
}

/** Only the app's own top-level page may call the API; sub-frames and other pages may not. */
export function isTrustedSender(sender: SenderInfo, devServerUrl?: string): boolean {
  return sender.isTopFrame && typeof sender.url === 'string' && isAppUrl(sender.url, devServerUrl);
}

/**
 * A link that may be opened in the user's browser: https only, with a host and no user name or
 * password in it. Returns the normalised URL to open, or null to refuse.
 */
export function safeExternalUrl(url: string): string | null {
  if (typeof url !== 'string' || url.length > 2048) return null;
  const parsed = parse(url);
  if (!parsed) return null;
  if (parsed.protocol !== 'https:') return null;
  if (!parsed.hostname || parsed.username || parsed.password) return null;
  return parsed.href;
}

/**
 * The file under `rootDir` that a request to our scheme asks for, or null when the request is
 * for another host or would climb out of `rootDir`. `/` means index.html.
 */
export function resolveAppAsset(requestUrl: string, rootDir: string): string | null {
  const parsed = parse(requestUrl);
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relativePath = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = normalize(rootDir);
  const file = normalize(join(root, relativePath));
  const rel = relative(root, file);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return file;
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(file: string): string {
  const dot = file.lastIndexOf('.');
  const ext = dot >= 0 ? file.slice(dot).toLowerCase() : '';
  return MIME_TYPES[ext] ?? 'application/octet-stream';
}
