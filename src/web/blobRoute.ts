import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { Core } from '../core';

/**
 * `GET /blob/<capability>`: a stored file for display (an image, a PDF), named by a short-lived
 * capability from `file-display-link`, so no session token goes into the address. Streamed one
 * chunk at a time. The response may not run anything: a stored SVG or HTML file is shown under
 * a sandboxing Content Security Policy, and never sniffed into something else.
 */
const CAPABILITY = /^[A-Za-z0-9_-]{32,64}$/;
const SHOWN_TYPES = /^(image\/(png|jpeg|gif|webp|svg\+xml)|application\/pdf|text\/plain)$/;

export function sendBlob(res: ServerResponse, core: Pick<Core, 'openBlobCapability'>, capability: string, head: boolean): void {
  const opened = CAPABILITY.test(capability) ? core.openBlobCapability(capability) : null;
  if (!opened) {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('This link has expired. Open the file again from the app.');
    return;
  }
  res.statusCode = 200;
  const type = opened.mimeType && SHOWN_TYPES.test(opened.mimeType) ? opened.mimeType : 'application/octet-stream';
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', String(opened.size));
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  if (head) {
    res.end();
    return;
  }
  Readable.from(opened.chunks).pipe(res);
}
