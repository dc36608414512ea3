import fs from 'node:fs';
import JSZip from 'jszip';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SerializedNode } from '../../../shared/schemas/lexical';
import { OpenAssessment } from '../../assessment/openAssessment';
import { builtInTemplate } from '../../templates/builtInTemplates';
import { makeTempDir, paragraph, text } from '../../testing/testFiles';
import { documentOf } from '../testing/statement2023';
import { contentsEntries, docxPart, headings, paragraphs } from '../testing/readDocx';
import { exportStatementDocx, keyDocumentBookmark } from './exportStatementDocx';
import { planExport } from './planExport';

const el = (type: string, children: SerializedNode[], extra: Record<string, unknown> = {}): SerializedNode => ({
  type,
  version: 1,
  ...extra,
  children,
});
const heading = (tag: string, words: string) => el('heading', [text(words)], { tag });
const list = (listType: 'number' | 'bullet', ...items: string[]) =>
  el('list', items.map((item) => el('listitem', [text(item)])), { listType, tag: listType === 'number' ? 'ol' : 'ul' });
const cell = (words: string, headerState = 0) => el('tablecell', [paragraph(words)], { headerState });
// A picture as an image node would save it: a tiny PNG as a data URL.
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
// The citation node the evidence work adds, by the fields the exporter reads.
const citation = (itemId: string, label: string): SerializedNode => ({ type: 'citation', version: 1, itemId, label, locator: '', quote: '' });

let temp: ReturnType<typeof makeTempDir>;
let open: OpenAssessment;
const section = (key: string) => open.sections.list().find((s) => s.templateKey === key || s.title === key)!;

beforeEach(() => {
  temp = makeTempDir('pcs-export-');
  open = OpenAssessment.create(
    { path: path.join(temp.dir, 'Testshire.pcstudio'), councilName: 'Testshire Council', visitDate: '2026-03-14' },
    builtInTemplate('cpc-2024'),
  );
  open.sections.saveContent(section('introduction').id, documentOf([paragraph('Testshire is a county of villages.')]));
  open.sections.saveContent(
    section('theme.governance').id,
    documentOf([
      el('headline-statements', [list('bullet', 'Our governance is robust', 'Our scrutiny is respected')]),
      paragraph('Audit committee findings are acted on ', citation('ev-1', '6a'), text(' and reported.')),
      heading('h1', 'Scrutiny'),
      list('number', 'First step', 'Second step'),
      paragraph('Between the lists.'),
      list('number', 'Again first', 'Again second'),
      el('table', [
        el('tablerow', [cell('Measure', 1), cell('Result', 1)]),
        el('tablerow', [cell('Call-ins'), cell('4')]),
      ]),
      el('paragraph', [{ type: 'image', version: 1, src: PNG, altText: 'Chart of call-ins by year', width: 200, height: 100 }]),
      el('question-for-peers', [text('We ask the peers to test our scrutiny.')]),
    ]),
  );
  const finance = section('theme.finance');
  const sub = open.sections.add(finance.id, 'Reserves');
  open.sections.saveContent(
    sub.id,
    documentOf([paragraph('Reserves are healthy.'), heading('h3', 'Too deep'), el('image', [], { src: PNG, altText: '' })]),
  );
  // Deleted: never exported.
  const gone = open.sections.add(finance.id, 'Withdrawn section');
  open.sections.saveContent(gone.id, documentOf([paragraph('Secret draft words.')]));
  open.sections.delete(gone.id);
});

afterEach(() => {
  open.close();
  temp.cleanup();
});

const keyDocuments = [{ itemId: 'ev-1', number: '6a', title: 'Budget monitoring report to Cabinet' }];

describe('export to Word, read back without the code that wrote it', () => {
  it('writes the binder as real headings, a filled-in contents, links that resolve, properties and en-GB', async () => {
    const out = path.join(temp.dir, 'statement.docx');
    const result = await exportStatementDocx(open, { outPath: out }, {}, { keyDocuments });
    const documentXml = docxPart(out, 'word/document.xml');

    // Headings: section titles in binder order at their depth, with headings in the text below them.
    const expected = planExport(open, { hasKeyDocuments: true }).headings;
    expect(headings(documentXml)).toEqual(expected);
    expect(expected.slice(0, 4)).toEqual([
      { level: 1, text: 'Introduction' },
      { level: 1, text: 'Governance and culture' },
      { level: 2, text: 'Scrutiny' },
      { level: 1, text: 'Financial planning and management' },
    ]);
    expect(documentXml).not.toContain('Secret draft words');
    expect(documentXml).not.toContain('Withdrawn section');
    // Guidance questions of the template are not content.
    const guidance = open.sections.get(section('theme.governance').id).guidance;
    for (const q of guidance?.questions ?? []) expect(documentXml).not.toContain(q.slice(0, 40));

    // Contents: entries already there (levels 1–3), and Word refreshes the page numbers on open.
    expect(contentsEntries(documentXml)).toEqual(expected.filter((h) => h.level <= 3));
    expect(docxPart(out, 'word/settings.xml')).toMatch(/<w:updateFields(?: w:val="(true|1)")?\/>/);

    // Every internal link lands on a bookmark; the citation links to its key document.
    const anchors = [...documentXml.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)].map((m) => m[1]);
    const bookmarks = new Set([...documentXml.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map((m) => m[1]));
    expect(anchors).toContain(keyDocumentBookmark('ev-1'));
    for (const anchor of anchors) expect(bookmarks).toContain(anchor);
    expect(paragraphs(documentXml).some((p) => p.text.includes('acted on [6a] and reported'))).toBe(true);

    // Properties and language.
    const core = docxPart(out, 'docProps/core.xml');
    expect(core).toContain('<dc:title>LGA Corporate Peer Challenge: Position Statement 2026</dc:title>');
    expect(core).toContain('<dc:creator>Testshire Council</dc:creator>');
    expect(core).toMatch(/<dc:subject>[^<]*Testshire Council[^<]*<\/dc:subject>/);
    expect(docxPart(out, 'word/styles.xml')).toMatch(/<w:lang w:val="en-GB"/);

    // Heading styles carry outline levels (the navigation pane), the statement's blocks their own styles.
    const styles = docxPart(out, 'word/styles.xml');
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?<w:outlineLvl w:val="0"\/>/);
    expect(styles).toContain('<w:name w:val="Headline statement"/>');
    expect(styles).toContain('<w:name w:val="Question for the peers"/>');
    const styled = paragraphs(documentXml);
    expect(styled.filter((p) => p.style === 'HeadlineStatement').map((p) => p.text)).toEqual([
      'Our governance is robust',
      'Our scrutiny is respected',
    ]);
    expect(styled.find((p) => p.style === 'QuestionForThePeers')?.text).toBe('We ask the peers to test our scrutiny.');

    // Header row that repeats; alt text on the picture; header title and "Page X of Y".
    expect(documentXml).toMatch(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1)"\/>/);
    expect(documentXml).toMatch(/<wp:docPr [^>]*descr="Chart of call-ins by year"/);
    const footerXml = ['footer1', 'footer2', 'footer3'].map((f) => { try { return docxPart(out, `word/${f}.xml`); } catch { return ''; } }).join('');
    expect(footerXml).toMatch(/PAGE[\s\S]*NUMPAGES/);
    const headerXml = ['header1', 'header2', 'header3'].map((f) => { try { return docxPart(out, `word/${f}.xml`); } catch { return ''; } }).join('');
    expect(headerXml).toContain('LGA Corporate Peer Challenge: Position Statement 2026');
    // No watermark unless asked for.
    expect(headerXml).not.toContain('DRAFT');

    // Each numbered list restarts: the two lists use different numbering instances.
    const numIds = (first: string) => /<w:numId w:val="(\d+)"/.exec(styled.find((p) => p.text === first)!.xml)?.[1];
    expect(numIds('First step')).toBeDefined();
    expect(numIds('Again first')).not.toBe(numIds('First step'));
    expect(numIds('Second step')).toBe(numIds('First step'));

    expect(result.warnings.map((w) => w.kind).sort()).toEqual(['heading-level-skipped', 'image-without-alt-text']);
  });

  it('warns before writing: a picture without alt text and a skipped heading level, naming the section', () => {
    const plan = planExport(open);
    expect(plan.warnings).toEqual([
      expect.objectContaining({ kind: 'heading-level-skipped', sectionTitle: 'Reserves' }),
      expect.objectContaining({ kind: 'image-without-alt-text', sectionTitle: 'Reserves' }),
    ]);
  });

  it('exports only the chosen sections, with a DRAFT watermark when asked', async () => {
    const out = path.join(temp.dir, 'governance.docx');
    await exportStatementDocx(open, { outPath: out, sectionIds: [section('theme.governance').id], draft: true });
    const documentXml = docxPart(out, 'word/document.xml');
    expect(headings(documentXml).map((h) => h.text)).toEqual(['Governance and culture', 'Scrutiny']);
    const headerXml = fs.readdirSync(temp.dir).length > 0 ? docxPart(out, 'word/header1.xml') + docxPart(out, 'word/header2.xml') : '';
    expect(headerXml).toMatch(/string="DRAFT"/);
    // A chosen chapter comes with its subsections.
    const finance = path.join(temp.dir, 'finance.docx');
    await exportStatementDocx(open, { outPath: finance, sectionIds: [section('theme.finance').id] });
    expect(headings(docxPart(finance, 'word/document.xml')).map((h) => h.text)).toEqual(['Financial planning and management', 'Reserves', 'Too deep']);
  });

  it('a cancelled export leaves nothing behind', async () => {
    const controller = new AbortController();
    const out = path.join(temp.dir, 'cancelled.docx');
    const before = fs.readdirSync(temp.dir).sort();
    const run = exportStatementDocx(open, { outPath: out }, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(fs.readdirSync(temp.dir).sort()).toEqual(before);
  });

  it('says plainly when the council template is not a Word file', async () => {
    const bad = path.join(temp.dir, 'template.dotx');
    fs.writeFileSync(bad, 'not a zip');
    await expect(exportStatementDocx(open, { outPath: path.join(temp.dir, 'x.docx'), templatePath: bad })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('is not a Word document or template'),
    });
    expect(fs.existsSync(path.join(temp.dir, 'x.docx'))).toBe(false);
  });

  it('says plainly, by the name the user knows it by, when the template is a zip without usable styles', async () => {
    const zip = new JSZip();
    zip.file('word/styles.xml', 'this is not XML');
    const damaged = path.join(temp.dir, 'upload-1234');
    fs.writeFileSync(damaged, await zip.generateAsync({ type: 'nodebuffer' }));
    const run = exportStatementDocx(open, { outPath: path.join(temp.dir, 'x.docx'), templatePath: damaged, template: { file: { kind: 'path', path: damaged }, name: 'Council house style.dotx' } });
    await expect(run).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('“Council house style.dotx” has no styles to take') });
    expect(fs.existsSync(path.join(temp.dir, 'x.docx'))).toBe(false);
  });

  it("uses the council template's own Heading 1 rather than the house style's", async () => {
    const first = path.join(temp.dir, 'first.docx');
    await exportStatementDocx(open, { outPath: first });
    const zip = await JSZip.loadAsync(fs.readFileSync(first));
    const styles = (await zip.file('word/styles.xml')!.async('string')).replace(
      /(<w:style [^>]*w:styleId="Heading1"[^>]*>[\s\S]*?)<w:color w:val="[0-9A-Fa-f]{6}"\/>/,
      '$1<w:color w:val="C00000"/>',
    );
    expect(styles).toContain('w:val="C00000"');
    zip.file('word/styles.xml', styles);
    const template = path.join(temp.dir, 'red headings.dotx');
    fs.writeFileSync(template, await zip.generateAsync({ type: 'nodebuffer' }));
    const out = path.join(temp.dir, 'templated.docx');
    await exportStatementDocx(open, { outPath: out, templatePath: template });
    const heading1 = /<w:style [^>]*w:styleId="Heading1"[^>]*>[\s\S]*?<\/w:style>/g;
    const written = [...docxPart(out, 'word/styles.xml').matchAll(heading1)].map((m) => m[0]);
    expect(written).toHaveLength(1);
    expect(written[0]).toContain('<w:color w:val="C00000"/>');
    // Still UK English, and the statement's own blocks still have their styles.
    expect(docxPart(out, 'word/styles.xml')).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="en-GB"/);
    expect(docxPart(out, 'word/styles.xml')).toContain('w:styleId="HeadlineStatement"');
  });

  it("takes a council template's styles", async () => {
    const first = path.join(temp.dir, 'first.docx');
    await exportStatementDocx(open, { outPath: first });
    // A "council template": an exported document with a brand style of the council's added.
    const zip = await JSZip.loadAsync(fs.readFileSync(first));
    const styles = (await zip.file('word/styles.xml')!.async('string')).replace(
      '</w:styles>',
      '<w:style w:type="paragraph" w:styleId="CouncilBrand"><w:name w:val="Council brand"/></w:style></w:styles>',
    );
    zip.file('word/styles.xml', styles);
    const template = path.join(temp.dir, 'council.dotx');
    fs.writeFileSync(template, await zip.generateAsync({ type: 'nodebuffer' }));
    const out = path.join(temp.dir, 'templated.docx');
    await exportStatementDocx(open, { outPath: out, templatePath: template });
    const written = docxPart(out, 'word/styles.xml');
    expect(written).toContain('<w:name w:val="Council brand"/>');
    // The statement's own styles are still there for its blocks.
    expect(written).toContain('<w:name w:val="Headline statement"/>');
  });
});
