import fs from 'node:fs';
import path from 'node:path';
import { Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SerializedNode } from '../../shared/schemas/lexical';
import { blobInfo } from '../blobs/blobStore';
import { OpenAssessment } from '../assessment/openAssessment';
import { pngBytes } from '../images/testing';
import { openTestCore, type TestCore } from '../testing/openTestCore';
import { sha256 } from '../testing/testFiles';
import { exportStatementDocx } from '../export/docx/exportStatementDocx';
import { execFileSync } from 'node:child_process';

/** A Word statement with two pictures, one with alt text and one without, built with docx. */
async function statementWithPictures(file: string): Promise<void> {
  const chart = pngBytes(600, 300);
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Governance and culture')] }),
          new Paragraph({ children: [new TextRun('Our residents survey shows satisfaction rising.')] }),
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: chart,
                transformation: { width: 300, height: 150 },
                altText: { name: 'Chart', title: 'Chart', description: 'Bar chart of satisfaction, 2019 to 2025' },
              }),
            ],
          }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Financial planning and management')] }),
          new Paragraph({ children: [new TextRun('Reserves are healthy.'), new ImageRun({ type: 'png', data: pngBytes(40, 40), transformation: { width: 40, height: 40 } })] }),
        ],
      },
    ],
  });
  fs.writeFileSync(file, await Packer.toBuffer(doc));
}

function imagesIn(node: SerializedNode): SerializedNode[] {
  const found: SerializedNode[] = [];
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'image') found.push(n);
    stack.push(...(n.children ?? []));
  }
  return found;
}

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore('Testshire Council');
});
afterEach(() => t.cleanup());

describe('import from Word carries its pictures into the statement', () => {
  it('stores each picture in the assessment and puts it in the text with the document’s alt text', async () => {
    const docx = path.join(t.dir, 'statement with pictures.docx');
    await statementWithPictures(docx);
    const plan = await t.api['import-statement-plan']({ path: docx });
    await t.api['import-statement-apply']({ path: docx, sha256: plan.sha256 });

    const sections = await t.api['sections-list']({});
    const byTitle = (title: string) => sections.find((s) => s.title === title)!;
    const governance = await t.api['section-get']({ id: byTitle('Governance and culture').id });
    const finance = await t.api['section-get']({ id: byTitle('Financial planning and management').id });
    const [chart] = imagesIn(governance.content.root as SerializedNode);
    const [icon] = imagesIn(finance.content.root as SerializedNode);
    expect(chart).toMatchObject({ altText: 'Bar chart of satisfaction, 2019 to 2025', width: 600, height: 300 });
    expect(icon).toMatchObject({ altText: '', width: 40, height: 40 });
    // The words are still there, and a picture is not turned into words.
    expect(JSON.stringify(governance.content)).toContain('Our residents survey shows satisfaction rising.');
    expect(JSON.stringify(governance.content)).not.toContain('[Picture:');

    // The bytes are in the assessment, named by their sha256.
    const chartFile = path.join(t.dir, 'chart.png');
    fs.writeFileSync(chartFile, pngBytes(600, 300));
    expect(chart!['blobId']).toBe(sha256(chartFile));
    await t.api['assessment-close']({});
    const open = OpenAssessment.open(t.filePath);
    try {
      expect(blobInfo(open.file.db, chart!['blobId'] as string)).toMatchObject({ mimeType: 'image/png' });
      expect(blobInfo(open.file.db, icon!['blobId'] as string)).not.toBeNull();
    } finally {
      open.close();
    }
  }, 60_000);

  it('round trip: a Word document’s picture, imported then exported, is in the new document with the same alt text and bytes', async () => {
    const docx = path.join(t.dir, 'round trip.docx');
    await statementWithPictures(docx);
    const plan = await t.api['import-statement-plan']({ path: docx });
    await t.api['import-statement-apply']({ path: docx, sha256: plan.sha256 });
    await t.api['assessment-close']({});

    const open = OpenAssessment.open(t.filePath);
    const out = path.join(t.dir, 'exported.docx');
    try {
      const result = await exportStatementDocx(open, { outPath: out });
      // The picture without alt text in the Word document is still without it: the export says so.
      expect(result.warnings.filter((w) => w.kind === 'image-without-alt-text')).toHaveLength(1);
      expect(result.warnings.filter((w) => w.kind === 'image-missing')).toEqual([]);
    } finally {
      open.close();
    }

    // Read back with unzip, independently of the code that wrote it.
    const unzip = (...args: string[]) => execFileSync('unzip', args, { maxBuffer: 64 * 1024 * 1024 });
    const media = unzip('-Z1', out).toString('utf8').split('\n').filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    const bytes = media.map((name) => unzip('-p', out, name));
    expect(bytes.some((b) => b.equals(pngBytes(600, 300)))).toBe(true);
    expect(bytes.some((b) => b.equals(pngBytes(40, 40)))).toBe(true);
    const documentXml = unzip('-p', out, 'word/document.xml').toString('utf8');
    const descriptions = [...documentXml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]);
    expect(descriptions).toContain('Bar chart of satisfaction, 2019 to 2025');
    expect(descriptions.filter((d) => d !== '')).toEqual(['Bar chart of satisfaction, 2019 to 2025']);
  }, 60_000);
});
