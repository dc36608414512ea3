import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDocx } from '../../../tests/fixtures/docx/makeDocx';
import { truncatedDocx } from '../../../tests/fixtures/hostile/generate';
import { makeTempDir, sha256 } from '../testing/testFiles';
import { pcsInProcess as pcs } from '../testing/pcsInProcess';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

const STATEMENT = makeDocx([
  { heading: 1, text: 'Introduction' },
  'We invited the peers back.',
  { heading: 1, text: 'Governance & culture' },
  'Decisions are made in the open.',
  { heading: 2, text: 'Scrutiny' },
  'Scrutiny is strong.',
  { heading: 1, text: 'Regeneration' },
  'The town centre is changing.',
]);

describe('pcs import-statement', () => {
  it('without --yes prints the mapping and leaves the file byte for byte as it was', async () => {
    const file = path.join(temp.dir, 'sefton.pcstudio');
    expect((await pcs('new', file, '--council', 'Sefton Council')).status).toBe(0);
    const docx = path.join(temp.dir, 'statement.docx');
    fs.writeFileSync(docx, STATEMENT);
    const before = sha256(file);
    const dry = await pcs('import-statement', file, docx);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('1. “Introduction” → the chapter “Introduction”');
    expect(dry.stdout).toContain('2. “Governance & culture” → the chapter “Governance and culture” (1 subsections)');
    expect(dry.stdout).toContain('3. “Regeneration” → a subsection of “Governance and culture”');
    expect(dry.stdout).toContain('Nothing was written.');
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(temp.dir).sort()).toEqual(['sefton.pcstudio', 'statement.docx']);
  });

  it('with --yes and --map imports, with the part moved where the user said', async () => {
    const file = path.join(temp.dir, 'sefton.pcstudio');
    await pcs('new', file, '--council', 'Sefton Council');
    const docx = path.join(temp.dir, 'statement.docx');
    fs.writeFileSync(docx, STATEMENT);
    const run = await pcs('import-statement', file, docx, '--yes', '--map', '3=focus-area');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('1 focus areas added');
    const info = JSON.parse((await pcs('info', file, '--json')).stdout) as { sections: Array<{ title: string; kind: string; depth: number; wordCount: number }> };
    expect(info.sections.find((s) => s.title === 'Regeneration')).toMatchObject({ kind: 'focus-area', depth: 0, wordCount: 5 });
    expect(info.sections.find((s) => s.title === 'Scrutiny')).toMatchObject({ depth: 1, wordCount: 3 });
  });

  it('a damaged document: a clear message, exit 1, nothing written', async () => {
    const file = path.join(temp.dir, 'sefton.pcstudio');
    await pcs('new', file, '--council', 'Sefton Council');
    const docx = path.join(temp.dir, 'cut.docx');
    fs.writeFileSync(docx, truncatedDocx());
    const before = sha256(file);
    const run = await pcs('import-statement', file, docx, '--yes');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/“cut.docx” could not be read as a Word document: it looks damaged or incomplete/);
    expect(sha256(file)).toBe(before);
  });
});

describe('pcs new --from', () => {
  it('starts from the previous assessment: same sections and text, the previous file untouched', async () => {
    const previous = path.join(temp.dir, 'sefton-2023.pcstudio');
    await pcs('new', previous, '--council', 'Sefton Council');
    const docx = path.join(temp.dir, 'statement.docx');
    fs.writeFileSync(docx, STATEMENT);
    await pcs('import-statement', previous, docx, '--yes');
    const before = sha256(previous);
    const next = path.join(temp.dir, 'sefton-2026.pcstudio');
    const made = await pcs('new', next, '--council', 'Sefton Council', '--from', previous, '--visit-date', '2026-11-02');
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(sha256(previous)).toBe(before);
    const shape = async (f: string) =>
      (JSON.parse((await pcs('info', f, '--json')).stdout) as { sections: unknown[] }).sections;
    const info = JSON.parse((await pcs('info', next, '--json')).stdout) as { assessment: { visitDate: string } };
    expect(info.assessment.visitDate).toBe('2026-11-02');
    expect(await shape(next)).toEqual(await shape(previous));
  });
});
