import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SerializedNode } from '../../shared/schemas/lexical';
import { OpenAssessment } from '../assessment/openAssessment';
import { addEvidenceFiles } from '../evidence/addEvidence';
import { updateItem } from '../evidence/evidenceStore';
import { builtInTemplate } from '../templates/builtInTemplates';
import { doc, makeTempDir, paragraph } from '../testing/testFiles';
import { keyDocumentBookmark } from './docx/exportStatementDocx';
import { exportAssessmentDocx, exportAssessmentEvidencePack } from './handlers';
import { docxPart, paragraphs } from './testing/readDocx';

/** The exports on a real assessment with real evidence files and a real recommendations register. */
let temp: ReturnType<typeof makeTempDir>;
let open: OpenAssessment;
let ids: { plan: string; budget: string; monitoring: string };

const citation = (itemId: string): SerializedNode => ({ type: 'citation', version: 1, itemId, locator: 'p. 4', quote: '' });
const section = (key: string) => open.sections.list().find((s) => s.templateKey === key)!;

beforeEach(async () => {
  temp = makeTempDir('pcs-export-sources-');
  open = OpenAssessment.create(
    { path: path.join(temp.dir, 'Testshire.pcstudio'), councilName: 'Testshire Council', visitDate: '2026-03-14' },
    builtInTemplate('cpc-2024'),
  );
  const file = (name: string, body: string) => {
    const p = path.join(temp.dir, name);
    fs.writeFileSync(p, body);
    return p;
  };
  const added = await addEvidenceFiles(open.file.db, [
    file('plan.txt', 'The corporate plan.'),
    file('budget.txt', 'The budget for 2026.'),
    file('monitoring.txt', 'Budget monitoring, quarter 3.'),
  ]);
  const [plan, budget, monitoring] = added.added;
  ids = { plan: plan!.id, budget: budget!.id, monitoring: monitoring!.id };
  updateItem(open.file.db, { id: ids.plan, title: 'Corporate Plan 2024–2028' });
  updateItem(open.file.db, { id: ids.budget, title: 'Budget report', family: 'Budget and budget monitoring' });
  updateItem(open.file.db, { id: ids.monitoring, title: 'Monitoring: quarter 3', family: 'Budget and budget monitoring' });
  open.sections.saveContent(section('theme.finance').id, {
    root: { type: 'root', version: 1, children: [paragraph('Our plan is clear ', citation(ids.plan), ' and our budget balances ', citation(ids.monitoring), '.')] },
  } as never);
  const rec = open.recommendations.add({ source: '2022 progress review', label: 'A', text: 'Review the localities model with partners.' });
  open.recommendations.update(rec.id, { status: 'in-progress', progress: doc('Workshops held with all four localities.') });
});

afterEach(() => {
  open.close();
  temp.cleanup();
});

describe('Export to Word with the evidence library and the register', () => {
  it('numbers the key documents as the library does, letters families, and links citations to them', async () => {
    const out = path.join(temp.dir, 'statement.docx');
    await exportAssessmentDocx(open, { outPath: out });
    const xml = docxPart(out, 'word/document.xml');
    const text = paragraphs(xml).map((p) => p.text);
    // In order of first citation: the plan is 1, the budget family 2, its cited member first (2a).
    expect(text).toEqual(expect.arrayContaining(['1', 'Corporate Plan 2024–2028', '2', 'Budget and budget monitoring', '2a', 'Monitoring: quarter 3', '2b', 'Budget report']));
    expect(xml).toContain(`w:name="${keyDocumentBookmark(ids.plan)}"`);
    expect(xml).toContain(`w:name="${keyDocumentBookmark(ids.monitoring)}"`);
    // Citations show the entry's number and link to its bookmark.
    expect(text.join('\n')).toContain('Our plan is clear [1, p. 4] and our budget balances [2a, p. 4].');
    expect(xml).toContain(`w:anchor="${keyDocumentBookmark(ids.plan)}"`);
    expect(xml).toContain(`w:anchor="${keyDocumentBookmark(ids.monitoring)}"`);
  });

  it('writes the recommendations table in the introduction', async () => {
    const out = path.join(temp.dir, 'statement.docx');
    await exportAssessmentDocx(open, { outPath: out });
    const text = paragraphs(docxPart(out, 'word/document.xml')).map((p) => p.text);
    const at = text.indexOf('Recommendations from our last peer challenge');
    expect(at).toBeGreaterThan(text.lastIndexOf('Introduction'));
    expect(text.slice(at, at + 12)).toEqual(
      expect.arrayContaining(['Recommendation', 'Status', 'Progress', 'A', 'Review the localities model with partners.', 'In progress', 'Workshops held with all four localities.']),
    );
    // Before the themes.
    expect(at).toBeLessThan(text.lastIndexOf('Financial planning and management')); // before the themes (the contents lists them first)
  });

  it('writes the table where a recommendations table block stands, from the register at export time, with a repeating header row', async () => {
    open.recommendations.add({ source: '2019 peer challenge', label: '1', text: 'Strengthen the scrutiny function.' });
    const intro = section('introduction');
    open.sections.saveContent(intro.id, {
      root: {
        type: 'root',
        version: 1,
        children: [
          paragraph('Since the revisit we have acted on every recommendation.'),
          { type: 'recommendations-table', version: 1, source: '2022 progress review' },
          paragraph('The rest of this statement shows how.'),
        ],
      },
    } as never);
    // Changed after the block was inserted: the export shows the register as it is now.
    const rec = open.recommendations.list().find((r) => r.label === 'A')!;
    open.recommendations.update(rec.id, { status: 'complete' });

    const out = path.join(temp.dir, 'statement.docx');
    await exportAssessmentDocx(open, { outPath: out });
    const xml = docxPart(out, 'word/document.xml');
    const text = paragraphs(xml).map((p) => p.text);
    const before = text.indexOf('Since the revisit we have acted on every recommendation.');
    const caption = text.indexOf('Recommendations: 2022 progress review');
    const after = text.indexOf('The rest of this statement shows how.');
    expect(before).toBeGreaterThan(-1);
    expect(caption).toBeGreaterThan(before);
    expect(after).toBeGreaterThan(caption);
    expect(text.slice(caption, after)).toEqual(['Recommendations: 2022 progress review', '', 'Recommendation', 'Status', 'Progress', 'A', 'Review the localities model with partners.', 'Complete', 'Workshops held with all four localities.']);
    // Only where the block is: no second table at the end of the introduction, and only its source.
    expect(text).not.toContain('Recommendations from our last peer challenge');
    expect(text).not.toContain('Strengthen the scrutiny function.');
    // A real table whose first row is a header row (repeated on every page the table runs onto).
    const table = /<w:tbl>(?:(?!<\/w:tbl>).)*Review the localities model(?:(?!<\/w:tbl>).)*<\/w:tbl>/s.exec(xml)?.[0] ?? '';
    const firstRow = /<w:tr>(?:(?!<\/w:tr>).)*<\/w:tr>/s.exec(table)?.[0] ?? '';
    expect(firstRow).toContain('<w:tblHeader/>');
    expect(firstRow).toContain('Recommendation');
  });
});

describe('the evidence pack from the evidence library', () => {
  it('holds every evidence file named by its key-document number and title, with an index', async () => {
    const out = path.join(temp.dir, 'pack.zip');
    const result = await exportAssessmentEvidencePack(open, { outPath: out });
    expect(result.fileCount).toBe(3);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual(
      ['01 Corporate Plan 2024–2028.txt', '02a Monitoring quarter 3.txt', '02b Budget report.txt', 'index.csv', 'index.html'].sort(),
    );
    expect(await zip.file('02a Monitoring quarter 3.txt')!.async('string')).toBe('Budget monitoring, quarter 3.');
    const csv = await zip.file('index.csv')!.async('string');
    expect(csv.split('\r\n').slice(0, 3)).toEqual(['No.,Document,File', '1,Corporate Plan 2024–2028,01 Corporate Plan 2024–2028.txt', '2a,Monitoring: quarter 3,02a Monitoring quarter 3.txt']);
  });

  it('reports progress and leaves nothing behind when cancelled', async () => {
    const out = path.join(temp.dir, 'pack.zip');
    const controller = new AbortController();
    const steps: string[] = [];
    await expect(
      exportAssessmentEvidencePack(open, { outPath: out }, {
        signal: controller.signal,
        onProgress: (p) => {
          steps.push(p.step);
          controller.abort();
        },
      }),
    ).rejects.toThrow(/cancelled/);
    expect(steps.length).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
  });
});
