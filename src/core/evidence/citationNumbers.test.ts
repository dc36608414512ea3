import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTextEvidence, citation, saveParagraph } from '../testing/citingStatement';
import { openTestCore, type TestCore } from '../testing/openTestCore';

/** The statement search's snippet for `query`, with its highlight marks taken out. */
async function statementSnippet(t: TestCore, query: string): Promise<string> {
  const hits = await t.api['evidence-search']({ query, scope: 'statement' });
  expect(hits).toHaveLength(1);
  return hits[0]!.snippet.map((part) => part.text).join('');
}

describe('stored citation text follows the key documents list (search snippets show the current number)', () => {
  let t: TestCore;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await openTestCore('Sefton Council');
    Object.assign(ids, await addTextEvidence(t, ['plan', 'budget']));
  }, 60_000);
  afterAll(() => t.cleanup());

  const save = (key: string, ...children: unknown[]) => saveParagraph(t, key, ...children);

  it('reordering the key documents renumbers the citations stored in every section, in the same write, without a new revision', async () => {
    const place = await save('front.our-place', 'Housing growth ', citation(ids.plan!, '1'), ' and budgets ', citation(ids.budget!, '2'));
    expect(await statementSnippet(t, 'housing')).toContain('Housing growth [1] and budgets [2]');
    const before = (await t.api['section-get']({ id: place.id })).revision;

    await t.api['evidence-reorder']({ itemIds: [ids.budget!, ids.plan!] });

    expect(await statementSnippet(t, 'housing')).toContain('Housing growth [2] and budgets [1]');
    const after = await t.api['section-get']({ id: place.id });
    expect(JSON.stringify(after.content)).toContain('"text":"[2]"');
    // An open editor's next save is not refused as stale: the numbers are derived, not the user's words.
    expect(after.revision).toBe(before);
    const find = await t.api['statement-find']({ query: 'growth', matchCase: false, wholeWord: false });
    expect(find.sections[0]!.snippets[0]!.after).toContain('[2]');
  });

  it('a save that cites afresh renumbers the other sections too, and a save with an old number is brought up to date', async () => {
    // Two more items, not placed by hand: numbered after the placed ones, in order of first citation.
    for (const name of ['minutes', 'survey']) {
      const p = path.join(t.dir, `${name}.txt`);
      fs.writeFileSync(p, `${name} document\nThe ${name} text.`);
      ids[name] = (await t.api['evidence-add']({ paths: [p] })).added[0]!.id;
    }
    await save('theme.governance', 'Cabinet decides ', citation(ids.minutes!, '3'));
    expect(await statementSnippet(t, 'cabinet')).toContain('Cabinet decides [3]');
    // Cited earlier in the binder, the survey takes 3 and the minutes move to 4; the number saved ("9") is corrected.
    await save('front.our-place', 'Residents told us ', citation(ids.survey!, '9'));
    expect(await statementSnippet(t, 'residents')).toContain('Residents told us [3]');
    expect(await statementSnippet(t, 'cabinet')).toContain('Cabinet decides [4]');
  });

  it('joining a family letters the citation (“[1b]”), and deleting an item moves the later numbers up', async () => {
    await t.api['evidence-reorder']({ itemIds: [ids.budget!, ids.plan!, ids.survey!, ids.minutes!] });
    expect(await statementSnippet(t, 'cabinet')).toContain('Cabinet decides [4]');
    await t.api['evidence-update']({ id: ids.budget!, family: 'Money' });
    await t.api['evidence-update']({ id: ids.plan!, family: 'Money' });
    // The two in the family share number 1: the survey and the minutes move up.
    expect(await statementSnippet(t, 'residents')).toContain('Residents told us [2]');
    expect(await statementSnippet(t, 'cabinet')).toContain('Cabinet decides [3]');
    await save('theme.governance', 'Cabinet decides ', citation(ids.minutes!, '3'), ' on budgets ', citation(ids.plan!, '1b'));
    expect(await statementSnippet(t, 'cabinet')).toContain('Cabinet decides [3] on budgets [1b]');
    await t.api['evidence-delete']({ id: ids.survey!, evenIfCited: true });
    expect(await statementSnippet(t, 'cabinet')).toContain('Cabinet decides [2]');
  });
});
