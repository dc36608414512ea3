import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../testing/openTestCore';
import { doc } from '../testing/testFiles';

/**
 * Issue #8, defect 4 "One bad row breaks the statement": one section whose stored text cannot be
 * parsed must not take find, replace-all or the other sections down with it.
 */
let t: TestCore;
let governanceId: string;
let financeId: string;

beforeEach(async () => {
  t = await openTestCore();
  governanceId = (await t.section('theme.governance')).id;
  financeId = (await t.section('theme.finance')).id;
  await t.api['section-save-content']({ id: governanceId, content: doc('Our plan for governance.') });
  await t.api['section-save-content']({ id: financeId, content: doc('The financial plan is balanced.') });
  await t.api['assessment-close']({});
  // Damage one row behind the app's back, as a faulty disk or a bad copy would.
  const db = new Database(t.filePath);
  db.prepare(`UPDATE sections SET content_json = '{"root": {"children": [' WHERE id = ?`).run(governanceId);
  db.close();
  await t.api['assessment-open']({ path: t.filePath });
});
afterEach(() => t.cleanup());

describe('one bad row breaks the statement (issue #8, defect 4)', () => {
  it('section-get names the damaged section with its own error code; the others still load', async () => {
    const error = await t.api['section-get']({ id: governanceId }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'section-damaged' });
    expect((error as Error).message).toMatch(/“Governance and culture”/);
    expect((error as Error).message).toMatch(/backup/);
    expect((await t.api['section-get']({ id: financeId })).content).toEqual(doc('The financial plan is balanced.'));
    expect((await t.api['sections-list']({})).length).toBeGreaterThan(5);
  });

  it('find skips the damaged section and says which it skipped', async () => {
    const result = await t.api['statement-find']({ query: 'plan' });
    expect(result.total).toBe(1);
    expect(result.sections.map((s) => s.sectionId)).toEqual([financeId]);
    expect(result.damagedSections).toEqual([{ sectionId: governanceId, sectionTitle: 'Governance and culture' }]);
  });

  it('replace-all changes the readable sections, leaves the damaged one alone and reports it', async () => {
    const result = await t.api['statement-replace-all']({ query: 'plan', replacement: 'strategy' });
    expect(result).toEqual({
      replaced: 1,
      sectionIds: [financeId],
      undoId: expect.any(String),
      damagedSections: [{ sectionId: governanceId, sectionTitle: 'Governance and culture' }],
    });
    expect((await t.api['section-get']({ id: financeId })).content).toEqual(doc('The financial strategy is balanced.'));
  });

  it('saving new text into the damaged section repairs it', async () => {
    await t.api['section-save-content']({ id: governanceId, content: doc('Rewritten from the backup.') });
    expect((await t.api['section-get']({ id: governanceId })).content).toEqual(doc('Rewritten from the backup.'));
    expect((await t.api['statement-find']({ query: 'plan' })).damagedSections).toEqual([]);
  });

  it('text that parses as JSON but is not an editor document is damaged too', async () => {
    await t.api['assessment-close']({});
    const db = new Database(t.filePath);
    db.prepare(`UPDATE sections SET content_json = '{"root": 42}' WHERE id = ?`).run(financeId);
    db.close();
    await t.api['assessment-open']({ path: t.filePath });
    await expect(t.api['section-get']({ id: financeId })).rejects.toMatchObject({ code: 'section-damaged' });
    expect((await t.api['statement-find']({ query: 'plan' })).damagedSections.map((s) => s.sectionId)).toEqual([
      governanceId,
      financeId,
    ]);
  });
});
