import fs from 'node:fs';
import { execFile } from 'node:child_process';
import { request, type IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core';
import { addBlobTables, peakMemoryGrowth, writeBigFile } from '../core/blobs/testing';
import { createDispatcher } from '../core/dispatch';
import { sha256 } from '../core/testing/testFiles';
import { CREATE_DEFAULTS } from '../core/testing/testFiles';
import { JobEventSchema, type JobEvent } from '../shared/contracts/jobs';
import { AllowedFolders } from './allowedFolders';
import { startWebServer, type RunningWebServer } from './server';
import { UploadStore } from './uploads';
import { createWebHandlers } from './webHandlers';

const MB = 1024 * 1024;
const token = 'test-token-abcdefghijklmnop';

function send(
  port: number,
  options: { method: string; path: string; headers?: Record<string, string>; body?: Buffer | string | fs.ReadStream },
): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
  return new Promise((resolvePromise, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method, path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    const body = options.body;
    if (body instanceof fs.ReadStream) body.pipe(req);
    else req.end(body);
  });
}

describe('browser mode: job events and files', () => {
  let dir: string;
  let core: Core;
  let server: RunningWebServer;
  let host: string;
  let filePath: string;

  const api = async (method: string, args: unknown) => {
    const res = await send(server.port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { host, 'content-type': 'application/json', 'x-pcs-token': token },
      body: JSON.stringify(args),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads its own method's result shape.
    return JSON.parse(res.body.toString()) as { ok: boolean; value?: any; error?: { message: string } };
  };
  const upload = (body: Buffer | fs.ReadStream, headers: Record<string, string> = {}) =>
    send(server.port, {
      method: 'POST',
      path: '/api-upload',
      headers: { host, 'content-type': 'application/octet-stream', 'x-pcs-token': token, ...headers },
      body,
    });

  beforeAll(async () => {
    dir = fs.mkdtempSync(join(tmpdir(), 'pcs-web-jobs-'));
    fs.mkdirSync(join(dir, 'static'));
    fs.writeFileSync(join(dir, 'static', 'index.html'), '<!doctype html><title>x</title>');
    core = createCore({ configDir: join(dir, 'config') });
    const uploads = new UploadStore(60 * MB);
    const handlers = createWebHandlers({ core, version: '0.0.0', folders: new AllowedFolders(dir, join(dir, 'config')), uploads });
    server = await startWebServer({ dispatch: createDispatcher(handlers), staticDir: join(dir, 'static'), token, core, uploads });
    host = `127.0.0.1:${server.port}`;
    filePath = (await api('assessment-create', { ...CREATE_DEFAULTS, path: join(dir, 'Sefton'), councilName: 'Sefton Council' })).value.path;
    await addBlobTables(core, filePath);
  });
  afterAll(async () => {
    await server.close();
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('streams job events over GET /api-events (token in a header) while a job runs', async () => {
    const events: JobEvent[] = [];
    let buffer = '';
    const stream = await new Promise<IncomingMessage>((resolvePromise, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/api-events', headers: { host, 'x-pcs-token': token } }, resolvePromise);
      req.on('error', reject);
      req.end();
    });
    expect(stream.statusCode).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    stream.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = message.split('\n').find((line) => line.startsWith('data: '));
        if (data) events.push(JobEventSchema.parse(JSON.parse(data.slice(6))));
      }
    });
    const started = await api('job-start', { kind: 'assessment-save-copy', input: { path: 'Sefton clean copy' } });
    expect(started.ok).toBe(true);
    await expect.poll(() => events.find((e) => e.jobId === started.value.jobId && e.state === 'done'), { timeout: 10_000 }).toBeTruthy();
    expect(events.some((e) => e.state === 'running' && e.progress.step === 'Copying the assessment')).toBe(true);
    // The browser-mode path was resolved inside the allowed folder.
    expect(fs.existsSync(join(dir, 'Sefton clean copy.pcstudio'))).toBe(true);
    stream.destroy();
  });

  it('refuses the event stream and uploads without the token', async () => {
    expect((await send(server.port, { method: 'GET', path: '/api-events', headers: { host } })).status).toBe(401);
    expect((await send(server.port, { method: 'POST', path: '/api-upload', headers: { host }, body: 'abc' })).status).toBe(401);
  });

  it('takes a 50 MB upload streamed to disk with memory bounded, stores it once, and shows it by capability', async () => {
    const big = join(dir, 'plan.pdf');
    writeBigFile(big, 50);
    // Sent by curl from another process (streaming the file as a browser does), so what is
    // measured is the server alone.
    const sent = await peakMemoryGrowth(() =>
      promisify(execFile)('curl', [
        '-sS', '-X', 'POST', '-T', big, '-H', 'Content-Type: application/octet-stream', '-H', `X-PCS-Token: ${token}`,
        `http://${host}/api-upload`,
      ]),
    );
    // The server never held the file whole: growth stays well below its 50 MB.
    expect(sent.arrayBuffers).toBeLessThan(16 * MB);
    expect(sent.rss).toBeLessThan(32 * MB);
    const { uploadId, size } = JSON.parse(sent.value.stdout).value;
    expect(size).toBe(50 * MB);

    const stored = await api('file-store', { file: { kind: 'upload', uploadId }, mimeType: 'application/pdf' });
    expect(stored.value).toEqual({ blobId: sha256(big), size: 50 * MB, added: true });
    // The upload is used once: its temporary file is gone, and the id no longer works.
    const reused = await api('file-store', { file: { kind: 'upload', uploadId } });
    expect(reused.error?.message).toMatch(/upload is not known/);
    // The same file by path (as Electron sends it) is not stored again.
    expect((await api('file-store', { file: { kind: 'path', path: big } })).value.added).toBe(false);

    const link = await api('file-display-link', { blobId: stored.value.blobId });
    const shown = await send(server.port, { method: 'GET', path: `/blob/${link.value.capability}`, headers: { host } });
    expect(shown.status).toBe(200);
    expect(shown.headers['content-type']).toBe('application/pdf');
    expect(shown.headers['content-security-policy']).toContain('sandbox');
    expect(shown.body.length).toBe(50 * MB);
    const expired = await send(server.port, { method: 'GET', path: `/blob/${'a'.repeat(32)}`, headers: { host } });
    expect(expired.status).toBe(404);
    // 50 MB goes through curl, the upload, SHA-256, the blob store and back: seconds on an idle
    // machine, but a loaded 2-core CI box has taken over a minute. Memory, not time, is asserted.
  }, 180_000);

  it('offers a finished export for download at /blob/<capability>, as an attachment with its name and type', async () => {
    const started = await api('job-start', { kind: 'export-docx', input: { outPath: join(dir, 'Sefton – statement.docx') } });
    expect(started.ok).toBe(true);
    const { jobId } = started.value;
    await expect.poll(async () => (await api('job-status', { jobId })).value.state, { timeout: 20_000 }).toBe('done');

    const link = await api('export-download-link', { jobId });
    expect(link.ok).toBe(true);
    expect(link.value.fileName).toBe('Sefton – statement.docx');
    const got = await send(server.port, { method: 'GET', path: `/blob/${link.value.capability}`, headers: { host } });
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="Sefton _ statement.docx"; filename*=UTF-8''${encodeURIComponent('Sefton – statement.docx')}`,
    );
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.body.equals(fs.readFileSync(join(dir, 'Sefton – statement.docx')))).toBe(true);

    // Only an export job's own result can be downloaded: not another kind of job, not an unknown one.
    const copy = await api('job-start', { kind: 'assessment-save-copy', input: { path: join(dir, 'copy for download') } });
    await expect.poll(async () => (await api('job-status', { jobId: copy.value.jobId })).value.state, { timeout: 10_000 }).toBe('done');
    expect((await api('export-download-link', { jobId: copy.value.jobId })).error?.message).toBe('Only an exported file can be downloaded.');
    expect((await api('export-download-link', { jobId: 'a'.repeat(36) })).ok).toBe(false);
  }, 30_000);

  it('keeps an export inside the allowed folders, as a job or called directly', async () => {
    const outside = join(tmpdir(), `pcs-outside-${process.pid}.docx`);
    const asJob = await api('job-start', { kind: 'export-docx', input: { outPath: outside } });
    expect(asJob.error?.message).toMatch(/only uses files in the folder/);
    const pack = await api('job-start', { kind: 'export-evidence-pack', input: { outPath: join(tmpdir(), 'pcs-outside.zip') } });
    expect(pack.error?.message).toMatch(/only uses files in the folder/);
    const direct = await api('export-docx', { outPath: outside, templatePath: '/etc/passwd' });
    expect(direct.error?.message).toMatch(/only uses files in the folder/);
    expect(fs.existsSync(outside)).toBe(false);
  });

  it('refuses an upload over the limit with a clear 413, keeping nothing', async () => {
    const tooBig = await upload(Buffer.alloc(1024), { 'content-length': String(61 * MB) }).catch(() => null);
    // Either the 413 arrived, or the connection was cut after it; with a declared size it arrives.
    expect(tooBig?.status).toBe(413);
    expect(JSON.parse(tooBig!.body.toString()).error.message).toMatch(/too big to add: the limit is 60 MB/);
  });
});
