import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorStateToJSON, parseEditorState } from '../../document/headless';
import { editorStateText } from '../../document/plainText';
import {
  docxZipBomb,
  pdfWithoutText,
  truncatedPdf,
  validPdf,
  validPptx,
  validXlsx,
  xlsxZipBomb,
} from '../../../tests/fixtures/hostile/generate';
import { AssessmentDatabase } from '../storage/assessmentDatabase';
import { openTestCore, type TestCore } from '../testing/openTestCore';
import { doc, text } from '../testing/testFiles';
import { addEvidenceFiles } from './addEvidence';
import { DEFAULT_LIMITS } from './extract/types';

const CORPUS = path.resolve(import.meta.dirname, '../../../../shared/corpus');
const PLAN_2024 = path.join(CORPUS, 'sefton-corporate-plan-2024-2027.pdf');
const STATEMENT_2023 = path.join(CORPUS, 'lga-peer-challenge-self-assessment-2023.docx');

function hasTool(name: string): boolean {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('evidence library on the real corpus', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await openTestCore('Sefton Council');
  }, 60_000);
  afterAll(() => t.cleanup());

  it('imports the 2024 to 2027 corporate plan per page, and "brownfield land grant" finds page 12', async () => {
    const result = await t.api['evidence-add']({ paths: [PLAN_2024, STATEMENT_2023] });
    expect(result.failed).toEqual([]);
    expect(result.added).toHaveLength(2);
    const plan = result.added.find((i) => i.fileName === 'sefton-corporate-plan-2024-2027.pdf')!;
    expect(plan).toMatchObject({ title: 'Sefton Council Corporate Plan 2024 to 2027', pageCount: 15, locatorKind: 'page', textStatus: 'ok' });
    // pdftotext -f 12 -l 12 says the grant is on page 12.
    const hits = await t.api['evidence-search']({ query: 'brownfield land grant' });
    const top = hits[0]!;
    expect(top).toMatchObject({ source: 'evidence', itemId: plan.id, page: 12 });
    expect(top.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase()).join(' ')).toMatch(/brownfield land grant/);
    const docx = result.added.find((i) => i.fileName === 'lga-peer-challenge-self-assessment-2023.docx')!;
    expect(docx.title).toBe('LGA Peer Challenge Self Assessment 2023');
    const text = await t.api['evidence-get-text']({ id: plan.id, fromPage: 12, toPage: 12 });
    expect(text.pages[0]!.text.replace(/\s+/g, ' ')).toMatch(/brownfield land grant/i);
  }, 120_000);

  it('serves a PDF page for reading in paragraphs, not in its printed lines (the stored text as it was)', async () => {
    const items = await t.api['evidence-list']({});
    const plan = items.find((i) => i.fileName === 'sefton-corporate-plan-2024-2027.pdf')!;
    const page = (await t.api['evidence-get-text']({ id: plan.id, fromPage: 12, toPage: 12 })).pages[0]!;
    expect(page.text).toContain('brownfield land grant in\nthe borough');
    expect(page.paragraphs).toContain('- Secured approvals for the investment of over £7.5m of brownfield land grant in the borough to deliver new homes.');
    expect(page.paragraphs).toContain('Our priority actions');
    // A Word document's lines are its paragraphs already: they are served as they are.
    const statement = items.find((i) => i.fileName === 'lga-peer-challenge-self-assessment-2023.docx')!;
    const first = (await t.api['evidence-get-text']({ id: statement.id, fromPage: 1, toPage: 1 })).pages[0]!;
    expect(first.paragraphs).toEqual(first.text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean));
  }, 60_000);

  it('keeps the same file once and says so', async () => {
    const again = await t.api['evidence-add']({ paths: [PLAN_2024] });
    expect(again.added).toEqual([]);
    expect(again.duplicates[0]!.message).toBe(
      '“sefton-corporate-plan-2024-2027.pdf” is already in the library as “Sefton Council Corporate Plan 2024 to 2027”, so it was not added again.',
    );
    expect((await t.api['evidence-list']({})).filter((i) => i.fileName === 'sefton-corporate-plan-2024-2027.pdf')).toHaveLength(1);
  }, 60_000);

  it('a citation round-trips through save, reload, plain text, word count, search and the key documents list', async () => {
    const plan = (await t.api['evidence-list']({})).find((i) => i.fileName === 'sefton-corporate-plan-2024-2027.pdf')!;
    const section = await t.section('front.our-place');
    const citationJson = {
      type: 'citation', version: 1, direction: null, format: '', indent: 0,
      itemId: plan.id, locator: '12', quote: 'Brownfield Land Grant', children: [text('[1]')],
    };
    // Through the node class (importJSON/exportJSON), as the editor would save it.
    const content = editorStateToJSON(parseEditorState(doc(['Our regeneration is funded ', citationJson, ' and delivering.'])));
    const saved = await t.api['section-save-content']({ id: section.id, content });
    expect(saved.wordCount).toBe(7); // "[1]" counts as a word, as the exported text shows it

    await t.api['assessment-close']({});
    await t.api['assessment-open']({ path: t.filePath });
    const reloaded = await t.api['section-get']({ id: section.id });
    const citation = (reloaded.content.root.children[0] as { children: Array<Record<string, unknown>> }).children[1]!;
    expect(citation).toMatchObject({ type: 'citation', itemId: plan.id, locator: '12', quote: 'Brownfield Land Grant' });
    expect(editorStateText(reloaded.content)).toBe('Our regeneration is funded [1] and delivering.');
    expect(reloaded.wordCount).toBe(7);

    const statementHits = await t.api['evidence-search']({ query: 'regeneration delivering', scope: 'statement' });
    expect(statementHits[0]).toMatchObject({ source: 'statement', sectionId: section.id });
    expect(await t.api['evidence-citations']({ id: plan.id })).toEqual([
      { sectionId: section.id, sectionTitle: reloaded.title, locator: '12', quote: 'Brownfield Land Grant' },
    ]);
    const key = await t.api['evidence-key-documents']({});
    expect(key[0]).toMatchObject({ label: '1', itemId: plan.id });

    // Cited: delete asks first, then deletes when told to.
    const refused = await t.api['evidence-delete']({ id: plan.id });
    expect(refused).toMatchObject({ deleted: false, citations: [{ sectionId: section.id }] });
    expect(await t.api['evidence-delete']({ id: plan.id, evenIfCited: true })).toEqual({ deleted: true });
    expect(await t.api['evidence-search']({ query: 'brownfield land grant', scope: 'evidence' })).toEqual([]);
  }, 120_000);
});

describe('evidence: other formats, links, and what deletion leaves behind', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await openTestCore();
  });
  afterAll(() => t.cleanup());

  it('reads XLSX per sheet, PPTX per slide, HTML without its scripts, Markdown and text', async () => {
    const files: Record<string, Buffer | string> = {
      'budget.xlsx': validXlsx(),
      'place.pptx': validPptx(),
      'page.html': '<html><head><title>Scrutiny review</title><script>alert("no")</script></head><body><h1>Scrutiny</h1><p>Members challenged the overview committee.</p><img src="https://tracker.example/p.png"></body></html>',
      'notes.md': '# Workforce strategy\n\nOur apprenticeships doubled.',
      'minutes.txt': 'Cabinet minutes\nThe leader welcomed the peer team.',
    };
    const paths = Object.entries(files).map(([name, data]) => {
      const p = path.join(t.dir, name);
      fs.writeFileSync(p, data);
      return p;
    });
    const result = await t.api['evidence-add']({ paths });
    expect(result.failed).toEqual([]);
    const byName = Object.fromEntries(result.added.map((i) => [i.fileName, i]));
    expect(byName['budget.xlsx']).toMatchObject({ locatorKind: 'sheet', pageCount: 1 });
    expect(byName['place.pptx']).toMatchObject({ locatorKind: 'slide', pageCount: 2, title: 'Our place strategy' });
    expect(byName['page.html']).toMatchObject({ title: 'Scrutiny review' });
    expect(byName['notes.md']).toMatchObject({ title: 'Workforce strategy' });
    expect(byName['minutes.txt']).toMatchObject({ title: 'Cabinet minutes' });
    const sheet = await t.api['evidence-get-text']({ id: byName['budget.xlsx']!.id });
    expect(sheet.pages[0]!.text).toBe('Budget\nService\tNet budget & forecast\nAdult social care\t142500000');
    const html = await t.api['evidence-get-text']({ id: byName['page.html']!.id });
    expect(html.pages[0]!.text).not.toMatch(/alert|tracker/);
    expect((await t.api['evidence-search']({ query: 'marine lake' }))[0]).toMatchObject({ itemId: byName['place.pptx']!.id, page: 2 });
    expect((await t.api['evidence-search']({ query: 'apprenticeship' }))[0]).toMatchObject({ itemId: byName['notes.md']!.id });
  }, 60_000);

  it('adds a web link, edits an item, and refuses a bad web address clearly', async () => {
    const link = await t.api['evidence-add-link']({ title: 'Sefton in numbers', url: 'https://www.sefton.gov.uk/numbers', date: '2025-01-10' });
    expect(link).toMatchObject({ hash: null, sourceUrl: 'https://www.sefton.gov.uk/numbers', date: '2025-01-10' });
    const edited = await t.api['evidence-update']({ id: link.id, type: 'data', family: 'Budget and Budget Monitoring Report', owner: 'Finance' });
    expect(edited).toMatchObject({ type: 'data', family: 'Budget and Budget Monitoring Report', owner: 'Finance' });
    await expect(t.api['evidence-add-link']({ title: 'x', url: 'javascript:alert(1)' })).rejects.toThrow();
  });

  it('deleting an item removes its file bytes from the assessment (secure delete) unless another item shares them', async () => {
    const marker = 'UNIQUE-EVIDENCE-MARKER-7f3a9c';
    const p = path.join(t.dir, 'secret.txt');
    fs.writeFileSync(p, `Confidential draft\n${marker}\n`.repeat(50));
    const [item] = (await t.api['evidence-add']({ paths: [p] })).added;
    expect(await t.api['evidence-delete']({ id: item!.id })).toEqual({ deleted: true });
    await t.api['assessment-close']({});
    const bytes = fs.readFileSync(t.filePath);
    expect(bytes.includes(Buffer.from(marker))).toBe(false);
    await t.api['assessment-open']({ path: t.filePath });
  }, 60_000);
});

describe('evidence: bad input gets a clear message naming the file, and the rest of the batch imports', () => {
  let t: TestCore;
  let dir: string;
  const write = (name: string, data: Buffer | string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, data);
    return p;
  };
  beforeAll(async () => {
    t = await openTestCore();
    dir = fs.mkdtempSync(path.join(t.dir, 'bad-'));
  });
  /** Runs `use` on the assessment's database directly (for limits the contract does not expose). */
  const withDb = async <T>(use: (db: AssessmentDatabase['db']) => Promise<T>): Promise<T> => {
    await t.api['assessment-close']({});
    const file = AssessmentDatabase.open(t.filePath);
    try {
      return await use(file.db);
    } finally {
      file.close();
      await t.api['assessment-open']({ path: t.filePath });
    }
  };
  afterAll(() => t.cleanup());

  const cases: Array<{ name: string; make: () => Buffer | string; message: RegExp }> = [
    { name: 'truncated.pdf', make: truncatedPdf, message: /damaged or incomplete/ },
    { name: 'zip-bomb.docx', make: () => docxZipBomb(), message: /zip bomb/ },
    { name: 'zip-bomb.xlsx', make: () => xlsxZipBomb(), message: /zip bomb/ },
    { name: 'really-a-zip.pdf', make: () => validXlsx(), message: /says it is a PDF, but its content is not/ },
    { name: 'really-a-pdf.docx', make: validPdf, message: /says it is a Word document, but its content is not/ },
    { name: 'spreadsheet-not-document.docx', make: validXlsx, message: /says it is a Word document, but its content is not/ },
    { name: 'program.exe', make: () => Buffer.from('MZ\u0090\u0000'), message: /This type of file cannot be added as evidence/ },
    { name: 'empty.txt', make: () => '', message: /The file is empty/ },
  ];

  for (const c of cases) {
    it(`${c.name}: refused with a message naming it; the good file beside it is added`, async () => {
      const good = write(`good-${c.name}.txt`, `A good file beside ${c.name}`);
      const result = await t.api['evidence-add']({ paths: [write(c.name, c.make()), good] });
      expect(result.added.map((i) => i.fileName)).toEqual([`good-${c.name}.txt`]);
      expect(result.failed).toHaveLength(1);
      expect(result.failed[0]!.fileName).toBe(c.name);
      expect(result.failed[0]!.message).toMatch(new RegExp(`^“${c.name.replace('.', '\\.')}” was not added\\. `));
      expect(result.failed[0]!.message).toMatch(c.message);
      expect((await t.api['evidence-list']({})).some((i) => i.fileName === c.name)).toBe(false);
    }, 60_000);
  }

  it('a scanned PDF with no text layer is kept and flagged "no text found"', async () => {
    const result = await t.api['evidence-add']({ paths: [write('scan.pdf', pdfWithoutText())] });
    expect(result.failed).toEqual([]);
    expect(result.added[0]).toMatchObject({ fileName: 'scan.pdf', textStatus: 'no-text' });
    expect(result.added[0]!.message).toMatch(/^No text found/);
  }, 60_000);

  it.skipIf(!hasTool('qpdf'))('a password-protected PDF is refused, saying so (needs qpdf to make one)', async () => {
    const plain = write('plain.pdf', validPdf());
    const locked = path.join(dir, 'locked.pdf');
    execFileSync('qpdf', ['--encrypt', 'user-pw', 'owner-pw', '256', '--', plain, locked]);
    const result = await t.api['evidence-add']({ paths: [locked] });
    expect(result.failed[0]!.message).toMatch(/^“locked\.pdf” was not added\. The PDF is protected by a password/);
  }, 60_000);

  it('a file over the size limit is refused before it is read', async () => {
    const big = write('big.txt', 'x'.repeat(2048));
    const result = await withDb((db) => addEvidenceFiles(db, [big], { limits: { ...DEFAULT_LIMITS, maxFileBytes: 1024 } }));
    expect(result.failed[0]!.message).toBe('“big.txt” was not added. The file is 2 KB, larger than the 1 KB the library takes.');
  });

  it('a file that takes too long is stopped', async () => {
    const result = await withDb((db) => addEvidenceFiles(db, [PLAN_2024], { limits: { ...DEFAULT_LIMITS, timeoutMs: 1 } }));
    expect(result.failed[0]!.message).toMatch(/took longer than/);
  });

  it('a missing file gets a clear message', async () => {
    const result = await t.api['evidence-add']({ paths: [path.join(dir, 'gone.pdf')] });
    expect(result.failed[0]!.message).toBe('“gone.pdf” could not be opened. Check that it still exists and that you can read it.');
  });

  it('Cancel leaves the assessment exactly as it was', () => withDb(async (db) => {
    const before = db.prepare('SELECT COUNT(*) AS n FROM evidence_items').get();
    const blobsBefore = db.prepare('SELECT COUNT(*) AS n FROM blob_chunks').get();
    const controller = new AbortController();
    const steps: string[] = [];
    const pending = addEvidenceFiles(db, [write('a.txt', 'first file'), PLAN_2024], {
      signal: controller.signal,
      onProgress: (p) => {
        steps.push(p.step);
        if (p.step.startsWith('Reading sefton')) controller.abort();
      },
    });
    await expect(pending).rejects.toThrow('Adding evidence was cancelled. Nothing was added.');
    expect(steps).toEqual(['Reading a.txt', 'Reading sefton-corporate-plan-2024-2027.pdf']);
    expect(db.prepare('SELECT COUNT(*) AS n FROM evidence_items').get()).toEqual(before);
    expect(db.prepare('SELECT COUNT(*) AS n FROM blob_chunks').get()).toEqual(blobsBefore);
  }), 60_000);
});
