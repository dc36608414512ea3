import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docxExternalRelationships, docxZipBomb, truncatedDocx } from '../../../tests/fixtures/hostile/generate';
import { letterDocx, makeDocx } from '../../../tests/fixtures/docx/makeDocx';
import { AppError } from '../../shared/errors';
import { OpenAssessment } from '../assessment/openAssessment';
import { openTestCore, type TestCore } from '../testing/openTestCore';
import { applyStatementImport, importChapters, IMPORT_CANCELLED } from './applyStatementImport';
import { checkDocxArchive } from './docxArchive';
import { planStatementImport } from './planStatementImport';

/** Everything the binder holds, with every section's text: what "nothing changed" compares. */
async function binderSnapshot(t: TestCore): Promise<string> {
  const sections = await t.api['sections-list']({});
  const full = await Promise.all(sections.map((s) => t.api['section-get']({ id: s.id })));
  return JSON.stringify(full.map((s) => ({ id: s.id, parentId: s.parentId, position: s.position, title: s.title, content: s.content, revision: s.revision })));
}

const SMALL_STATEMENT = [
  { heading: 1, text: 'Introduction' },
  'We invited the peers back.',
  { heading: 1, text: 'Local priorities & outcomes' },
  { bullet: 'We know our places' },
  { bullet: 'Our plan is new' },
  'Our priorities are clear.',
  { heading: 2, text: 'Children first' },
  'Children are our first priority.',
  { heading: 1, text: 'Our governance' },
  'Decisions are made in the open.',
  { heading: 2, text: 'Scrutiny' },
  'Scrutiny is strong.',
  { heading: 1, text: 'Regeneration' },
  'The town centre is changing.',
] as const;

describe('importing a Word statement safely', () => {
  let t: TestCore;
  let file: (name: string, data: Buffer) => string;
  beforeEach(async () => {
    t = await openTestCore();
    file = (name, data) => {
      const p = path.join(t.dir, name);
      fs.writeFileSync(p, data);
      return p;
    };
  });
  afterEach(() => t.cleanup());

  const refused = async (docx: string, message: RegExp) => {
    const before = await binderSnapshot(t);
    await expect(t.api['import-statement-plan']({ path: docx })).rejects.toThrow(message);
    await expect(t.api['import-statement-apply']({ path: docx })).rejects.toThrow(message);
    expect(await binderSnapshot(t)).toBe(before);
  };

  it('refuses a damaged (truncated) document with a clear message, writing nothing', async () => {
    await refused(file('cut.docx', truncatedDocx()), /could not be read as a Word document: it looks damaged or incomplete/);
  });

  it('refuses a zip bomb before unpacking it', async () => {
    await refused(file('bomb.docx', docxZipBomb()), /too large to import/);
  });

  it('refuses a file that is not a Word document at all', async () => {
    await refused(file('notes.docx', Buffer.from('just some text, renamed')), /is not a Word document/);
  });

  it('refuses a zip whose directory lies about its sizes, by what it really inflates to', () => {
    const lying = docxZipBomb(40 * 1024 * 1024);
    // Claim 1 KB for every entry in the central directory.
    const eocd = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let at = lying.readUInt32LE(eocd + 16);
    for (let i = 0; i < lying.readUInt16LE(eocd + 10); i++) {
      lying.writeUInt32LE(1024, at + 24);
      at += 46 + lying.readUInt16LE(at + 28) + lying.readUInt16LE(at + 30) + lying.readUInt16LE(at + 32);
    }
    expect(() => checkDocxArchive(lying, 'lying.docx')).toThrow(/too large to import/);
  });

  it('says a one-page letter is not a position statement, and writes nothing on planning', async () => {
    const letter = file('letter.docx', letterDocx());
    const before = await binderSnapshot(t);
    const plan = await t.api['import-statement-plan']({ path: letter });
    expect(plan.looksLikeStatement).toBe(false);
    expect(plan.warnings.join(' ')).toMatch(/does not look like a position statement/);
    expect(await binderSnapshot(t)).toBe(before);
  });

  it('offers to split a document without headings on its bold lines, or keep it as one section', async () => {
    const plain = file('plain.docx', makeDocx([{ bold: 'Introduction' }, 'Why we asked.', { bold: 'Governance and culture' }, 'We are open.', { bold: 'Finance' }, 'Balanced.']));
    const plan = await t.api['import-statement-plan']({ path: plain });
    expect(plan.modes).toEqual(['bold-lines', 'single']);
    expect(plan.warnings.join(' ')).toMatch(/has no headings/);
    expect(plan.parts.map((p) => [p.title, p.proposed])).toEqual([
      ['Introduction', { kind: 'chapter', ref: 'introduction' }],
      ['Governance and culture', { kind: 'chapter', ref: 'theme.governance' }],
      ['Finance', { kind: 'chapter', ref: 'theme.finance' }],
    ]);
    const single = await t.api['import-statement-plan']({ path: plain, mode: 'single' });
    expect(single.parts.map((p) => [p.title, p.proposed])).toEqual([['plain', { kind: 'subsection', ref: 'introduction' }]]);
    await t.api['import-statement-apply']({ path: plain, mode: 'single' });
    const intro = await t.section('introduction');
    const added = (await t.api['sections-list']({})).filter((s) => s.parentId === intro.id);
    expect(added.at(-1)!.title).toBe('plain');
    expect(added.at(-1)!.wordCount).toBe(12);
  });

  it('imports with the mapping as the user changed it: a focus area, and a part moved', async () => {
    const docx = file('small.docx', makeDocx([...SMALL_STATEMENT]));
    const plan = await t.api['import-statement-plan']({ path: docx });
    expect(plan.parts.map((p) => [p.title, p.proposed])).toEqual([
      ['Introduction', { kind: 'chapter', ref: 'introduction' }],
      ['Local priorities & outcomes', { kind: 'chapter', ref: 'theme.local-priorities' }],
      ['Our governance', { kind: 'chapter', ref: 'theme.governance' }],
      ['Regeneration', { kind: 'subsection', ref: 'theme.governance' }],
    ]);
    expect(plan.parts[1]!.headlineStatements).toEqual(['We know our places', 'Our plan is new']);
    await t.api['import-statement-apply']({ path: docx, sha256: plan.sha256, overrides: [{ index: 3, target: { kind: 'focus-area' } }] });
    const sections = await t.api['sections-list']({});
    const top = sections.filter((s) => s.depth === 0).map((s) => s.title);
    expect(top.indexOf('Regeneration')).toBe(top.indexOf('Capacity for improvement') + 1);
    const governance = await t.section('theme.governance');
    expect(sections.filter((s) => s.parentId === governance.id).map((s) => s.title)).toEqual(['Scrutiny']);
  });

  it('refuses to apply when the document changed since its plan was shown', async () => {
    const docx = file('small.docx', makeDocx([...SMALL_STATEMENT]));
    const plan = await t.api['import-statement-plan']({ path: docx });
    fs.writeFileSync(docx, makeDocx([...SMALL_STATEMENT, 'One more line.']));
    const before = await binderSnapshot(t);
    await expect(t.api['import-statement-apply']({ path: docx, sha256: plan.sha256 })).rejects.toThrow(/has changed since/);
    expect(await binderSnapshot(t)).toBe(before);
  });

  it('is all or nothing: cancelled part-way, the assessment is as it was', async () => {
    const docx = file('small.docx', makeDocx([...SMALL_STATEMENT]));
    await t.api['assessment-close']({});
    const open = OpenAssessment.open(t.filePath);
    // Opening a file read-write may touch its header, so "unchanged" is every row of every table.
    const dump = () =>
      JSON.stringify(
        (open.file.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map(
          ({ name }) => [name, open.file.db.prepare(`SELECT * FROM "${name}"`).all().map((row) => JSON.stringify(row)).sort()],
        ),
      );
    const before = dump();
    const plan = await planStatementImport(docx, importChapters(open));
    const controller = new AbortController();
    const steps: number[] = [];
    const run = applyStatementImport(open, plan, [], {
      signal: controller.signal,
      onProgress: (p) => {
        steps.push(p.done);
        if (p.done === 3) controller.abort();
      },
    });
    await expect(run).rejects.toThrow(IMPORT_CANCELLED);
    expect(steps).toContain(3);
    expect(dump()).toBe(before);
    open.close();
  });

  it('fetches nothing a document links to outside itself', async () => {
    const docx = file('external.docx', docxExternalRelationships());
    const plan = await t.api['import-statement-plan']({ path: docx });
    expect(plan.parts.length).toBe(1);
    // The javascript: link does not survive as a link target.
    await t.api['import-statement-apply']({ path: docx });
    const json = JSON.stringify(await Promise.all((await t.api['sections-list']({})).map((s) => t.api['section-get']({ id: s.id }))));
    expect(json).not.toContain('javascript:');
    expect(json).toContain('this link');
  });

  it('gives AppErrors, never internal errors', async () => {
    const chapters = [{ ref: 'introduction', kind: 'introduction' as const, title: 'Introduction' }];
    await expect(planStatementImport(path.join(t.dir, 'missing.docx'), chapters)).rejects.toBeInstanceOf(AppError);
    await expect(planStatementImport(path.join(t.dir, 'missing.docx'), chapters)).rejects.toThrow(/There is no file “missing.docx”/);
  });
});
