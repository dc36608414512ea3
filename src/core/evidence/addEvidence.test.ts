import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../testing/openTestCore';
import { extractionWorkerCounts } from './extract/runExtraction';

const CORPUS = path.resolve(import.meta.dirname, '../../../../shared/corpus');

/** Files are read two at a time (two extraction workers); what the user sees keeps the order they gave. */
describe('evidence-add reads two files at a time', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await openTestCore('Sefton Council');
  });
  afterAll(() => t.cleanup());

  it('keeps the order given, adds the same bytes once, and fails a damaged file together with its copy', async () => {
    const copy = path.join(t.dir, 'plan again.pdf');
    fs.copyFileSync(path.join(CORPUS, 'sefton-corporate-plan-2024-2027.pdf'), copy);
    const damaged = path.join(t.dir, 'minutes.pdf');
    fs.writeFileSync(damaged, '%PDF-1.7\nnot really a PDF');
    const damagedCopy = path.join(t.dir, 'minutes copy.pdf');
    fs.copyFileSync(damaged, damagedCopy);
    const note = path.join(t.dir, 'note.txt');
    fs.writeFileSync(note, 'Budget note\nThe medium term financial plan is balanced.');
    const before = extractionWorkerCounts().started;

    const result = await t.api['evidence-add']({
      paths: [path.join(CORPUS, 'sefton-corporate-plan-2024-2027.pdf'), damaged, path.join(CORPUS, 'sefton-corporate-plan-2023-2026.pdf'), copy, damagedCopy, note],
    });

    expect(result.added.map((item) => item.fileName)).toEqual(['sefton-corporate-plan-2024-2027.pdf', 'sefton-corporate-plan-2023-2026.pdf', 'note.txt']);
    expect(result.duplicates.map((d) => d.message)).toEqual(['“plan again.pdf” is the same file as “sefton-corporate-plan-2024-2027.pdf”, so it was added once.']);
    // Named by the item it was added as (it was an empty id, which the contract refuses: the whole add failed).
    expect(result.duplicates[0]!.existingId).toBe(result.added[0]!.id);
    expect(result.failed.map((f) => f.fileName)).toEqual(['minutes.pdf', 'minutes copy.pdf']);
    expect(result.failed[1]!.message).toMatch(/^“minutes copy\.pdf” was not added\. /);
    // Two readers: at most two workers were started for the four files read (fewer if warm ones waited).
    expect(extractionWorkerCounts().started - before).toBeLessThanOrEqual(2);
    const list = await t.api['evidence-list']({});
    expect(list.map((item) => item.fileName)).toEqual(['sefton-corporate-plan-2024-2027.pdf', 'sefton-corporate-plan-2023-2026.pdf', 'note.txt']);
  }, 120_000);
});
