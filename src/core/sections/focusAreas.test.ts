import { FOCUS_AREA_GUIDANCE, FOCUS_AREA_WORD_TARGET } from './focusAreaGuidance';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SectionSummary } from '../../shared/schemas/section';
import { openTestCore, type TestCore } from '../testing/openTestCore';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.cleanup());

async function topLevel(): Promise<SectionSummary[]> {
  return (await t.api['sections-list']({})).filter((s) => s.parentId === null);
}

/** The top-level chapters as kind:title for focus areas, kind alone for the rest. */
async function chapters(): Promise<string[]> {
  return (await topLevel()).map((s) => (s.kind === 'focus-area' ? `focus:${s.title}` : s.kind));
}

const FIXED = ['front-matter', 'introduction', 'theme', 'theme', 'theme', 'theme', 'theme'];

function expectContiguous(list: SectionSummary[]): void {
  expect(list.map((s) => s.position)).toEqual(list.map((_, i) => i));
}

describe('focus-area-add', () => {
  it('adds a chapter after the last theme, then after the last focus area, always before the documents', async () => {
    const first = await t.api['focus-area-add']({ title: 'Regeneration and culture' });
    expect(first).toMatchObject({
      kind: 'focus-area',
      parentId: null,
      depth: 0,
      position: 7,
      fixed: false,
      templateKey: null,
      wordTarget: FOCUS_AREA_WORD_TARGET,
      wordCount: 0,
    });
    await t.api['focus-area-add']({ title: 'Children’s services' });
    expect(await chapters()).toEqual([...FIXED, 'focus:Regeneration and culture', 'focus:Children’s services', 'documents']);
    expectContiguous(await topLevel());
    // A focus area starts with general guidance of its own, so the panel is never empty there.
    const guidance = (await t.api['section-get']({ id: first.id })).guidance;
    expect(guidance).toEqual(FOCUS_AREA_GUIDANCE);
    expect(guidance?.questions[0]).toMatch(/asked the peers to look at this area/);
  });

  it('works in the progress review template too', async () => {
    await t.api['assessment-create']({ path: `${t.dir}/revisit`, councilName: 'X', templateId: 'progress-review' });
    await t.api['focus-area-add']({ title: 'Housing' });
    const kinds = (await topLevel()).map((s) => s.kind);
    expect(kinds.slice(-3)).toEqual(['theme', 'focus-area', 'documents']);
  });

  it('trims and checks the title', async () => {
    expect((await t.api['focus-area-add']({ title: '  Housing  ' })).title).toBe('Housing');
    await expect(t.api['focus-area-add']({ title: ' ' })).rejects.toThrow('Give the section a title.');
  });

  it('can be renamed, given subsections like any chapter, and deleted and restored', async () => {
    const focus = await t.api['focus-area-add']({ title: 'Regenration' });
    await t.api['section-rename']({ id: focus.id, title: 'Regeneration' });
    const sub = await t.api['section-add']({ parentId: focus.id, title: 'Town centre' });
    const subsub = await t.api['section-add']({ parentId: sub.id, title: 'Markets' });
    expect(subsub.depth).toBe(2);
    await t.api['focus-area-add']({ title: 'Housing' });
    const deleted = await t.api['section-delete']({ id: focus.id });
    expect(deleted.deletedIds).toEqual([focus.id, sub.id, subsub.id]);
    expect(await chapters()).toEqual([...FIXED, 'focus:Housing', 'documents']);
    await t.api['section-restore']({ id: focus.id });
    expect(await chapters()).toEqual([...FIXED, 'focus:Regeneration', 'focus:Housing', 'documents']);
    expect((await t.api['sections-list']({})).find((s) => s.id === subsub.id)).toMatchObject({ depth: 2 });
  });

  it('a restored focus area goes back into the block even if its old place is now past the documents', async () => {
    const a = await t.api['focus-area-add']({ title: 'A' });
    const b = await t.api['focus-area-add']({ title: 'B' });
    const c = await t.api['focus-area-add']({ title: 'C' });
    await t.api['section-delete']({ id: c.id }); // was at position 9
    await t.api['section-delete']({ id: a.id });
    await t.api['section-delete']({ id: b.id });
    const restored = await t.api['section-restore']({ id: c.id });
    expect(await chapters()).toEqual([...FIXED, 'focus:C', 'documents']);
    expectContiguous(restored.filter((s) => s.parentId === null));
  });
});

describe('moving focus areas and chapters', () => {
  async function threeFocusAreas() {
    const a = await t.api['focus-area-add']({ title: 'A' });
    const b = await t.api['focus-area-add']({ title: 'B' });
    const c = await t.api['focus-area-add']({ title: 'C' });
    return { a, b, c };
  }

  it('reorders focus areas within their block, both directions', async () => {
    const { a, c } = await threeFocusAreas();
    // Top-level indexes: 0-6 fixed chapters, 7-9 focus areas, 10 documents.
    await t.api['section-move']({ id: a.id, parentId: null, index: 9 });
    expect(await chapters()).toEqual([...FIXED, 'focus:B', 'focus:C', 'focus:A', 'documents']);
    const list = await t.api['section-move']({ id: c.id, parentId: null, index: 7 });
    expect(await chapters()).toEqual([...FIXED, 'focus:C', 'focus:B', 'focus:A', 'documents']);
    expectContiguous(list.filter((s) => s.parentId === null));
  });

  it('refuses to move a focus area among the themes, after the documents or inside a chapter', async () => {
    const { a } = await threeFocusAreas();
    for (const index of [0, 3, 6, 10, 50]) {
      await expect(t.api['section-move']({ id: a.id, parentId: null, index })).rejects.toMatchObject({
        code: 'not-allowed',
        message: 'Focus areas stay together after the themes and before the key and background documents.',
      });
    }
    const theme = await t.section('theme.governance');
    await expect(t.api['section-move']({ id: a.id, parentId: theme.id, index: 0 })).rejects.toMatchObject({
      code: 'not-allowed',
      message: expect.stringContaining('is a focus area'),
    });
    expect(await chapters()).toEqual([...FIXED, 'focus:A', 'focus:B', 'focus:C', 'documents']);
  });

  it('moves nothing else to top level', async () => {
    await threeFocusAreas();
    const theme = await t.section('theme.governance');
    const sub = await t.api['section-add']({ parentId: theme.id, title: 'Scrutiny' });
    for (const index of [0, 7, 8]) {
      await expect(t.api['section-move']({ id: sub.id, parentId: null, index })).rejects.toMatchObject({
        code: 'not-allowed',
        message: 'Only focus areas can be chapters of their own. Move “Scrutiny” into one of the chapters instead.',
      });
    }
    await expect(t.api['section-move']({ id: theme.id, parentId: null, index: 8 })).rejects.toMatchObject({
      code: 'not-allowed',
      message: expect.stringContaining('fixed'),
    });
  });

  it('moves subsections into and out of a focus area like any chapter', async () => {
    const { a } = await threeFocusAreas();
    const theme = await t.section('theme.governance');
    const sub = await t.api['section-add']({ parentId: theme.id, title: 'Scrutiny' });
    await t.api['section-move']({ id: sub.id, parentId: a.id, index: 0 });
    expect((await t.api['sections-list']({})).find((s) => s.id === sub.id)).toMatchObject({ parentId: a.id, depth: 1 });
    await t.api['section-move']({ id: sub.id, parentId: theme.id, index: 0 });
    expect((await t.api['sections-list']({})).find((s) => s.id === sub.id)).toMatchObject({ parentId: theme.id });
  });

  it('a template with no focus areas yet accepts a move to the only place in the block', async () => {
    const a = await t.api['focus-area-add']({ title: 'A' });
    await expect(t.api['section-move']({ id: a.id, parentId: null, index: 7 })).resolves.toBeDefined();
    expect(await chapters()).toEqual([...FIXED, 'focus:A', 'documents']);
  });
});
