import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../testing/openTestCore';
import { makeTempDir, sha256 } from '../testing/testFiles';

/** `recommendations-import-plan-file`: the import dialog's "Choose a report…", on real files. */
const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const STATEMENT_2023 = path.join(CORPUS, 'lga-peer-challenge-self-assessment-2023');

let t: TestCore;
let temp: ReturnType<typeof makeTempDir>;
beforeEach(async () => {
  t = await openTestCore();
  temp = makeTempDir('pcs-recs-file-');
});
afterEach(() => {
  t.cleanup();
  temp.cleanup();
});

const plan = (filePath: string) =>
  t.api['recommendations-import-plan-file']({ source: '2022 progress review', file: { kind: 'path', path: filePath } });

describe('planning an import from a report file', () => {
  it('finds A to F in the real 2023 statement, DOCX and PDF, and saves nothing', async () => {
    const before = sha256(t.filePath);
    for (const ext of ['docx', 'pdf'] as const) {
      const result = await plan(`${STATEMENT_2023}.${ext}`);
      expect(result.kind).toBe(ext);
      expect(result.fileName).toBe(`lga-peer-challenge-self-assessment-2023.${ext}`);
      expect(result.heading).toBe('Peer Team Recommendations from the 2022 Revisit');
      expect(result.items.map((i) => i.label)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
      expect(result.problems).toEqual([]);
    }
    expect(await t.api['recommendations-list']({})).toEqual([]);
    expect(sha256(t.filePath)).toBe(before);
  });

  it('reads a text file that is just the list', async () => {
    const file = path.join(temp.dir, 'list.txt');
    fs.writeFileSync(file, '1) Refresh the vision.\n2) Review the localities model.\n');
    const result = await plan(file);
    expect(result.items.map((i) => [i.label, i.text])).toEqual([
      ['1', 'Refresh the vision.'],
      ['2', 'Review the localities model.'],
    ]);
  });

  it('says clearly, naming the file, when a report has no recognisable recommendations or no text', async () => {
    const result = await plan(path.join(CORPUS, 'sefton-corporate-plan-2023-2026.docx'));
    expect(result.items).toEqual([]);
    expect(result.problems.map((p) => p.code)).toEqual(['none-found']);
    expect(result.problems[0]!.message).toMatch(/^“sefton-corporate-plan-2023-2026\.docx”: No recommendations were recognised in this document/);
    const empty = path.join(temp.dir, 'empty.txt');
    fs.writeFileSync(empty, '  \n');
    expect((await plan(empty)).problems[0]!.message).toMatch(/^“empty\.txt” has no text to read/);
  });

  it('refuses a damaged file with a message, not a crash', async () => {
    const bad = path.join(temp.dir, 'report.pdf');
    fs.writeFileSync(bad, '%PDF-1.7 this is not really a PDF');
    await expect(plan(bad)).rejects.toThrow(/could not be read as a PDF/);
    // An upload's temporary file has a meaningless name: messages use the one the user chose.
    await expect(
      t.api['recommendations-import-plan-file']({ source: 'x', file: { kind: 'path', path: bad }, fileName: 'Feedback 2022.pdf' }),
    ).rejects.toThrow(/^“Feedback 2022\.pdf” could not be read as a PDF/);
  });
});
