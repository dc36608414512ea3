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

/**
 * A stored file a display capability shows (see Core.openBlobCapability), read from the core's
 * process a chunk at a time (CoreClient.openBlob); `close` lets go of it when the reader stops early.
 */
export type OpenBlob = (
  capability: string,
) => Promise<{ size: number; mimeType: string | null; chunks: AsyncIterable<Uint8Array>; close(): void } | null>;

const BLOB_PATH = /^\/blob\/([A-Za-z0-9_-]{32,64})$/;
const SHOWN_TYPES = /^(image\/(png|jpeg|gif|webp|svg\+xml)|application\/pdf|text\/plain)$/;

/**
 * app://pcs/blob/<capability>: a stored file for display, streamed a chunk at a time, under a
 * sandboxing policy so a stored SVG or HTML file cannot run anything.
 */
async function serveBlob(openBlob: OpenBlob, capability: string): Promise<Response> {
  const opened = await openBlob(capability);
  if (!opened) return new Response('This link has expired.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const iterator = opened.chunks[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(new Uint8Array(next.value));
    },
    cancel() {
      opened.close();
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': opened.mimeType && SHOWN_TYPES.test(opened.mimeType) ? opened.mimeType : 'application/octet-stream',
      'Content-Length': String(opened.size),
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}

export function serveRenderer(session: Session, rendererDir: string, openBlob?: OpenBlob): void {
  const policy = contentSecurityPolicy();
  session.protocol.handle(APP_SCHEME, async (request) => {
    const blob = openBlob && request.method === 'GET' ? BLOB_PATH.exec(new URL(request.url).pathname) : null;
    if (blob) return serveBlob(openBlob!, blob[1]!);
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
