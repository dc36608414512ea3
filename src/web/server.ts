import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Envelope } from '../shared/contract';
import { MAX_CONTENT_LENGTH } from '../shared/constants';
import { isAllowedHost, isAllowedOrigin, readBody, tokenMatches } from './requestGuards';
import { setSecurityHeaders } from './securityHeaders';
import { resolveStaticPath, sendStaticFile } from './staticFiles';

/** The core's dispatcher: validates and runs one API call. Never throws. */
export type Dispatch = (method: string, rawArgs: unknown) => Promise<Envelope<unknown>>;

export interface WebServerOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** The per-run secret every API call must carry in X-PCS-Token. */
  token: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface RunningWebServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** A request body can hold a whole section's content plus JSON overhead. */
const BODY_LIMIT = MAX_CONTENT_LENGTH * 2 + 64 * 1024;
const API_PREFIX = '/api/';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { code: 'not-allowed', message } } satisfies Envelope<never>);
}

async function handleApi(req: IncomingMessage, res: ServerResponse, options: WebServerOptions, method: string) {
  if (req.method !== 'POST') return refuse(res, 405, 'Use POST for API calls.');
  if (!tokenMatches(req.headers['x-pcs-token'], options.token)) {
    return refuse(res, 401, 'This browser tab does not have the key for this session. Open the link printed by `npm run web` again.');
  }
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) return refuse(res, 415, 'API calls must send JSON.');
  let body: Buffer;
  try {
    body = await readBody(req, BODY_LIMIT);
  } catch {
    return refuse(res, 413, 'That is too much to send in one go.');
  }
  let args: unknown = {};
  if (body.length > 0) {
    try {
      args = JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'invalid-input', message: 'The request was not valid JSON.' },
      } satisfies Envelope<never>);
    }
  }
  const envelope = await options.dispatch(method, args);
  sendJson(res, 200, envelope);
}

/** Starts browser mode's HTTP server on 127.0.0.1 only. */
export function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  let port = 0;
  const server = createServer((req, res) => {
    setSecurityHeaders(res);
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      return refuse(res, 403, 'Requests from other sites are not allowed.');
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith(API_PREFIX)) {
      const method = decodeURIComponent(path.slice(API_PREFIX.length));
      handleApi(req, res, options, method).catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) refuse(res, 500, 'Something went wrong in browser mode.');
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Not allowed.');
    const file = resolveStaticPath(options.staticDir, path);
    if (!file) {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('Not found');
      return;
    }
    sendStaticFile(res, file);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolvePromise({
        server,
        port,
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
