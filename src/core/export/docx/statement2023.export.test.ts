import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAssessment } from '../../assessment/openAssessment';
import { builtInTemplate } from '../../templates/builtInTemplates';
import { makeTempDir } from '../../testing/testFiles';
import { fillWithStatement2023, STATEMENT_2023_DOCX } from '../testing/statement2023';
import { docxPart, headings, pdfOutlineTitles } from '../testing/readDocx';
import { exportStatementDocx } from './exportStatementDocx';
import { planExport } from './planExport';

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const hasCorpus = fs.existsSync(STATEMENT_2023_DOCX);
const THEMES = [
  'Local priorities and outcomes',
  'Organisational and place leadership',
  'Governance and culture',
  'Financial planning and management',
  'Capacity for improvement',
];

// The real 2023 statement is in ../shared/corpus beside the worktree; without it there is nothing to export.
describe.skipIf(!hasCorpus)('the real 2023 statement, exported', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let open: OpenAssessment;
  let out: string;

  beforeAll(async () => {
    temp = makeTempDir('pcs-export-2023-');
    open = OpenAssessment.create(
      { path: path.join(temp.dir, 'Sefton.pcstudio'), councilName: 'Sefton Council', visitDate: '2023-09-12' },
      builtInTemplate('cpc-2024'),
    );
    await fillWithStatement2023(open);
    out = path.join(temp.dir, 'Sefton position statement.docx');
    await exportStatementDocx(open, { outPath: out });
  }, 60_000);
  afterAll(() => {
    open?.close();
    temp?.cleanup();
  });

  it('has every heading of the binder, in order, with the five themes as Heading 1', () => {
    const found = headings(docxPart(out, 'word/document.xml'));
    expect(found).toEqual(planExport(open).headings);
    for (const theme of THEMES) expect(found).toContainEqual({ level: 1, text: theme });
    expect(found.length).toBeGreaterThan(60);
  });

  // LibreOffice lays the pages out as Word would; without it the page count cannot be measured.
  it.skipIf(!hasSoffice)('is 40 to 60 pages in LibreOffice, with the five themes in the PDF outline', () => {
    execFileSync('soffice', ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', temp.dir, out], {
      stdio: 'ignore',
      timeout: 120_000,
      env: { ...process.env, HOME: temp.dir },
    });
    const pdf = path.join(temp.dir, 'Sefton position statement.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(40);
    expect(pages).toBeLessThanOrEqual(60);
    const outline = pdfOutlineTitles(fs.readFileSync(pdf));
    for (const theme of THEMES) expect(outline).toContain(theme);
  }, 180_000);
});
