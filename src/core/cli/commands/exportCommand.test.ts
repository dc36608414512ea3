import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docxPart } from '../../export/testing/readDocx';
import { makeTempDir } from '../../testing/testFiles';
import { pcsInProcess as pcs } from '../../testing/pcsInProcess';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('pcs export', () => {
  it('--docx --draft writes a Word file with the title and the watermark', async () => {
    const file = path.join(temp.dir, 'a.pcstudio');
    expect((await pcs('new', file, '--council', 'Testshire Council')).status).toBe(0);
    const out = path.join(temp.dir, 'statement.docx');
    const result = await pcs('export', file, '--docx', out, '--draft');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Wrote .*statement\.docx \(\d+ KB, 0 headings\)/);
    // A new statement has nothing written: say why the document is only a cover.
    expect(result.stdout).toContain('Nothing is written in the statement yet');
    expect(docxPart(out, 'docProps/core.xml')).toContain('<dc:creator>Testshire Council</dc:creator>');
    expect(docxPart(out, 'word/header2.xml') + docxPart(out, 'word/header1.xml')).toContain('string="DRAFT"');
  });

  it('asks what to export, and says plainly when there is no evidence for a pack', async () => {
    const file = path.join(temp.dir, 'a.pcstudio');
    await pcs('new', file, '--council', 'Testshire Council');
    const nothing = await pcs('export', file);
    expect(nothing.status).toBe(2);
    expect(nothing.stderr).toContain('--docx <out.docx> or --evidence-pack <out.zip>');
    const pack = await pcs('export', file, '--evidence-pack', path.join(temp.dir, 'pack.zip'));
    expect(pack.status).toBe(1);
    expect(pack.stderr).toContain('no evidence files yet');
    expect(fs.existsSync(path.join(temp.dir, 'pack.zip'))).toBe(false);
  });
});
