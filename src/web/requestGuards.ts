import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Browser mode listens on 127.0.0.1 only, but any web page the user visits could still try to
 * call it. Three guards stop that: the Host header must be ours (defeats DNS rebinding), a
 * cross-site Origin is refused, and every API call carries the per-run secret token.
 */

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}

export function isAllowedOrigin(originHeader: string | undefined, port: number): boolean {
  // Same-origin fetches from our page may omit Origin; a present one must be ours.
  if (originHeader === undefined) return true;
  return originHeader === `http://127.0.0.1:${port}` || originHeader === `http://localhost:${port}`;
}

export function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Past the limit we still read (and throw away) this much more, so the client can hear our 413. */
const DRAIN_ALLOWANCE = 64 * 1024 * 1024;

/**
 * Reads a request body up to `limit` bytes; rejects with 'too-large' past it (at once when the
 * declared Content-Length is already too large). The rest of a too-large body is read and thrown
 * away rather than the connection reset, so the client receives the 413 we answer with; only a
 * body far past the limit has its connection cut.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const giveUp = () => {
      tooLarge = true;
      chunks.length = 0;
      reject(new Error('too-large'));
    };
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) giveUp();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) {
        if (size > limit + DRAIN_ALLOWANCE) req.destroy();
        return;
      }
      if (size > limit) return giveUp();
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge) resolvePromise(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}
