/**
 * The core in its own process, end to end: the real core entry (src/core/host/coreProcess.ts)
 * runs in a real Node child process, as Electron's utilityProcess runs it in the app, and this
 * client talks to it over the same message protocol, against real SQLite files.
 */
import { fork, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobEvent } from '../shared/contracts/jobs';
import { doc, makeTempDir } from '../core/testing/testFiles';
import { CORE_CRASHED_MESSAGE, CoreClient, type CoreChild, type RestartOutcome } from './coreClient';

const ENTRY = resolve(import.meta.dirname, '../core/host/coreProcess.ts');

let temp: ReturnType<typeof makeTempDir>;
const children: ChildProcess[] = [];
const restarts: RestartOutcome[] = [];
let client: CoreClient;

function forkCore(configDir: string): CoreChild {
  const child = fork(ENTRY, ['--config-dir', configDir], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    // Slow job steps, so a test can see progress and cancel (see testStepPause).
    env: { ...process.env, PCS_JOB_STEP_DELAY_MS: '200' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  return {
    postMessage: (message) => void child.send(message),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
}

function current(): ChildProcess {
  return children.at(-1)!;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((done) => child.once('exit', () => done()));
}

/** Every event of one job, until it ends. */
function eventsOf(jobId: Promise<string>): Promise<JobEvent[]> {
  const events: JobEvent[] = [];
  return new Promise((done) => {
    const stop = client.onJobEvent((event) => {
      void jobId.then((id) => {
        if (event.jobId !== id) return;
        events.push(event);
        if (!['queued', 'running'].includes(event.state)) {
          stop();
          done(events);
        }
      });
    });
  });
}

async function startJob(input: Parameters<CoreClient['invoke']>[1] & object): Promise<string> {
  return (await client.invoke('job-start', input as never)).jobId;
}

beforeAll(() => {
  temp = makeTempDir();
  client = new CoreClient({ spawn: () => forkCore(join(temp.dir, 'config')), onRestart: (outcome) => restarts.push(outcome) });
});

afterAll(async () => {
  await client.shutDown();
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  temp.cleanup();
});

describe('the core in its own process', () => {
  const file = () => join(temp.dir, 'Sefton.pcstudio');

  it('answers calls with their results, typed against the contract', async () => {
    const created = await client.invoke('assessment-create', { path: file(), councilName: 'Sefton Council' });
    expect(created).toMatchObject({ path: file(), councilName: 'Sefton Council' });
    const sections = await client.invoke('sections-list', {});
    expect(sections.length).toBeGreaterThan(5);
    // Raw calls, as the IPC handler forwards them, travel in the contract's envelope.
    expect(await client.call('sections-list', {})).toMatchObject({ ok: true });
    expect(current().pid).not.toBe(process.pid);
  });

  it('answers bad input with a clear message in the contract’s error shape', async () => {
    expect(await client.call('assessment-open', { path: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.any(String) } });
    expect(await client.call('no-such-method', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('does not know how to do') },
    });
    await expect(client.invoke('assessment-open', { path: join(temp.dir, 'missing.pcstudio') })).rejects.toMatchObject({
      name: 'AppError',
      code: 'not-found',
    });
  });

  it('streams a stored file for display, chunk by chunk', async () => {
    const source = join(temp.dir, 'note.txt');
    writeFileSync(source, 'Evidence for the peers. '.repeat(40_000));
    const stored = await client.invoke('file-store', { file: { kind: 'path', path: source }, mimeType: 'text/plain' });
    const { capability } = await client.invoke('file-display-link', { blobId: stored.blobId });
    const opened = await client.openBlob(capability);
    expect(opened).toMatchObject({ size: stored.size, mimeType: 'text/plain' });
    const chunks: Uint8Array[] = [];
    for await (const chunk of opened!.chunks) chunks.push(chunk);
    expect(Buffer.concat(chunks).equals(readFileSync(source))).toBe(true);
    expect(await client.openBlob('x'.repeat(40))).toBeNull();
  });

  it('carries a job’s progress events, and Cancel stops it writing nothing', async () => {
    const check = startJob({ kind: 'assessment-check-full', input: {} });
    const checked = await eventsOf(check);
    expect(checked.map((event) => event.state)).toContain('running');
    expect(checked.at(-1)).toMatchObject({ state: 'done', result: { ok: true } });

    const out = join(temp.dir, 'Statement.docx');
    const job = startJob({ kind: 'export-docx', input: { outPath: out } });
    const events = eventsOf(job);
    await client.invoke('job-cancel', { jobId: await job });
    expect((await events).at(-1)).toMatchObject({ state: 'cancelled' });
    // Nothing written: no Word file, and no half-written temporary file beside it.
    expect(readdirSync(temp.dir).filter((name) => name.includes('Statement'))).toEqual([]);
  });

  it('says plainly when the core crashes, fails its running jobs and restarts it, never hanging', async () => {
    await client.invoke('assessment-open', { path: file() });
    const crashed = current();
    const job = startJob({ kind: 'export-docx', input: { outPath: join(temp.dir, 'Crash.docx') } });
    const events = eventsOf(job);
    await job;
    // Frozen first, so the call is certainly still unanswered when the core dies (a busy machine
    // once let the core answer between the send and the kill).
    crashed.kill('SIGSTOP');
    const call = client.call('sections-list', {});
    crashed.kill('SIGKILL');
    expect(await call).toEqual({ ok: false, error: { code: 'internal', message: CORE_CRASHED_MESSAGE } });
    expect((await events).at(-1)).toMatchObject({ state: 'failed', error: { message: CORE_CRASHED_MESSAGE } });
    // Calls made meanwhile wait for the fresh core (and the file to be open in it again).
    expect(await client.call('sections-list', {})).toMatchObject({ ok: true });
    expect(restarts).toHaveLength(1);
    expect(current()).not.toBe(crashed);
  });

  it('opens the assessment again in the restarted core, so the user’s work carries on and lands in the file', async () => {
    const governance = (await client.invoke('sections-list', {})).find((s) => s.templateKey === 'theme.governance')!;
    await client.invoke('section-save-content', { id: governance.id, content: doc('Typed before the crash.') });
    expect(client.openAssessment()).toEqual({ path: file(), readOnly: false });
    const crashed = current();
    const before = restarts.length;
    // A save in flight when the core dies is answered plainly; the page's save queue sends it again.
    crashed.kill('SIGSTOP'); // Frozen, so the save is certainly in flight when it dies (see above).
    const lost = client.call('section-save-content', { id: governance.id, content: doc('Typed as it crashed.') });
    crashed.kill('SIGKILL');
    expect(await lost).toMatchObject({ ok: false, error: { message: CORE_CRASHED_MESSAGE } });
    // The retried save, sent at once: it waits for the file to be open again rather than failing
    // with "no assessment open".
    const retried = await client.invoke('section-save-content', { id: governance.id, content: doc('Typed after the restart.') });
    expect(retried.id).toBe(governance.id);
    expect(restarts.slice(before)).toEqual([{ kind: 'reopened', path: file(), readOnly: false, wasReadOnly: false }]);
    // Open for writing in the new core (the dead process's lock was recognised as abandoned).
    const open = await client.invoke('assessment-current', {});
    expect(open).toMatchObject({ path: file() });
    expect(open?.readOnly ?? null).toBeNull();
    expect(current()).not.toBe(crashed);
    const section = await client.invoke('section-get', { id: governance.id });
    expect(JSON.stringify(section.content)).toContain('Typed after the restart.');
  });

  it('shuts down on quit: closes the file (no WAL left) and ends the process', async () => {
    const child = current();
    await client.shutDown();
    await exited(child);
    expect(existsSync(`${file()}-wal`)).toBe(false);
    // The save made after the crash and restart is in the file itself.
    const db = new Database(file(), { readonly: true });
    const stored = db.prepare(`SELECT content_json FROM sections WHERE template_key = 'theme.governance'`).get() as { content_json: string };
    db.close();
    expect(stored.content_json).toContain('Typed after the restart.');
    expect(await client.call('sections-list', {})).toMatchObject({ ok: false, error: { message: 'Peer Challenge Studio is closing.' } });
  });
});
