/**
 * The app's own scheme, app://pcs/, which serves the built renderer (out/renderer) to the
 * window. Every response carries our Content Security Policy and nosniff; nothing outside the
 * renderer folder can be reached through it.
 */
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { contentSecurityPolicy } from './csp';
import { APP_SCHEME, mimeTypeFor, resolveAppAsset } from './urls';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

export function serveRenderer(session: Session, rendererDir: string): void {
  const policy = contentSecurityPolicy();
  session.protocol.handle(APP_SCHEME, async (request) => {
    const notFound = () =>
      new Response('Not found', {
        status: 404,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': policy },
      });
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound();
    const file = resolveAppAsset(request.url, rendererDir);
    if (!file) return notFound();
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: {
          'Content-Type': mimeTypeFor(file),
          'Content-Security-Policy': policy,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      return notFound();
    }
  });
}
