import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** Serves the built renderer (out/renderer) read-only, refusing any path outside it. */

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Resolves a URL path to a file under `root`, or null when it would escape it or does not exist.
 * `/` and unknown extension-less paths fall back to index.html (a single-page app).
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rootAbs = resolve(root);
  const candidate = resolve(join(rootAbs, normalize(decoded)));
  if (candidate !== rootAbs && !candidate.startsWith(rootAbs + sep)) return null;
  const file = candidate === rootAbs || decoded.endsWith('/') ? join(candidate, 'index.html') : candidate;
  try {
    if (statSync(file).isFile()) return file;
  } catch {
    // fall through: maybe a client-side route
  }
  if (!extname(decoded)) {
    const index = join(rootAbs, 'index.html');
    try {
      if (statSync(index).isFile()) return index;
    } catch {
      return null;
    }
  }
  return null;
}

export function sendStaticFile(res: ServerResponse, file: string): void {
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.statusCode = 200;
  res.setHeader('Content-Type', type);
  // index.html changes with every build; hashed assets never do.
  res.setHeader('Cache-Control', file.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable');
  createReadStream(file)
    .on('error', () => {
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    })
    .pipe(res);
}
