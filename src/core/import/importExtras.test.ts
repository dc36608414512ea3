import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorStateText } from '../../document/plainText';
import type { ImportPlanSummary } from '../../shared/contracts/import';
import { OpenAssessment } from '../assessment/openAssessment';
import { openTestCore, type TestCore } from '../testing/openTestCore';
import { importStatement } from './importStatement';

/**
 * Issue #13's remaining pieces on the real 2023 statement: its key documents list becomes
 * evidence placeholders numbered as the document numbered them (attaching a file keeps the
 * number), its recommendations go to the register, each only when asked for, all or nothing;
 * and a new assessment from that one carries the library and the register over.
 */
const CORPUS = path.resolve(import.meta.dirname, '../../../../shared/corpus');
const STATEMENT = path.join(CORPUS, 'lga-peer-challenge-self-assessment-2023.docx');
const PLAN_TXT = path.join(CORPUS, 'sefton-corporate-plan-2024-2027.txt');

describe('import from Word: key documents and recommendations', () => {
  let t: TestCore;
  let plan: ImportPlanSummary;
  beforeAll(async () => {
    t = await openTestCore('Sefton Council');
    plan = await t.api['import-statement-plan']({ path: STATEMENT });
  }, 60_000);
  afterAll(() => t?.cleanup());

  it('writes no placeholder and no recommendation unless the user confirmed them', async () => {
    const other = await openTestCore('Sefton Council');
    try {
      const result = await other.api['import-statement-apply']({ path: STATEMENT, sha256: plan.sha256 });
      expect(result.placeholdersAdded).toBe(0);
      expect(result.recommendationsAdded).toBe(0);
      expect(await other.api['evidence-list']({})).toEqual([]);
      expect(await other.api['recommendations-list']({})).toEqual([]);
    } finally {
      other.cleanup();
    }
  }, 60_000);

  it('is all or nothing: cancelled at the last moment, no section, placeholder or recommendation is written', async () => {
    const other = await openTestCore('Sefton Council');
    try {
      await other.api['assessment-close']({});
      const open = OpenAssessment.open(other.filePath);
      const count = (table: string) => (open.file.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      const sectionsBefore = count('sections');
      const controller = new AbortController();
      const run = importStatement(
        open,
        { path: STATEMENT, overrides: [], includeKeyDocuments: true, includeRecommendations: true },
        // Cancel once everything is read, as the writing starts: the transaction must roll back whole.
        { signal: controller.signal, onProgress: (p) => p.step === 'Writing the sections' && controller.abort() },
      );
      await expect(run).rejects.toThrow(/cancelled/);
      expect(count('sections')).toBe(sectionsBefore);
      expect(count('evidence_items')).toBe(0);
      expect(count('recommendations')).toBe(0);
      open.close();
    } finally {
      other.cleanup();
    }
  }, 60_000);

  it('adds the 32 documents as placeholders numbered as the document numbered them, and A to F to the register', async () => {
    const result = await t.api['import-statement-apply']({ path: STATEMENT, sha256: plan.sha256, includeKeyDocuments: true, includeRecommendations: true });
    // 25 numbered, two of them (6 and 11) the headings of families of 3 and 6.
    expect(result.placeholdersAdded).toBe(32);
    expect(result.recommendationsAdded).toBe(6);
    const items = await t.api['evidence-list']({});
    expect(items.every((i) => i.hash === null && i.textStatus === 'pending')).toBe(true);
    const list = await t.api['evidence-key-documents']({});
    const expected = result.keyDocuments.map((d) => `${d.number}${d.letter ?? ''} ${d.title}`);
    expect(list.map((d) => `${d.label} ${d.title}`)).toEqual(expected);
    const register = await t.api['recommendations-list']({});
    expect(register.map((r) => r.label)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(register[0]!.source).toBe('Previous statement (lga-peer-challenge-self-assessment-2023.docx)');
  }, 60_000);

  it('attaching a file to a placeholder later keeps its number, and stores the file and its text', async () => {
    const before = await t.api['evidence-key-documents']({});
    const corporatePlan = before.find((d) => d.label === '2')!;
    expect(corporatePlan.title).toBe('Corporate Plan');
    const item = await t.api['evidence-attach-file']({ id: corporatePlan.itemId!, file: { kind: 'path', path: PLAN_TXT } });
    expect(item).toMatchObject({ id: corporatePlan.itemId, title: 'Corporate Plan', fileName: 'sefton-corporate-plan-2024-2027.txt', textStatus: 'ok' });
    expect(item.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await t.api['evidence-key-documents']({})).toEqual(before);
    const hits = await t.api['evidence-search']({ query: 'brownfield land grant', scope: 'evidence' });
    expect(hits[0]).toMatchObject({ itemId: corporatePlan.itemId });
    await expect(t.api['evidence-attach-file']({ id: corporatePlan.itemId!, file: { kind: 'path', path: PLAN_TXT } })).rejects.toThrow(/already has its file/);
  }, 60_000);

  it('a new assessment from this one carries the library and the register (statuses cleared, progress kept)', async () => {
    const [first] = await t.api['recommendations-list']({});
    const progress = (await t.api['section-get']({ id: (await t.section('introduction')).id })).content;
    await t.api['recommendation-update']({ id: first!.id, status: 'complete', progress });
    const libraryBefore = await t.api['evidence-key-documents']({});
    const previousPath = t.filePath;
    // Last year's file is closed (a previous assessment is not the one being worked on).
    await t.api['assessment-close']({});
    const next = await t.api['import-previous-assessment']({ previousPath, path: path.join(t.dir, 'next'), councilName: 'Sefton Council', visitDate: null });
    expect(next.path).not.toBe(previousPath);
    expect(await t.api['evidence-key-documents']({})).toEqual(libraryBefore);
    const attached = (await t.api['evidence-list']({})).find((i) => i.hash !== null)!;
    expect(attached.fileName).toBe('sefton-corporate-plan-2024-2027.txt');
    const hits = await t.api['evidence-search']({ query: 'brownfield land grant', scope: 'evidence' });
    expect(hits[0]).toMatchObject({ itemId: attached.id });
    const register = await t.api['recommendations-list']({});
    expect(register.map((r) => r.label)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(register.every((r) => r.status === 'not-started')).toBe(true);
    expect(editorStateText(register[0]!.progress)).toBe(editorStateText(progress));
    expect(fs.existsSync(previousPath)).toBe(true);
  }, 60_000);
});
