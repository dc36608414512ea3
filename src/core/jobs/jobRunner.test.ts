import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobEvent } from '../../shared/contracts/jobs';
import { openTestCore, type TestCore } from '../testing/openTestCore';
import { doc, sha256 } from '../testing/testFiles';
import { JobRunner } from './jobRunner';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => {
  delete process.env.PCS_JOB_STEP_DELAY_MS;
  t.cleanup();
});

/** The open file's bytes on disk: the main file and its WAL (where edits wait while it is open). */
function fileBytes(filePath: string): string {
  const wal = `${filePath}-wal`;
  return sha256(filePath) + (fs.existsSync(wal) ? sha256(wal) : '-');
}

function collect(core: TestCore['core']): { events: JobEvent[]; ended(jobId: string): Promise<JobEvent> } {
  const events: JobEvent[] = [];
  const waiters = new Map<string, (event: JobEvent) => void>();
  core.jobs.runner.subscribe((event) => {
    events.push(event);
    if (['done', 'failed', 'cancelled'].includes(event.state)) waiters.get(event.jobId)?.(event);
  });
  return {
    events,
    ended: (jobId) =>
      new Promise((resolvePromise) => {
        const already = events.find((e) => e.jobId === jobId && ['done', 'failed', 'cancelled'].includes(e.state));
        if (already) resolvePromise(already);
        else waiters.set(jobId, resolvePromise);
      }),
  };
}

async function addDeletedSection(secret: string) {
  const parent = (await t.api['sections-list']({})).find((s) => s.kind === 'theme')!;
  const added = await t.api['section-add']({ parentId: parent.id, title: 'Draft to remove' });
  await t.api['section-save-content']({ id: added.id, content: doc(secret) });
  await t.api['section-delete']({ id: added.id });
}

describe('the job lane: Save a clean copy', () => {
  it('reports progress in steps and writes a compact copy without the deleted sections', async () => {
    await addDeletedSection('A confidential aside about the budget.');
    const jobs = collect(t.core);
    const target = path.join(t.dir, 'clean copy');
    const { jobId } = await t.api['job-start']({ kind: 'assessment-save-copy', input: { path: target } });
    const end = await jobs.ended(jobId);
    expect(end.state, JSON.stringify(end.error)).toBe('done');
    const running = jobs.events.filter((e) => e.jobId === jobId && e.state === 'running');
    expect(running.map((e) => e.progress.step)).toEqual(
      expect.arrayContaining(['Copying the assessment', 'Leaving out deleted sections', 'Putting the copy in place']),
    );
    expect(running.filter((e) => e.progress.step !== 'Starting').every((e) => e.progress.total === 3)).toBe(true);
    const result = end.result as { path: string; bytes: number };
    expect(result.path).toBe(`${target}.pcstudio`);
    expect(fs.readdirSync(t.dir).filter((name) => name.includes('.tmp-'))).toEqual([]);

    // The copy opens, has the live sections and none of the deleted text anywhere in its bytes.
    const copy = new Database(result.path, { readonly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM sections WHERE deleted_at IS NOT NULL').get() as { n: number }).n).toBe(0);
    expect((copy.prepare('SELECT count(*) AS n FROM sections').get() as { n: number }).n).toBeGreaterThan(3);
    copy.close();
    expect(fs.readFileSync(result.path).includes(Buffer.from('confidential aside'))).toBe(false);
    // The open assessment still has its bin.
    expect((await t.api['sections-deleted-list']({})).length).toBe(1);
    expect((await t.api['job-status']({ jobId })).state).toBe('done');
  });

  it('cancelled part-way leaves the open file byte-for-byte unchanged and no partial copy', async () => {
    process.env.PCS_JOB_STEP_DELAY_MS = '200';
    const jobs = collect(t.core);
    const before = fileBytes(t.filePath);
    const target = path.join(t.dir, 'copy');
    const { jobId } = await t.api['job-start']({ kind: 'assessment-save-copy', input: { path: target } });
    // Wait until the copy is under way, with its temporary file on disk, then cancel.
    await expect.poll(() => jobs.events.some((e) => e.jobId === jobId && e.progress.step === 'Leaving out deleted sections')).toBe(true);
    await t.api['job-cancel']({ jobId });
    const end = await jobs.ended(jobId);
    expect(end.state).toBe('cancelled');
    expect(fileBytes(t.filePath)).toBe(before);
    expect(fs.readdirSync(t.dir).filter((name) => name.startsWith('copy'))).toEqual([]);
  });

  it('refuses a target that exists, with a plain message, and writes nothing', async () => {
    const jobs = collect(t.core);
    fs.writeFileSync(path.join(t.dir, 'taken.pcstudio'), 'x');
    const { jobId } = await t.api['job-start']({ kind: 'assessment-save-copy', input: { path: path.join(t.dir, 'taken') } });
    const end = await jobs.ended(jobId);
    expect(end.state).toBe('failed');
    expect(end.error?.message).toMatch(/There is already a file called “taken.pcstudio”/);
    expect(fs.readFileSync(path.join(t.dir, 'taken.pcstudio'), 'utf8')).toBe('x');
  });

  it('runs the full integrity check on demand as a job', async () => {
    const jobs = collect(t.core);
    const { jobId } = await t.api['job-start']({ kind: 'assessment-check-full', input: {} });
    const end = await jobs.ended(jobId);
    expect(end.state).toBe('done');
    expect(end.result).toEqual({ ok: true, problems: [] });
    expect(jobs.events.some((e) => e.jobId === jobId && e.progress.step.startsWith('Checking '))).toBe(true);
  });

  it('checks a job’s input against its kind’s schema', async () => {
    await expect(t.api['job-start']({ kind: 'assessment-save-copy', input: {} } as never)).rejects.toThrow();
  });
});

describe('JobRunner', () => {
  it('runs jobs for the same assessment one at a time, in order', async () => {
    const runner = new JobRunner();
    const log: string[] = [];
    const job = (name: string) => async () => {
      log.push(`${name} start`);
      await new Promise((r) => setTimeout(r, 20));
      log.push(`${name} end`);
    };
    runner.start('assessment-check-full', 'a', job('one'));
    runner.start('assessment-check-full', 'a', job('two'));
    await runner.idle();
    expect(log).toEqual(['one start', 'one end', 'two start', 'two end']);
  });

  it('cancels a queued job before it starts, and says not-found for unknown jobs', async () => {
    const runner = new JobRunner();
    const events: JobEvent[] = [];
    runner.subscribe((e) => events.push(e));
    let ranSecond = false;
    runner.start('assessment-check-full', 'a', () => new Promise((r) => setTimeout(r, 30)));
    const second = runner.start('assessment-check-full', 'a', async () => {
      ranSecond = true;
    });
    runner.cancel(second);
    await runner.idle();
    expect(ranSecond).toBe(false);
    expect(runner.status(second).state).toBe('cancelled');
    expect(() => runner.status('no-such-job')).toThrow(/not known/);
  });
});
