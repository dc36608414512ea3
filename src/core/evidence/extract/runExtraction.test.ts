import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { endExtractionWorkers, extractInWorker, extractionWorkerCounts } from './runExtraction';
import { DEFAULT_LIMITS } from './types';

const CORPUS = path.resolve(import.meta.dirname, '../../../../../shared/corpus');
const PLAN_2024 = path.join(CORPUS, 'sefton-corporate-plan-2024-2027.pdf');
const PLAN_2023 = path.join(CORPUS, 'sefton-corporate-plan-2023-2026.pdf');

describe('extraction workers are kept warm between files, and never reused after trouble', () => {
  afterAll(() => endExtractionWorkers());

  it('reads two files in a row with one worker, and gets the same text as a fresh worker', async () => {
    await endExtractionWorkers();
    const before = extractionWorkerCounts().started;
    const first = await extractInWorker(PLAN_2024, 'plan-2024.pdf');
    expect(extractionWorkerCounts().idle).toBe(1);
    const second = await extractInWorker(PLAN_2023, 'plan-2023.pdf');
    expect(extractionWorkerCounts().started - before).toBe(1);
    expect(first.pages).toHaveLength(15);
    expect(second.pages).toHaveLength(22);
    expect(first.pages[11]!.replace(/\s+/g, ' ')).toMatch(/brownfield land grant/i);

    await endExtractionWorkers();
    const fresh = await extractInWorker(PLAN_2024, 'plan-2024.pdf');
    expect(fresh).toEqual(first);
  }, 60_000);

  it('ends a worker that ran out of time instead of reusing it; the next file still reads', async () => {
    await extractInWorker(PLAN_2024, 'warm.pdf'); // a warm worker waits
    await expect(extractInWorker(PLAN_2024, 'slow.pdf', { limits: { ...DEFAULT_LIMITS, timeoutMs: 1 } })).rejects.toThrow(/took longer than/);
    expect(extractionWorkerCounts().idle).toBe(0);
    const again = await extractInWorker(PLAN_2024, 'again.pdf');
    expect(again.pages).toHaveLength(15);
  }, 60_000);

  it('ends a cancelled worker; a refused file leaves its worker fit for the next', async () => {
    const controller = new AbortController();
    const pending = extractInWorker(PLAN_2023, 'cancelled.pdf', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow('Cancelled');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcs-extract-'));
    try {
      const empty = path.join(dir, 'empty.txt');
      fs.writeFileSync(empty, '');
      await endExtractionWorkers();
      await expect(extractInWorker(empty, 'empty.txt')).rejects.toThrow(/empty/);
      expect(extractionWorkerCounts().idle).toBe(1);
      expect((await extractInWorker(PLAN_2024, 'after.pdf')).pages).toHaveLength(15);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a warm worker waiting for the next file does not keep the process from ending', () => {
    // `pcs evidence add` must end when the work is done, not when the idle worker's time runs out.
    const script = `
      import { extractInWorker } from ${JSON.stringify(path.join(import.meta.dirname, 'runExtraction.ts'))};
      const doc = await extractInWorker(${JSON.stringify(PLAN_2024)}, 'plan.pdf');
      console.log(doc.pages.length);
    `;
    const started = Date.now();
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(child.stdout.trim()).toBe('15');
    expect(child.status).toBe(0);
    // The idle worker is kept 15 seconds; the process must not wait for that.
    expect(Date.now() - started).toBeLessThan(14_000);
  }, 60_000);
});
