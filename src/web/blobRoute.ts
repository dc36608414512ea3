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

export function sendBlob(
  res: ServerResponse,
  core: Pick<Core, 'openBlobCapability' | 'openDownloadCapability'>,
  capability: string,
  head: boolean,
): void {
  const valid = CAPABILITY.test(capability);
  const download = valid ? core.openDownloadCapability(capability) : null;
  if (download) return sendDownload(res, download, head);
  const opened = valid ? core.openBlobCapability(capability) : null;
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

/** "Sefton position statement.docx" as a header value: plain ASCII for old readers, UTF-8 (RFC 6266) for the rest. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * An exported file the browser saves (never shows): browser mode writes exports on the server's
 * computer, so this is how the user in the browser gets the file.
 */
function sendDownload(
  res: ServerResponse,
  file: { size: number; mimeType: string; fileName: string; chunks: AsyncIterable<Buffer> },
  head: boolean,
): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', file.mimeType);
  res.setHeader('Content-Length', String(file.size));
  res.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  if (head) {
    res.end();
    return;
  }
  Readable.from(file.chunks).pipe(res);
}
