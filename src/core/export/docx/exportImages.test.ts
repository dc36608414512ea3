import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SerializedNode } from '../../../shared/schemas/lexical';
import { OpenAssessment } from '../../assessment/openAssessment';
import { storeBytes } from '../../blobs/blobStore';
import { storeImageBytes } from '../../images/storeImage';
import { pngBytes } from '../../images/testing';
import { builtInTemplate } from '../../templates/builtInTemplates';
import { makeTempDir, paragraph, text } from '../../testing/testFiles';
import { documentOf } from '../testing/statement2023';
import { exportStatementDocx } from './exportStatementDocx';
import { fitImage, MAX_IMAGE_WIDTH } from './contentToDocx';
import { planExport } from './planExport';

let temp: ReturnType<typeof makeTempDir>;
let open: OpenAssessment;
const section = (key: string) => open.sections.list().find((s) => s.templateKey === key)!;
const image = (blobId: string, altText: string, width: number, height: number): SerializedNode => ({ type: 'image', version: 1, blobId, altText, width, height });
const EMU_PER_PIXEL = 9525;

beforeEach(() => {
  temp = makeTempDir('pcs-export-images-');
  open = OpenAssessment.create(
    { path: path.join(temp.dir, 'Testshire.pcstudio'), councilName: 'Testshire Council', visitDate: '2026-03-14' },
    builtInTemplate('cpc-2024'),
  );
});
afterEach(() => {
  open.close();
  temp.cleanup();
});

function unzipList(file: string): string[] {
  return execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

describe('pictures stored in the assessment, exported to Word with their alt text', () => {
  it('writes each stored picture into word/media with its alt text, scaled to fit the page', async () => {
    const wide = storeImageBytes(open.file.db, pngBytes(1600, 800), 'wide.png');
    const small = storeImageBytes(open.file.db, pngBytes(120, 90), 'small.png');
    open.sections.saveContent(
      section('theme.governance').id,
      documentOf([
        paragraph('Satisfaction has risen.'),
        { type: 'paragraph', version: 1, children: [image(wide.blobId, 'Bar chart: satisfaction up from 61% to 74%', 1600, 800)] },
        { type: 'paragraph', version: 1, children: [text('Our logo '), image(small.blobId, 'Testshire Council crest', 120, 90)] },
      ]),
    );
    const out = path.join(temp.dir, 'statement.docx');
    const result = await exportStatementDocx(open, { outPath: out });
    expect(result.warnings.filter((w) => w.kind === 'image-without-alt-text')).toEqual([]);

    // Read back with unzip, not with the code that wrote it.
    const media = unzipList(out).filter((name) => name.startsWith('word/media/'));
    expect(media.length).toBe(2);
    const documentXml = execFileSync('unzip', ['-p', out, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const pictures = [...documentXml.matchAll(/<wp:inline[\s\S]*?<\/wp:inline>/g)].map((m) => m[0]);
    expect(pictures.map((p) => /<wp:docPr [^>]*descr="([^"]*)"/.exec(p)?.[1])).toEqual([
      'Bar chart: satisfaction up from 61% to 74%',
      'Testshire Council crest',
    ]);
    const extents = pictures.map((p) => /<wp:extent cx="(\d+)" cy="(\d+)"/.exec(p)!.slice(1).map((n) => Number(n) / EMU_PER_PIXEL));
    // The wide chart is scaled down to the page's text width, keeping its shape; the small one keeps its size.
    expect(extents[0]).toEqual([MAX_IMAGE_WIDTH, MAX_IMAGE_WIDTH / 2]);
    expect(extents[1]).toEqual([120, 90]);
    // Each picture's bytes are the stored ones.
    const bytes = media.map((name) => execFileSync('unzip', ['-p', out, name], { maxBuffer: 64 * 1024 * 1024 }));
    expect(bytes.some((b) => b.equals(pngBytes(1600, 800)))).toBe(true);
  });

  it('keeps a section that holds only a picture (no words), with its heading, in the export', async () => {
    const map = storeImageBytes(open.file.db, pngBytes(200, 100), 'map.png');
    const place = section('front.our-place');
    open.sections.saveContent(place.id, documentOf([{ type: 'paragraph', version: 1, children: [image(map.blobId, 'Map of the borough', 200, 100)] }]));
    const plan = planExport(open);
    expect(plan.sections.map((s) => s.title)).toContain(place.title);
    const out = path.join(temp.dir, 'map.docx');
    await exportStatementDocx(open, { outPath: out });
    const documentXml = execFileSync('unzip', ['-p', out, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(documentXml).toContain(place.title);
    expect(documentXml).toContain('descr="Map of the borough"');
  });

  it('warns before writing when a stored picture has no alt text', async () => {
    const stored = storeImageBytes(open.file.db, pngBytes(50, 50), 'x.png');
    open.sections.saveContent(section('theme.finance').id, documentOf([{ type: 'paragraph', version: 1, children: [text('A chart '), image(stored.blobId, '  ', 50, 50)] }]));
    const result = await exportStatementDocx(open, { outPath: path.join(temp.dir, 'out.docx') });
    expect(result.warnings).toEqual([expect.objectContaining({ kind: 'image-without-alt-text', sectionTitle: section('theme.finance').title })]);
  });

  it('draws a picture at the size chosen in the editor: a third, two thirds or the whole text width, its shape kept', async () => {
    const stored = storeImageBytes(open.file.db, pngBytes(200, 100), 'chart.png');
    const sized = (size: string | undefined, alt: string): SerializedNode => ({ ...image(stored.blobId, alt, 200, 100), ...(size ? { size } : {}) });
    open.sections.saveContent(
      section('theme.governance').id,
      documentOf([
        paragraph('Five charts.'),
        { type: 'paragraph', version: 1, children: [sized('small', 'small')] },
        { type: 'paragraph', version: 1, children: [sized('medium', 'medium')] },
        { type: 'paragraph', version: 1, children: [sized('full', 'full')] },
        { type: 'paragraph', version: 1, children: [sized(undefined, 'own')] },
        { type: 'paragraph', version: 1, children: [sized('enormous', 'unknown size')] },
      ]),
    );
    const out = path.join(temp.dir, 'sizes.docx');
    await exportStatementDocx(open, { outPath: out });
    const documentXml = execFileSync('unzip', ['-p', out, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const pictures = [...documentXml.matchAll(/<wp:inline[\s\S]*?<\/wp:inline>/g)].map((m) => m[0]);
    const sizes = pictures.map((p) => ({
      alt: /descr="([^"]*)"/.exec(p)?.[1],
      size: /<wp:extent cx="(\d+)" cy="(\d+)"/.exec(p)!.slice(1).map((n) => Math.round(Number(n) / EMU_PER_PIXEL)),
    }));
    const third = Math.round(MAX_IMAGE_WIDTH / 3);
    const twoThirds = Math.round((MAX_IMAGE_WIDTH * 2) / 3);
    expect(sizes).toEqual([
      { alt: 'small', size: [third, Math.round(third / 2)] },
      { alt: 'medium', size: [twoThirds, Math.round(twoThirds / 2)] },
      { alt: 'full', size: [MAX_IMAGE_WIDTH, MAX_IMAGE_WIDTH / 2] },
      // No size chosen (or one this version does not know): its own size.
      { alt: 'own', size: [200, 100] },
      { alt: 'unknown size', size: [200, 100] },
    ]);
  });

  it('a tall picture at full width is still kept within the page height', () => {
    expect(fitImage(100, 1000, 'full')).toEqual({ width: 86, height: 860 });
    expect(fitImage(100, 50, 'small')).toEqual({ width: 213, height: 107 });
  });

  it('fits any picture within the page, never enlarging one', () => {
    expect(fitImage(3000, 6000)).toEqual({ width: 430, height: 860 });
    expect(fitImage(10, 10)).toEqual({ width: 10, height: 10 });
    expect(fitImage(0, 0)).toEqual({ width: 400, height: 300 });
  });

  it.skipIf(!fs.existsSync('/usr/bin/soffice'))('LibreOffice opens the export and shows the picture (PCS_KEEP_RENDER=file.pdf keeps the PDF to look at)', async () => {
    const stored = storeImageBytes(open.file.db, pngBytes(900, 400), 'chart.png');
    open.sections.saveContent(
      section('introduction').id,
      documentOf([paragraph('Our residents survey, below, shows the trend.'), { type: 'paragraph', version: 1, children: [image(stored.blobId, 'Chart of the residents survey', 900, 400)] }]),
    );
    const out = path.join(temp.dir, 'pictures.docx');
    await exportStatementDocx(open, { outPath: out });
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', temp.dir, out], { timeout: 120_000, env: { ...process.env, HOME: temp.dir } });
    const pdf = fs.readFileSync(path.join(temp.dir, 'pictures.pdf'));
    // The picture is in the PDF as an image XObject.
    expect(pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    if (process.env['PCS_KEEP_RENDER']) fs.copyFileSync(path.join(temp.dir, 'pictures.pdf'), process.env['PCS_KEEP_RENDER']);
  }, 180_000);
});

describe('a picture whose stored bytes are gone is named before the export, not dropped silently', () => {
  it('warns for a picture missing from the blob store and for one whose bytes are not a picture, and leaves both out', async () => {
    const good = storeImageBytes(open.file.db, pngBytes(60, 40), 'good.png');
    const notPicture = storeBytes(open.file.db, Buffer.from('%PDF-1.7 this is not a picture'), 'image/png');
    const gone = 'a'.repeat(64);
    const governance = section('theme.governance');
    open.sections.saveContent(
      governance.id,
      documentOf([
        paragraph('Three pictures.'),
        { type: 'paragraph', version: 1, children: [image(gone, 'Map of the borough', 400, 300)] },
        { type: 'paragraph', version: 1, children: [text('Then '), image(notPicture.blobId, '', 10, 10)] },
        { type: 'paragraph', version: 1, children: [image(good.blobId, 'Logo', 60, 40)] },
      ]),
    );
    const plan = await exportPlanWarnings();
    const missing = plan.filter((w) => w.kind === 'image-missing');
    expect(missing).toEqual([
      expect.objectContaining({
        sectionTitle: governance.title,
        message: `The picture “Map of the borough” in “${governance.title}” could not be found in the assessment and will be left out.`,
      }),
      expect.objectContaining({
        sectionTitle: governance.title,
        message: `The 2nd picture in “${governance.title}” could not be found in the assessment and will be left out.`,
      }),
    ]);

    const out = path.join(temp.dir, 'missing.docx');
    const result = await exportStatementDocx(open, { outPath: out });
    expect(result.warnings.filter((w) => w.kind === 'image-missing')).toHaveLength(2);
    // Only the good picture is in the file.
    expect(unzipList(out).filter((name) => name.startsWith('word/media/'))).toHaveLength(1);
  });
});

async function exportPlanWarnings() {
  return planExport(open).warnings;
}
