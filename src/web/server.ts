import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallContext } from '../core/dispatch';
import type { Envelope } from '../shared/contract';
import { MAX_CONTENT_LENGTH } from '../shared/constants';
import { isAllowedHost, isAllowedOrigin, readBody, tokenMatches } from './requestGuards';
import { setSecurityHeaders } from './securityHeaders';
import { sendBlob } from './blobRoute';
import { streamJobEvents } from './jobEvents';
import { UploadStore, UploadTooLargeError } from './uploads';
import type { Core } from '../core';
import { MAX_UPLOAD_BYTES } from '../shared/contracts/files';
import { resolveStaticPath, sendStaticFile } from './staticFiles';

/** The core's dispatcher: validates and runs one API call. Never throws. */
export type Dispatch = (method: string, rawArgs: unknown, context?: CallContext) => Promise<Envelope<unknown>>;

export interface WebServerOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** The per-run secret every API call must carry in X-PCS-Token. */
  token: string;
  /** 0 picks a free port. */
  port?: number;
  /** The core's job events (`GET /api-events`) and stored files (`GET /blob/<capability>`). */
  core?: Pick<Core, 'jobs' | 'openBlobCapability' | 'openDownloadCapability'>;
  /** Where `POST /api-upload` streams files to; the same store the web handlers resolve uploads from. */
  uploads?: UploadStore;
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

function badRequest(res: ServerResponse, message: string): void {
  sendJson(res, 400, { ok: false, error: { code: 'invalid-input', message } } satisfies Envelope<never>);
}

/** The header a tab sends with the session id of the assessment it has open (see CallContext). */
const SESSION_HEADER = 'x-pcs-session';
const SESSION_ID = /^[A-Za-z0-9-]{1,100}$/;

async function handleApi(req: IncomingMessage, res: ServerResponse, options: WebServerOptions, rawMethod: string) {
  if (req.method !== 'POST') return refuse(res, 405, 'Use POST for API calls.');
  if (!tokenMatches(req.headers['x-pcs-token'], options.token)) {
    return refuse(res, 401, TOKEN_REFUSAL);
  }
  // Every parsing step fails closed with a 400: nothing a request carries may throw past here.
  let method: string;
  try {
    method = decodeURIComponent(rawMethod);
  } catch {
    return badRequest(res, 'The address of that request is not valid.');
  }
  const session = req.headers[SESSION_HEADER];
  if (session !== undefined && (typeof session !== 'string' || !SESSION_ID.test(session))) {
    return badRequest(res, 'That request named its assessment in a way that is not valid.');
  }
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) return refuse(res, 415, 'API calls must send JSON.');
  let body: Buffer;
  try {
    body = await readBody(req, BODY_LIMIT);
  } catch (error) {
    if (error instanceof Error && error.message === 'too-large') {
      return sendJson(res, 413, {
        ok: false,
        error: {
          code: 'invalid-input',
          message: 'That is too much to send in one go: nothing was saved from it. If it is one section, split it into smaller sections.',
        },
      } satisfies Envelope<never>);
    }
    return badRequest(res, 'The request did not arrive whole.');
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
  const envelope = await options.dispatch(method, args, session === undefined ? {} : { sessionId: session });
  sendJson(res, 200, envelope);
}

const TOKEN_REFUSAL = 'This browser tab does not have the key for this session. Open the link printed by `npm run web` again.';

/** `POST /api-upload`: the body is the file's bytes, streamed to a temporary file (see uploads.ts). */
async function handleUpload(req: IncomingMessage, res: ServerResponse, uploads: UploadStore) {
  try {
    const value = await uploads.receive(req);
    sendJson(res, 200, { ok: true, value } satisfies Envelope<unknown>);
  } catch (error) {
    if (!(error instanceof UploadTooLargeError)) throw error;
    const limitMb = Math.round(uploads.limit / (1024 * 1024));
    res.setHeader('Connection', 'close');
    sendJson(res, 413, {
      ok: false,
      error: { code: 'invalid-input', message: `That file is too big to add: the limit is ${limitMb} MB. Nothing was saved from it.` },
    } satisfies Envelope<never>);
    // Stop reading a body we will not keep.
    req.destroy();
  }
}

/** Starts browser mode's HTTP server on 127.0.0.1 only. */
export function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  let port = 0;
  const server = createServer((req, res) => {
    try {
      route(req, res);
    } catch (error) {
      // Fail closed: whatever a request did to get here, it gets a 400, never a crashed server.
      console.error(error);
      if (!res.headersSent) badRequest(res, 'That request is not valid.');
      else res.end();
    }
  });
  const route = (req: IncomingMessage, res: ServerResponse) => {
    setSecurityHeaders(res);
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      return refuse(res, 403, 'Requests from other sites are not allowed.');
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if ((path === '/api-events' || path === '/api-upload') && options.core) {
      if (!tokenMatches(req.headers['x-pcs-token'], options.token)) return refuse(res, 401, TOKEN_REFUSAL);
      if (path === '/api-events') {
        if (req.method !== 'GET') return refuse(res, 405, 'Use GET for events.');
        return streamJobEvents(res, options.core.jobs.runner);
      }
      if (req.method !== 'POST') return refuse(res, 405, 'Use POST to upload a file.');
      handleUpload(req, res, options.uploads ?? (options.uploads = new UploadStore(MAX_UPLOAD_BYTES))).catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) refuse(res, 500, 'The file did not arrive whole. Nothing was saved from it; please try again.');
      });
      return;
    }
    if (path.startsWith('/blob/') && options.core && (req.method === 'GET' || req.method === 'HEAD')) {
      return sendBlob(res, options.core, path.slice('/blob/'.length), req.method === 'HEAD');
    }
    if (path.startsWith(API_PREFIX)) {
      handleApi(req, res, options, path.slice(API_PREFIX.length)).catch((error: unknown) => {
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
  };
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
            options.uploads?.dispose();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
