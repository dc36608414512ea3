import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countWords } from '../../document/plainText';
import { openTestCore, type TestCore } from '../testing/openTestCore';
import { doc, text } from '../testing/testFiles';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.cleanup());

async function write(key: string, ...paragraphs: Parameters<typeof doc>) {
  const { id } = await t.section(key);
  await t.api['section-save-content']({ id, content: doc(...paragraphs) });
  return id;
}

describe('statement-find', () => {
  it('counts matches per section in binder order with short snippets', async () => {
    const finance = await write('theme.finance', 'The medium term financial plan closes the budget gap.');
    const leader = await write('front.leader-welcome', 'Our plan is ambitious. Plan, plan, plan.');
    const result = await t.api['statement-find']({ query: 'plan' });
    expect(result.total).toBe(5);
    expect(result.sections.map((s) => [s.sectionId, s.count])).toEqual([
      [leader, 4],
      [finance, 1],
    ]);
    expect(result.sections[0]!.snippets).toHaveLength(3);
    expect(result.sections[1]!.snippets[0]).toEqual({
      before: 'The medium term financial ',
      match: 'plan',
      after: ' closes the budget gap.',
    });
  });

  it('keeps snippets to about 40 characters either side, on one line', async () => {
    await write('theme.governance', 'x'.repeat(100) + ' scrutiny ' + 'y'.repeat(100), 'next paragraph');
    const [section] = (await t.api['statement-find']({ query: 'scrutiny' })).sections;
    const snippet = section!.snippets[0]!;
    expect(snippet.before.length).toBeLessThanOrEqual(41);
    expect(snippet.after.length).toBeLessThanOrEqual(41);
    expect(snippet.after).not.toContain('\n');
  });

  it('cuts snippets between words, with an ellipsis where text was left out', async () => {
    await write('theme.governance', 'The council has robust, established and effective governance arrangements which ensure that resources are directed well.');
    const [section] = (await t.api['statement-find']({ query: 'governance' })).sections;
    expect(section!.snippets[0]).toEqual({
      before: '…has robust, established and effective ',
      match: 'governance',
      after: ' arrangements which ensure that…',
    });
  });

  it('honours match case and whole word', async () => {
    await write('theme.governance', 'Audit audit auditing AUDIT');
    expect((await t.api['statement-find']({ query: 'audit' })).total).toBe(4);
    expect((await t.api['statement-find']({ query: 'audit', matchCase: true })).total).toBe(2);
    expect((await t.api['statement-find']({ query: 'audit', wholeWord: true })).total).toBe(3);
    expect((await t.api['statement-find']({ query: 'audit', wholeWord: true, matchCase: true })).total).toBe(1);
  });

  it('skips deleted sections and finds nothing gracefully', async () => {
    const theme = await t.section('theme.governance');
    const sub = await t.api['section-add']({ parentId: theme.id, title: 'Bin me' });
    await t.api['section-save-content']({ id: sub.id, content: doc('unique-word') });
    expect((await t.api['statement-find']({ query: 'unique-word' })).total).toBe(1);
    await t.api['section-delete']({ id: sub.id });
    expect(await t.api['statement-find']({ query: 'unique-word' })).toEqual({ total: 0, sections: [], damagedSections: [] });
  });
});

describe('statement-replace-all', () => {
  it('replaces in text nodes, keeping formatting, and updates counts and revisions', async () => {
    const { id } = await t.section('theme.governance');
    await t.api['section-save-content']({
      id,
      content: doc([text('The Cabinet', 1), text(' meets; the cabinet decides.')]),
    });
    const result = await t.api['statement-replace-all']({ query: 'cabinet', replacement: 'executive committee' });
    expect(result).toEqual({ replaced: 2, sectionIds: [id], undoId: expect.any(String), damagedSections: [] });
    const saved = await t.api['section-get']({ id });
    const nodes = saved.content.root.children[0]!.children!;
    expect(nodes.map((n) => [n.text, n.format])).toEqual([
      ['The executive committee', 1],
      [' meets; the executive committee decides.', 0],
    ]);
    expect(saved.revision).toBe(2);
    expect(saved.wordCount).toBe(8);
  });

  it('takes the replacement literally ($& and backslashes included)', async () => {
    const id = await write('theme.finance', 'Budget: 10m (net).');
    await t.api['statement-replace-all']({ query: '(net)', replacement: '$& \\1 $1' });
    const saved = await t.api['section-get']({ id });
    expect(saved.content.root.children[0]!.children![0]!.text).toBe('Budget: 10m $& \\1 $1.');
  });

  it('can be limited to one section', async () => {
    const a = await write('theme.finance', 'council council');
    const b = await write('theme.capacity', 'council');
    const result = await t.api['statement-replace-all']({ query: 'council', replacement: 'authority', sectionId: a });
    expect(result).toEqual({ replaced: 2, sectionIds: [a], undoId: expect.any(String), damagedSections: [] });
    expect((await t.api['statement-find']({ query: 'council' })).sections.map((s) => s.sectionId)).toEqual([b]);
    await expect(
      t.api['statement-replace-all']({ query: 'x', replacement: 'y', sectionId: 'missing' }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });

  it('honours whole word and match case, and leaves unmatched sections untouched', async () => {
    const a = await write('theme.finance', 'Plan plan planning');
    const b = await write('theme.capacity', 'nothing here');
    const result = await t.api['statement-replace-all']({
      query: 'plan',
      replacement: 'strategy',
      wholeWord: true,
      matchCase: true,
    });
    expect(result).toEqual({ replaced: 1, sectionIds: [a], undoId: expect.any(String), damagedSections: [] });
    expect((await t.api['section-get']({ id: a })).content).toEqual(doc('Plan strategy planning'));
    expect((await t.api['section-get']({ id: b })).revision).toBe(1);
  });
});

describe('statement-replace-undo', () => {
  it('puts back every section a replace all changed, in one step', async () => {
    const a = await write('theme.finance', [text('The Cabinet', 1), text(' sets the budget.')]);
    const b = await write('theme.capacity', 'Cabinet members, cabinet papers.');
    const c = await write('theme.governance', 'No match here.');
    const before = await Promise.all([a, b, c].map((id) => t.api['section-get']({ id })));
    const replaced = await t.api['statement-replace-all']({ query: 'cabinet', replacement: 'executive' });
    expect(new Set(replaced.sectionIds)).toEqual(new Set([a, b]));
    expect((await t.api['statement-find']({ query: 'cabinet' })).total).toBe(0);

    const undone = await t.api['statement-replace-undo']({ undoId: replaced.undoId! });
    expect(undone).toEqual({ restoredSectionIds: replaced.sectionIds, changedSince: [] });
    const after = await Promise.all([a, b, c].map((id) => t.api['section-get']({ id })));
    expect(after.map((s) => s.content)).toEqual(before.map((s) => s.content));
    expect(after.map((s) => s.wordCount)).toEqual(before.map((s) => s.wordCount));
    expect((await t.api['statement-find']({ query: 'cabinet' })).total).toBe(3);
    // A section the replace did not touch is not written to by its undo either.
    expect(after[2]!.revision).toBe(before[2]!.revision);
  });

  it('leaves a section written to since the replace as it is, and says which', async () => {
    const a = await write('theme.finance', 'council budget');
    const b = await write('theme.capacity', 'council staff');
    const replaced = await t.api['statement-replace-all']({ query: 'council', replacement: 'authority' });
    await t.api['section-save-content']({ id: b, content: doc('authority staff, and a new sentence.') });
    const undone = await t.api['statement-replace-undo']({ undoId: replaced.undoId! });
    expect(undone.restoredSectionIds).toEqual([a]);
    expect(undone.changedSince).toEqual([{ sectionId: b, sectionTitle: 'Capacity for improvement' }]);
    expect((await t.api['section-get']({ id: a })).content).toEqual(doc('council budget'));
    expect((await t.api['section-get']({ id: b })).content).toEqual(doc('authority staff, and a new sentence.'));
  });

  it('undoes once, and says so plainly for an unknown or spent undo', async () => {
    await write('theme.finance', 'council');
    const nothing = await t.api['statement-replace-all']({ query: 'absent', replacement: 'x' });
    expect(nothing).toEqual({ replaced: 0, sectionIds: [], undoId: null, damagedSections: [] });
    const replaced = await t.api['statement-replace-all']({ query: 'council', replacement: 'authority' });
    await t.api['statement-replace-undo']({ undoId: replaced.undoId! });
    await expect(t.api['statement-replace-undo']({ undoId: replaced.undoId! })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('can no longer be undone'),
    });
  });
});

describe('a full-size statement', () => {
  const seed = path.resolve(process.cwd(), '../shared/seeds/003_914e2cca6af3a5ec.txt');

  // ../shared sits beside the repo in development and in CI; a missing seed must fail, not skip.
  it('imports ~60 sections of a real statement; find and word counts hold up', async () => {
    const lines = fs
      .readFileSync(seed, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    const chunkCount = 60;
    const chunkSize = Math.ceil(lines.length / chunkCount);
    const chunks = Array.from({ length: chunkCount }, (_, i) => lines.slice(i * chunkSize, (i + 1) * chunkSize)).filter(
      (c) => c.length > 0,
    );
    const parents = (await t.api['sections-list']({})).filter((s) => s.depth === 0);
    for (const [i, chunk] of chunks.entries()) {
      const section = await t.api['section-add']({ parentId: parents[i % parents.length]!.id, title: `Part ${i + 1}` });
      await t.api['section-save-content']({ id: section.id, content: doc(...chunk) });
    }

    const list = await t.api['sections-list']({});
    const totalWords = list.reduce((sum, s) => sum + s.wordCount, 0);
    expect(totalWords).toBe(chunks.reduce((sum, chunk) => sum + countWords(chunk.join('\n')), 0));
    expect(totalWords).toBeGreaterThan(15_000);

    const expected = (pattern: RegExp) => lines.reduce((n, line) => n + (line.match(pattern)?.length ?? 0), 0);
    const started = performance.now();
    const found = await t.api['statement-find']({ query: 'council' });
    const elapsed = performance.now() - started;
    expect(found.total).toBe(expected(/council/gi));
    expect(found.total).toBeGreaterThan(100);
    expect(elapsed).toBeLessThan(500);
    expect((await t.api['statement-find']({ query: 'Council', matchCase: true })).total).toBe(expected(/Council/g));
    expect((await t.api['statement-find']({ query: 'council', wholeWord: true })).total).toBe(
      expected(/(?<![\p{L}\p{N}_])council(?![\p{L}\p{N}_])/giu),
    );
    // Binder order: sections come back in the order the binder lists them.
    const order = list.map((s) => s.id);
    const foundOrder = found.sections.map((s) => order.indexOf(s.sectionId));
    expect(foundOrder).toEqual([...foundOrder].sort((a, b) => a - b));

    const replaced = await t.api['statement-replace-all']({ query: 'council', replacement: 'authority' });
    expect(replaced.replaced).toBe(found.total);
    expect((await t.api['statement-find']({ query: 'council' })).total).toBe(0);
  });
});
