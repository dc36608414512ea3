import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SECTION_DEPTH, THEMES } from '../../shared/constants';
import type { SectionSummary } from '../../shared/schemas/section';
import { openTestCore, type TestCore } from '../testing/openTestCore';
import { doc } from '../testing/testFiles';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.cleanup());

/** Titles of the live children of a section, in order. */
async function childTitles(parentId: string | null): Promise<string[]> {
  return (await t.api['sections-list']({})).filter((s) => s.parentId === parentId).map((s) => s.title);
}

/** Every group of live siblings has positions 0..n-1. */
function expectContiguous(list: SectionSummary[]): void {
  const groups = new Map<string | null, number[]>();
  for (const s of list) groups.set(s.parentId, [...(groups.get(s.parentId) ?? []), s.position]);
  for (const positions of groups.values()) expect(positions).toEqual(positions.map((_, i) => i));
}

describe('the binder from the template', () => {
  it('lists chapters depth-first with depths, the five themes in order', async () => {
    const list = await t.api['sections-list']({});
    const top = list.filter((s) => s.depth === 0);
    expect(top.map((s) => s.kind)).toEqual([
      'front-matter',
      'introduction',
      'theme',
      'theme',
      'theme',
      'theme',
      'theme',
      'documents',
    ]);
    expect(top.filter((s) => s.kind === 'theme').map((s) => s.title)).toEqual(THEMES.map((th) => th.title));
    expect(list[1]).toMatchObject({ depth: 1, parentId: list[0]!.id, title: 'Welcome from the Leader of the Council' });
    expect(top.every((s) => s.fixed)).toBe(true);
    expectContiguous(list);
  });

  it('starts every section with an empty document', async () => {
    const section = await t.api['section-get']({ id: (await t.section('front.our-place')).id });
    expect(section.content.root.children).toHaveLength(1);
    expect(section).toMatchObject({ revision: 0, wordCount: 0 });
  });
});

describe('saving content', () => {
  it('stores the document, counts words, bumps the revision and the assessment’s updatedAt', async () => {
    const { id } = await t.section('theme.governance');
    const before = await t.api['assessment-current']({});
    const content = doc('Our governance is robust.', "The council's scrutiny works well.");
    const first = await t.api['section-save-content']({ id, content });
    expect(first).toMatchObject({ id, wordCount: 9, revision: 1 });
    const second = await t.api['section-save-content']({ id, content: doc('Shorter now.') });
    expect(second).toMatchObject({ wordCount: 2, revision: 2 });
    const saved = await t.api['section-get']({ id });
    expect(saved.content).toEqual(doc('Shorter now.'));
    expect(saved.revision).toBe(2);
    expect(saved.wordCount).toBe(2);
    const after = await t.api['assessment-current']({});
    expect(after!.updatedAt >= before!.updatedAt).toBe(true);
    expect(after!.updatedAt).toBe(second.updatedAt);
  });

  it('survives closing and reopening', async () => {
    const { id } = await t.section('theme.finance');
    await t.api['section-save-content']({ id, content: doc('Medium term financial plan to 2028.') });
    await t.api['assessment-close']({});
    await t.api['assessment-open']({ path: t.filePath });
    const saved = await t.api['section-get']({ id });
    expect(saved.wordCount).toBe(6);
    expect(saved.revision).toBe(1);
  });

  it('keeps the stored plain text in step for search', async () => {
    const { id } = await t.section('theme.finance');
    await t.api['section-save-content']({ id, content: doc('Reserves', 'are healthy') });
    t.core.close();
    const db = new Database(t.filePath, { readonly: true });
    expect(db.prepare('SELECT plain_text FROM sections WHERE id = ?').get(id)).toEqual({
      plain_text: 'Reserves\nare healthy',
    });
    db.close();
  });

  it('is fast enough for autosave while typing', async () => {
    const { id } = await t.section('theme.capacity');
    const paragraphs = Array.from({ length: 200 }, (_, i) => `Paragraph ${i}: ${'workforce data '.repeat(20)}`);
    const started = performance.now();
    for (let i = 0; i < 50; i++) await t.api['section-save-content']({ id, content: doc(...paragraphs, `edit ${i}`) });
    const perSave = (performance.now() - started) / 50;
    // ~8,000 words per save; typing saves about three times a second.
    expect(perSave).toBeLessThan(50);
  });

  it('refuses to save to a deleted or unknown section', async () => {
    const sub = await t.api['section-add']({ parentId: (await t.section('theme.finance')).id, title: 'Reserves' });
    await t.api['section-delete']({ id: sub.id });
    await expect(t.api['section-save-content']({ id: sub.id, content: doc('x') })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(t.api['section-get']({ id: 'nope' })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('adding sections', () => {
  it('adds at the end by default, or at an index, keeping positions contiguous', async () => {
    const theme = await t.section('theme.governance');
    await t.api['section-add']({ parentId: theme.id, title: 'Scrutiny' });
    await t.api['section-add']({ parentId: theme.id, title: 'Audit' });
    const first = await t.api['section-add']({ parentId: theme.id, title: 'Headline statements', index: 0 });
    await t.api['section-add']({ parentId: theme.id, title: 'Standards', index: 99 });
    expect(first).toMatchObject({ position: 0, depth: 1, kind: 'subsection', fixed: false, templateKey: null });
    expect(await childTitles(theme.id)).toEqual(['Headline statements', 'Scrutiny', 'Audit', 'Standards']);
    expectContiguous(await t.api['sections-list']({}));
  });

  it(`allows ${MAX_SECTION_DEPTH} levels and no more`, async () => {
    const theme = await t.section('theme.governance');
    const level1 = await t.api['section-add']({ parentId: theme.id, title: 'Level 1' });
    const level2 = await t.api['section-add']({ parentId: level1.id, title: 'Level 2' });
    expect(level2.depth).toBe(MAX_SECTION_DEPTH - 1);
    await expect(t.api['section-add']({ parentId: level2.id, title: 'Too deep' })).rejects.toMatchObject({
      code: 'not-allowed',
    });
  });

  it('needs a live parent', async () => {
    await expect(t.api['section-add']({ parentId: 'missing', title: 'x' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('renames a section', async () => {
    const theme = await t.section('theme.governance');
    const added = await t.api['section-add']({ parentId: theme.id, title: 'Scrutny' });
    const renamed = await t.api['section-rename']({ id: added.id, title: 'Scrutiny' });
    expect(renamed).toMatchObject({ id: added.id, title: 'Scrutiny', depth: 1 });
  });
});

describe('moving sections', () => {
  async function threeUnder(key: string) {
    const parent = await t.section(key);
    const a = await t.api['section-add']({ parentId: parent.id, title: 'A' });
    const b = await t.api['section-add']({ parentId: parent.id, title: 'B' });
    const c = await t.api['section-add']({ parentId: parent.id, title: 'C' });
    return { parent, a, b, c };
  }

  it('reorders within siblings, both directions', async () => {
    const { parent, a, c } = await threeUnder('theme.leadership');
    await t.api['section-move']({ id: a.id, parentId: parent.id, index: 2 });
    expect(await childTitles(parent.id)).toEqual(['B', 'C', 'A']);
    const list = await t.api['section-move']({ id: c.id, parentId: parent.id, index: 0 });
    expect(await childTitles(parent.id)).toEqual(['C', 'B', 'A']);
    expectContiguous(list);
  });

  it('reparents with its subsections, renumbering both sides', async () => {
    const { parent, b } = await threeUnder('theme.leadership');
    const child = await t.api['section-add']({ parentId: b.id, title: 'B.1' });
    const finance = await t.section('theme.finance');
    const list = await t.api['section-move']({ id: b.id, parentId: finance.id, index: 0 });
    expect(await childTitles(parent.id)).toEqual(['A', 'C']);
    expect(await childTitles(finance.id)).toEqual(['B']);
    expect(list.find((s) => s.id === child.id)).toMatchObject({ parentId: b.id, depth: 2 });
    expectContiguous(list);
  });

  it('refuses to move fixed chapters', async () => {
    const theme = await t.section('theme.governance');
    const intro = await t.section('introduction');
    await expect(t.api['section-move']({ id: theme.id, parentId: intro.id, index: 0 })).rejects.toMatchObject({
      code: 'not-allowed',
      message: expect.stringContaining('fixed'),
    });
  });

  it('refuses to move a section under itself or its descendants', async () => {
    const { a } = await threeUnder('theme.leadership');
    const child = await t.api['section-add']({ parentId: a.id, title: 'A.1' });
    await expect(t.api['section-move']({ id: a.id, parentId: a.id, index: 0 })).rejects.toMatchObject({ code: 'not-allowed' });
    await expect(t.api['section-move']({ id: a.id, parentId: child.id, index: 0 })).rejects.toMatchObject({
      code: 'not-allowed',
    });
  });

  it('respects the depth limit for the whole moved subtree', async () => {
    const { a, b } = await threeUnder('theme.leadership');
    await t.api['section-add']({ parentId: a.id, title: 'A.1' });
    // A has a child, so under B (depth 1) A's child would be at depth 3.
    await expect(t.api['section-move']({ id: a.id, parentId: b.id, index: 0 })).rejects.toMatchObject({
      code: 'not-allowed',
    });
    // A leaf can go there.
    const leaf = await t.api['section-add']({ parentId: b.id, title: 'leaf-to-move', index: 0 });
    const c = await t.section('C');
    await expect(t.api['section-move']({ id: leaf.id, parentId: c.id, index: 0 })).resolves.toBeDefined();
  });

  it('clamps an index past the end', async () => {
    const { parent, a } = await threeUnder('theme.leadership');
    await t.api['section-move']({ id: a.id, parentId: parent.id, index: 50 });
    expect(await childTitles(parent.id)).toEqual(['B', 'C', 'A']);
  });
});

describe('deleting and restoring', () => {
  it('soft-deletes the subtree and restores it to its old place', async () => {
    const theme = await t.section('theme.capacity');
    const a = await t.api['section-add']({ parentId: theme.id, title: 'A' });
    const b = await t.api['section-add']({ parentId: theme.id, title: 'B' });
    const b1 = await t.api['section-add']({ parentId: b.id, title: 'B.1' });
    await t.api['section-save-content']({ id: b1.id, content: doc('Kept through the bin.') });
    await t.api['section-add']({ parentId: theme.id, title: 'C' });

    const deleted = await t.api['section-delete']({ id: b.id });
    expect(deleted).toEqual({ id: b.id, deletedIds: [b.id, b1.id] });
    expect(await childTitles(theme.id)).toEqual(['A', 'C']);
    expectContiguous(await t.api['sections-list']({}));

    await t.api['section-add']({ parentId: theme.id, title: 'D' });
    const restored = await t.api['section-restore']({ id: b.id });
    expect(await childTitles(theme.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(restored.find((s) => s.id === b1.id)).toMatchObject({ parentId: b.id, depth: 2 });
    expect((await t.api['section-get']({ id: b1.id })).wordCount).toBe(4);
    expectContiguous(restored);
    expect(a.position).toBe(0);
  });

  it('restores to the end if its siblings have since gone', async () => {
    const theme = await t.section('theme.capacity');
    const a = await t.api['section-add']({ parentId: theme.id, title: 'A' });
    const b = await t.api['section-add']({ parentId: theme.id, title: 'B' });
    await t.api['section-delete']({ id: b.id });
    await t.api['section-delete']({ id: a.id });
    await t.api['section-restore']({ id: b.id });
    expect(await childTitles(theme.id)).toEqual(['B']);
  });

  it('does not bring back a child that was deleted separately earlier', async () => {
    const theme = await t.section('theme.capacity');
    const a = await t.api['section-add']({ parentId: theme.id, title: 'A' });
    const a1 = await t.api['section-add']({ parentId: a.id, title: 'A.1' });
    await t.api['section-add']({ parentId: a.id, title: 'A.2' });
    await t.api['section-delete']({ id: a1.id });
    await t.api['section-delete']({ id: a.id });
    await t.api['section-restore']({ id: a.id });
    expect(await childTitles(a.id)).toEqual(['A.2']);
    // A.1 can still be restored on its own, now that its parent is back.
    await t.api['section-restore']({ id: a1.id });
    expect(await childTitles(a.id)).toEqual(['A.1', 'A.2']);
  });

  it('explains why a section inside a deleted parent cannot be restored on its own', async () => {
    const theme = await t.section('theme.capacity');
    const a = await t.api['section-add']({ parentId: theme.id, title: 'A' });
    const a1 = await t.api['section-add']({ parentId: a.id, title: 'A.1' });
    await t.api['section-delete']({ id: a1.id });
    await t.api['section-delete']({ id: a.id });
    await expect(t.api['section-restore']({ id: a1.id })).rejects.toMatchObject({
      code: 'not-allowed',
      message: expect.stringContaining('Restore that section first'),
    });
  });

  it('refuses to delete fixed chapters', async () => {
    const theme = await t.section('theme.governance');
    await expect(t.api['section-delete']({ id: theme.id })).rejects.toMatchObject({
      code: 'not-allowed',
      message: '“Governance and culture” is one of the statement\'s fixed chapters, so it cannot be deleted.',
    });
  });

  it('restoring a live section changes nothing', async () => {
    const before = await t.api['sections-list']({});
    const theme = await t.section('theme.governance');
    expect(await t.api['section-restore']({ id: theme.id })).toEqual(before);
  });

  it('forgets the last section when it is deleted', async () => {
    const theme = await t.section('theme.capacity');
    const a = await t.api['section-add']({ parentId: theme.id, title: 'A' });
    await t.api['ui-state-set']({ lastSectionId: a.id });
    expect((await t.api['assessment-current']({}))!.lastSectionId).toBe(a.id);
    await t.api['section-delete']({ id: a.id });
    expect((await t.api['assessment-current']({}))!.lastSectionId).toBeNull();
  });
});
