import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTextEvidence, citation, saveParagraph } from '../testing/citingStatement';
import { openTestCore, type TestCore } from '../testing/openTestCore';
import { docxPart, paragraphs } from '../export/testing/readDocx';

describe('evidence details, where cited, key documents order, original file', () => {
  let t: TestCore;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await openTestCore('Sefton Council');
    Object.assign(ids, await addTextEvidence(t, ['plan', 'budget', 'minutes']));
  }, 60_000);
  afterAll(() => t.cleanup());

  const save = (key: string, ...children: unknown[]) => saveParagraph(t, key, ...children);

  it('each section lists the evidence it cites, with its number and count; each item lists where it is cited', async () => {
    const place = await save('front.our-place', 'Growth ', citation(ids.budget!, '1', '1'), ' and plans ', citation(ids.plan!, '2', '1'), ' again ', citation(ids.budget!, '1', '3'));
    const governance = await save('theme.governance', 'Decisions ', citation(ids.minutes!, '3', '1'));
    expect(await t.api['evidence-section-citations']({ sectionId: place.id })).toEqual([
      { itemId: ids.budget, label: '1', title: 'budget document', count: 2 },
      { itemId: ids.plan, label: '2', title: 'plan document', count: 1 },
    ]);
    expect(await t.api['evidence-section-citations']({ sectionId: governance.id })).toEqual([
      { itemId: ids.minutes, label: '3', title: 'minutes document', count: 1 },
    ]);
    expect((await t.api['evidence-citations']({ id: ids.budget! })).map((c) => [c.sectionId, c.locator])).toEqual([
      [place.id, '1'],
      [place.id, '3'],
    ]);
  });

  it('reordering the key documents renumbers what every section shows, without rewriting a section', async () => {
    const place = await t.section('front.our-place');
    const before = (await t.api['section-get']({ id: place.id })).revision;
    const list = await t.api['evidence-reorder']({ itemIds: [ids.minutes!, ids.plan!, ids.budget!] });
    expect(list.map((d) => `${d.label}:${d.itemId}`)).toEqual([`1:${ids.minutes}`, `2:${ids.plan}`, `3:${ids.budget}`]);
    expect((await t.api['evidence-section-citations']({ sectionId: place.id })).map((c) => `${c.label}×${c.count}`)).toEqual(['3×2', '2×1']);
    expect((await t.api['section-get']({ id: place.id })).revision).toBe(before);
    // The exported DOCX numbers the citations as the list does, whatever label was saved in them ("[1]", "[2]").
    const out = path.join(t.dir, 'reordered.docx');
    await t.api['export-docx']({ outPath: out });
    const growth = paragraphs(docxPart(out, 'word/document.xml')).find((p) => p.text.startsWith('Growth'))!;
    expect(growth.text).toBe('Growth [3, 1] and plans [2, 1] again [3, 3]');
    await expect(t.api['evidence-reorder']({ itemIds: [ids.plan!, ids.plan!] })).rejects.toThrow(/twice/);
    await expect(t.api['evidence-reorder']({ itemIds: ['gone'] })).rejects.toThrow(/no longer in the library/);
  });

  it('edits the details (families number as 2a, 2b) and refuses bad ones clearly', async () => {
    await t.api['evidence-update']({ id: ids.plan!, family: 'Plans and budgets', date: '2024-04-01', owner: 'Chief Executive', type: 'plan', notes: 'Adopted by Council.' });
    const edited = await t.api['evidence-update']({ id: ids.budget!, family: 'Plans and budgets', sourceUrl: 'https://www.sefton.gov.uk/budget' });
    expect(edited).toMatchObject({ family: 'Plans and budgets', sourceUrl: 'https://www.sefton.gov.uk/budget' });
    expect((await t.api['evidence-key-documents']({})).map((d) => d.label)).toEqual(['1', '2', '2a', '2b']);
    await expect(t.api['evidence-update']({ id: ids.plan!, title: '   ' })).rejects.toThrow();
    await expect(t.api['evidence-update']({ id: ids.plan!, date: '01/04/2024' })).rejects.toThrow();
    expect((await t.api['evidence-list']({})).find((i) => i.id === ids.plan)).toMatchObject({ date: '2024-04-01', owner: 'Chief Executive' });
  });

  it('writes a read-only copy of the original, under its own name, for the system viewer', async () => {
    const copy = await t.api['evidence-original-copy']({ id: ids.minutes! });
    try {
      expect(path.basename(copy.path)).toBe('minutes.txt');
      expect(copy.fileName).toBe('minutes.txt');
      expect(fs.readFileSync(copy.path, 'utf8')).toBe('minutes document\nThe minutes text.');
      expect(fs.statSync(copy.path).mode & 0o222).toBe(0);
      const again = await t.api['evidence-original-copy']({ id: ids.minutes! });
      expect(again.path).not.toBe(copy.path);
      fs.rmSync(path.dirname(again.path), { recursive: true, force: true });
    } finally {
      fs.rmSync(path.dirname(copy.path), { recursive: true, force: true });
    }
    const link = await t.api['evidence-add-link']({ title: 'Sefton in numbers', url: 'https://www.sefton.gov.uk/numbers' });
    await expect(t.api['evidence-original-copy']({ id: link.id })).rejects.toThrow(/is a web link, with no file to open/);
  });
});
