import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPlanSummary } from '../../shared/contracts/import';
import type { ExportWarning } from '../../shared/contracts/export';
import { docxPart, headings } from '../export/testing/readDocx';
import { openTestCore, type TestCore } from '../testing/openTestCore';

/** The real 2023 position statement: its sections hold Word's Heading 5 straight under Heading 2. */
const CORPUS = path.resolve(import.meta.dirname, '../../../../shared/corpus/lga-peer-challenge-self-assessment-2023.docx');
/** What the import proposed for the 2023 statement before headings were renumbered: where each part goes. */
const PLAN_BEFORE = path.resolve(import.meta.dirname, '../../../tests/fixtures/statements/statement-2023-import-plan.json');

// The real statement is in ../shared/corpus beside the worktree; without it there is nothing to import.
describe.skipIf(!fs.existsSync(CORPUS))('the 2023 statement imported, then exported to Word', () => {
  let t: TestCore;
  let plan: ImportPlanSummary;
  let warnings: ExportWarning[];
  let documentXml: string;

  beforeAll(async () => {
    t = await openTestCore('Sefton Council');
    plan = await t.api['import-statement-plan']({ path: CORPUS });
    await t.api['import-statement-apply']({ path: CORPUS, sha256: plan.sha256 });
    warnings = (await t.api['export-plan']({})).warnings;
    const out = path.join(t.dir, 'Sefton 2023.docx');
    await t.api['export-docx']({ outPath: out });
    documentXml = docxPart(out, 'word/document.xml');
  }, 120_000);
  afterAll(() => t?.cleanup());

  it('warns about no skipped heading level', () => {
    expect(warnings.filter((w) => w.kind === 'heading-level-skipped').map((w) => w.message)).toEqual([]);
  });

  it('writes headings that never skip a level', () => {
    const found = headings(documentXml);
    expect(found.length).toBeGreaterThan(60);
    const skips = found.filter((h, i) => h.level > (i === 0 ? 0 : found[i - 1]!.level) + 1);
    expect(skips).toEqual([]);
    // The document's own subheadings are still headings (under their sections), not flattened away.
    expect(found).toContainEqual({ level: 3, text: 'A Leader and Cabinet model' });
  });

  it('proposes the same places for every part as before', () => {
    const before = JSON.parse(fs.readFileSync(PLAN_BEFORE, 'utf8')) as unknown;
    expect(plan.parts.map((p) => ({ title: p.title, proposed: p.proposed, subsections: p.subsections }))).toEqual(before);
  });
});
