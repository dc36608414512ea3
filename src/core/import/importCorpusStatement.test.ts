import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorStateText } from '../../document/plainText';
import type { ImportPlanSummary, ImportResult } from '../../shared/contracts/import';
import type { SectionSummary } from '../../shared/schemas/section';
import { openTestCore, type TestCore } from '../testing/openTestCore';
import { readDocxRawText } from './readDocx';

/** The real 2023 position statement (about 50 pages, 117,000 characters). */
const CORPUS = path.resolve(import.meta.dirname, '../../../../shared/corpus/lga-peer-challenge-self-assessment-2023.docx');

/**
 * Paragraph text as compared: spacing aside. mammoth's raw text runs the lines of a paragraph
 * with line breaks together ("Togethera strongercommunity") where the import keeps the breaks, so
 * all white space is left out of the comparison, on both sides.
 */
const norm = (text: string) => text.replace(/[\u00a0\s]+/g, '');

describe('importing the real 2023 statement', () => {
  let t: TestCore;
  let plan: ImportPlanSummary;
  let result: ImportResult;
  let sections: SectionSummary[];

  beforeAll(async () => {
    t = await openTestCore('Sefton Council');
    plan = await t.api['import-statement-plan']({ path: CORPUS });
    result = await t.api['import-statement-apply']({ path: CORPUS, sha256: plan.sha256 });
    sections = await t.api['sections-list']({});
  }, 60_000);
  afterAll(() => t?.cleanup());

  it('matches the five themes by title, however they are worded', () => {
    const chapterOf = (ref: string) => plan.parts.find((p) => p.proposed.kind === 'chapter' && p.proposed.ref === ref)?.title;
    expect(chapterOf('theme.local-priorities')).toBe('Local priorities and outcomes');
    expect(chapterOf('theme.leadership')).toBe('Organisational and place leadership');
    expect(chapterOf('theme.governance')).toBe('Governance and culture');
    expect(chapterOf('theme.finance')).toBe('Financial planning and management');
    expect(chapterOf('theme.capacity')).toBe('Capacity for improvement & fit for the future');
    expect(chapterOf('introduction')).toBe('Introduction');
    expect(chapterOf('documents')).toBe('Key and background documents');
    expect(plan.looksLikeStatement).toBe(true);
  });

  it('keeps unmatched headings as subsections where they stood', () => {
    const part = (title: string) => plan.parts.find((p) => p.title === title)!;
    expect(part('Where does every £100 of your Council Tax go?').proposed).toEqual({ kind: 'subsection', ref: 'theme.finance' });
    expect(part('Sefton Residents Digital Inclusion Strategy 2022-2025').proposed).toEqual({ kind: 'subsection', ref: 'theme.capacity' });
    expect(part('Contents').proposed).toEqual({ kind: 'subsection', ref: 'front-matter' });
  });

  it('creates at least 45 subsections', () => {
    expect(sections.filter((s) => s.depth > 0).length).toBeGreaterThanOrEqual(45);
    expect(result.sectionsCreated).toBeGreaterThanOrEqual(45);
    const finance = sections.find((s) => s.templateKey === 'theme.finance')!;
    expect(sections.filter((s) => s.parentId === finance.id).map((s) => s.title)).toEqual(
      expect.arrayContaining(['Budget Management & Sustainability', 'High Needs Deficit', 'Where does every £100 of your Council Tax go?']),
    );
  });

  it('turns the bullets under each theme heading into its headline statements', async () => {
    expect(plan.parts.find((p) => p.title === 'Governance and culture')!.headlineStatements).toEqual([
      'Our governance is robust',
      'We are committed to creating a more diverse and inclusive organisation',
      'We want to be great Corporate Parents',
    ]);
    const governance = await t.api['section-get']({ id: (await t.section('theme.governance')).id });
    const first = (governance.content.root as { children: Array<{ type: string }> }).children[0]!;
    expect(first.type).toBe('headline-statements');
  });

  it('offers the 25 key documents, with 6a–6c and 11a–11f, as evidence placeholders', () => {
    const numbered = result.keyDocuments.filter((d) => d.letter === null);
    expect(numbered.map((d) => d.number)).toEqual(Array.from({ length: 25 }, (_, i) => String(i + 1)));
    const lettered = result.keyDocuments.filter((d) => d.letter !== null).map((d) => `${d.number}${d.letter}`);
    expect(lettered).toEqual(['6a', '6b', '6c', '11a', '11b', '11c', '11d', '11e', '11f']);
    expect(numbered[1]!.title).toBe('Corporate Plan');
    expect(result.keyDocuments.find((d) => d.number === '11' && d.letter === 'c')!.title).toBe(
      'Preliminary Audit results report Year ended 31 March 2022',
    );
  });

  it('offers the recommendations A to F from the 2022 revisit, each whole', () => {
    expect(plan.recommendations.map((r) => r.label)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(plan.recommendations[3]!.text).toBe(
      'Given how much change the world has seen in the last two years and how the localities model has been required to react, work with partners to review the localities model.',
    );
  });

  it('loses no paragraph of the source text', async () => {
    const source = (await readDocxRawText(fs.readFileSync(CORPUS), 'statement.docx')).split('\n').map(norm).filter(Boolean);
    const texts: string[] = [];
    for (const s of sections) {
      texts.push(s.title);
      texts.push(editorStateText((await t.api['section-get']({ id: s.id })).content));
    }
    const result = norm(texts.join('\n'));
    // Headings that became one of the template's chapters are that chapter now (its title stands for them).
    const chapterHeadings = new Set(plan.parts.filter((p) => p.proposed.kind === 'chapter').map((p) => norm(p.title)));
    const lost = source.filter((paragraph) => !chapterHeadings.has(paragraph) && !result.includes(paragraph));
    expect(lost).toEqual([]);
    expect(source.length).toBeGreaterThan(400);
  });

  it('round trip: import, export to DOCX, re-import gives the same sections and text', async () => {
    const out = path.join(t.dir, 'round trip.docx');
    await t.api['export-docx']({ outPath: out });
    const again = await openTestCore('Sefton Council');
    try {
      const plan2 = await again.api['import-statement-plan']({ path: out });
      await again.api['import-statement-apply']({ path: out, sha256: plan2.sha256 });
      const outline = async (api: TestCore['api']) => {
        const rows: Array<{ title: string; depth: number; text: string }> = [];
        for (const s of await api['sections-list']({})) {
          // Sections with no words are not exported (a template's unwritten placeholders).
          if (s.totalWordCount === 0) continue;
          rows.push({ title: s.title, depth: s.depth, text: norm(editorStateText((await api['section-get']({ id: s.id })).content)) });
        }
        return rows;
      };
      const before = await outline(t.api);
      const after = await outline(again.api);
      // The chapters and their sections, in order. (Third-level sections such as "Our Accounts"
      // come back as a heading inside their parent's text: the importer makes sections two levels deep.)
      const shape = (rows: typeof before) => rows.filter((s) => s.depth <= 1).map((s) => [s.title, s.depth]);
      expect(shape(after)).toEqual(shape(before));
      // Every word, in order: titles and text together, apart from the front matter's own lines
      // (the export writes its own cover page there).
      const words = (rows: typeof before) => norm(rows.map((s, i) => (i === 0 ? '' : s.title + s.text)).join(''));
      expect(words(after)).toEqual(words(before));
    } finally {
      again.cleanup();
    }
  }, 120_000);
});
