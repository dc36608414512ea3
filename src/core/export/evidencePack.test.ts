import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/testFiles';
import { exportEvidencePack, packFileName } from './evidencePack';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('pcs-pack-');
});
afterEach(() => temp.cleanup());

const SEFTON_PDF = path.resolve(__dirname, '../../../../shared/corpus/sefton-corporate-plan-2024-2027.pdf');

describe('the evidence pack', () => {
  it('names each file by its key-document number and title, as the peers receive it', () => {
    expect(packFileName({ number: '6a', title: 'Budget monitoring report to Cabinet', fileName: 'bmr-q2.PDF' })).toBe(
      '06a Budget monitoring report to Cabinet.pdf',
    );
    expect(packFileName({ number: '12', title: 'Plan: "2024/27"?', fileName: 'plan.docx' })).toBe('12 Plan 2024 27.docx');
  });

  it('writes a ZIP of every file with an index, read back with unzip', async () => {
    const out = path.join(temp.dir, 'evidence.zip');
    const pdf = fs.existsSync(SEFTON_PDF) ? fs.readFileSync(SEFTON_PDF) : Buffer.from('%PDF-1.4 test');
    const result = await exportEvidencePack(
      {
        items: [
          { number: '6a', title: 'Budget monitoring report to Cabinet', fileName: 'a.pdf', read: () => pdf },
          { number: '6b', title: 'Corporate plan', fileName: 'b.txt', read: async () => Buffer.from('The plan.') },
          { number: '6b', title: 'Corporate plan', fileName: 'c.txt', read: () => Buffer.from('Another.') },
        ],
      },
      { outPath: out },
    );
    expect(result.fileCount).toBe(3);
    const listing = execFileSync('unzip', ['-Z1', out], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(listing).toEqual([
      '06a Budget monitoring report to Cabinet.pdf',
      '06b Corporate plan (2).txt',
      '06b Corporate plan.txt',
      'index.csv',
      'index.html',
    ]);
    expect(execFileSync('unzip', ['-p', out, '06a Budget monitoring report to Cabinet.pdf']).equals(pdf)).toBe(true);
    const csv = execFileSync('unzip', ['-p', out, 'index.csv'], { encoding: 'utf8' });
    expect(csv).toContain('6a,Budget monitoring report to Cabinet,06a Budget monitoring report to Cabinet.pdf');
    expect(execFileSync('unzip', ['-p', out, 'index.html'], { encoding: 'utf8' })).toContain('lang="en-GB"');
  });

  it('a cancelled pack leaves nothing behind', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      exportEvidencePack({ items: [{ number: '1', title: 'A', fileName: 'a.pdf', read: () => Buffer.from('x') }] }, { outPath: path.join(temp.dir, 'p.zip') }, { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(fs.readdirSync(temp.dir)).toEqual([]);
  });
});
