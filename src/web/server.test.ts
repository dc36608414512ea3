import { request } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core';
import { createDispatcher } from '../core/dispatch';
import { startWebServer, type RunningWebServer } from './server';
import { AllowedFolders } from './allowedFolders';
import { createWebHandlers } from './webHandlers';

/** Raw HTTP, so that tests can send the Host and Origin headers a browser would not let us. */
function call(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolvePromise, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe('browser mode server', () => {
  const token = 'test-token-abcdefghijklmnop';
  let dir: string;
  let core: Core;
  let server: RunningWebServer;
  let host: string;

  const api = (method: string, args: unknown, headers: Record<string, string> = {}) =>
    call(server.port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { host, 'content-type': 'application/json', 'x-pcs-token': token, ...headers },
      body: JSON.stringify(args),
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pcs-web-'));
    const staticDir = join(dir, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Peer Challenge Studio</title>');
    writeFileSync(join(dir, 'secret.txt'), 'not for the browser');
    core = createCore({ configDir: join(dir, 'config') });
    const handlers = createWebHandlers({ core, version: '0.0.0', folders: new AllowedFolders(dir, join(dir, 'config')) });
    server = await startWebServer({
      dispatch: createDispatcher(handlers, { currentSessionId: core.sessionId }),
      staticDir,
      token,
    });
    host = `127.0.0.1:${server.port}`;
  });

  afterAll(async () => {
    await server.close();
    core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on the loopback address only', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const address = server.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });

  it('serves the app with a strict content security policy', async () => {
    const res = await call(server.port, { path: '/', headers: { host } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('Peer Challenge Studio');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('never serves files outside the app folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await call(server.port, { path, headers: { host } });
      expect(res.body).not.toContain('not for the browser');
    }
  });

  it('refuses API calls without the right token', async () => {
    const none = await api('app-info', {}, { 'x-pcs-token': '' });
    expect(none.status).toBe(401);
    const wrong = await api('app-info', {}, { 'x-pcs-token': 'test-token-abcdefghijklmnoX' });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body).error.message).toMatch(/npm run web/);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const res = await api('app-info', {}, { host: `evil.example:${server.port}` });
    expect(res.status).toBe(403);
    const page = await call(server.port, { path: '/', headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('refuses calls from another site', async () => {
    const res = await api('app-info', {}, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });

  it('refuses bodies that are not JSON or too large', async () => {
    const bad = await call(server.port, {
      method: 'POST',
      path: '/api/app-info',
      headers: { host, 'content-type': 'application/json', 'x-pcs-token': token },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
    const huge = await call(server.port, {
      method: 'POST',
      path: '/api/app-info',
      headers: { host, 'content-type': 'application/json', 'x-pcs-token': token },
      body: Buffer.alloc(17 * 1024 * 1024, 0x20),
    });
    // A real 413 with its explanation, not a connection reset.
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body).error.message).toMatch(/too much to send/);
  });

  it('answers a too-large body sent in chunks (no Content-Length) with a real 413', async () => {
    const huge = await call(server.port, {
      method: 'POST',
      path: '/api/app-info',
      headers: { host, 'content-type': 'application/json', 'x-pcs-token': token, 'transfer-encoding': 'chunked' },
      body: Buffer.alloc(17 * 1024 * 1024, 0x20),
    });
    expect(huge.status).toBe(413);
  });

  it('fails closed with a 400 on malformed requests, and keeps serving (issue #6)', async () => {
    for (const path of ['/api/%E0%A4%A', '/api/%', '/api/%ZZ', '/api/app-info%']) {
      const res = await call(server.port, {
        method: 'POST',
        path,
        headers: { host, 'content-type': 'application/json', 'x-pcs-token': token },
        body: '{}',
      });
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.body).ok).toBe(false);
    }
    // Without the token the same request is refused before anything is parsed.
    const noToken = await call(server.port, { method: 'POST', path: '/api/%E0%A4%A', headers: { host } });
    expect(noToken.status).toBe(401);
    const badSession = await api('app-info', {}, { 'x-pcs-session': '../../etc' });
    expect(badSession.status).toBe(400);
    const page = await call(server.port, { path: '/%E0%A4%A', headers: { host } });
    expect(page.status).toBe(404);
    // Still alive.
    expect((await api('app-info', {})).status).toBe(200);
  });

  it('carries the real core: create an assessment and list its sections', async () => {
    const info = JSON.parse((await api('app-info', {})).body);
    expect(info).toMatchObject({ ok: true, value: { mode: 'web', nativeDialogs: false } });

    const created = JSON.parse(
      (await api('assessment-create', { path: join(dir, 'Sefton.pcstudio'), councilName: 'Sefton Council' })).body,
    );
    expect(created.ok).toBe(true);
    expect(created.value.councilName).toBe('Sefton Council');

    const sections = JSON.parse((await api('sections-list', {})).body);
    const themes = sections.value.filter((s: { kind: string }) => s.kind === 'theme').map((s: { title: string }) => s.title);
    expect(themes).toEqual([
      'Local priorities and outcomes',
      'Organisational and place leadership',
      'Governance and culture',
      'Financial planning and management',
      'Capacity for improvement',
    ]);
  });

  it('answers bad arguments with a plain message, not a crash', async () => {
    const res = JSON.parse((await api('section-rename', { id: 'x', title: '   ' })).body);
    expect(res.ok).toBe(false);
    expect(res.error.code).toBe('invalid-input');
    expect(res.error.message).toMatch(/title/i);
    const unknown = JSON.parse((await api('drop-tables', {})).body);
    expect(unknown.ok).toBe(false);
  });

  it('resolves relative paths in the default folder (issue #8, defect 6)', async () => {
    const created = JSON.parse((await api('assessment-create', { path: 'Relative.pcstudio', councilName: 'Wirral Council' })).body);
    expect(created).toMatchObject({ ok: true, value: { path: join(dir, 'Relative.pcstudio') } });
    expect(existsSync(join(dir, 'Relative.pcstudio'))).toBe(true);
    expect(existsSync(join(process.cwd(), 'Relative.pcstudio'))).toBe(false);
  });

  it('keeps browser mode out of folders the user has not allowed, without telling what exists there', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'pcs-outside-'));
    try {
      writeFileSync(join(outside, 'there.pcstudio'), 'x');
      const create = JSON.parse((await api('assessment-create', { path: join(outside, 'New.pcstudio'), councilName: 'X' })).body);
      expect(create).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
      expect(existsSync(join(outside, 'New.pcstudio'))).toBe(false);
      const escape = JSON.parse((await api('assessment-create', { path: '../New.pcstudio', councilName: 'X' })).body);
      expect(escape).toMatchObject({ ok: false, error: { code: 'not-allowed' } });

      // Whether the file is there or not, the answer is the same.
      const present = JSON.parse((await api('assessment-open', { path: join(outside, 'there.pcstudio') })).body);
      const absent = JSON.parse((await api('assessment-open', { path: join(outside, 'nowhere.pcstudio') })).body);
      expect(present).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
      expect(absent).toEqual(present);
      expect(present.error.message).toContain(dir);
      const passwd = JSON.parse((await api('assessment-open', { path: '/etc/passwd' })).body);
      expect(passwd.error).toEqual(present.error);

      // A symbolic link inside the allowed folder does not lead out of it.
      symlinkSync(outside, join(dir, 'link-out'));
      const viaLink = JSON.parse((await api('assessment-create', { path: 'link-out/Sneaky.pcstudio', councilName: 'X' })).body);
      expect(viaLink).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
      expect(existsSync(join(outside, 'Sneaky.pcstudio'))).toBe(false);

      // The templates folder is fenced the same way.
      const etc = JSON.parse((await api('templates-set-folder', { folder: '/etc' })).body);
      expect(etc).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
      mkdirSync(join(dir, 'my-templates'));
      const inside = JSON.parse((await api('templates-set-folder', { folder: 'my-templates' })).body);
      expect(inside.ok).toBe(true);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('lets the user add a folder from the terminal, never from a request', async () => {
    const extra = mkdtempSync(join(tmpdir(), 'pcs-extra-'));
    try {
      const before = JSON.parse((await api('assessment-create', { path: join(extra, 'A.pcstudio'), councilName: 'X' })).body);
      expect(before.ok).toBe(false);
      new AllowedFolders(dir, join(dir, 'config')).add(extra);
      const after = JSON.parse((await api('assessment-create', { path: join(extra, 'A.pcstudio'), councilName: 'X' })).body);
      expect(after.ok).toBe(true);
    } finally {
      await api('assessment-close', {});
      rmSync(extra, { recursive: true, force: true });
    }
  });
});
