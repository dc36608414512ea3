import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../testing/openTestCore';
import { doc } from '../testing/testFiles';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.cleanup());

/** n words of filler. */
const words = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ');

describe('chapter totals (issue #9, item 5)', () => {
  it('counts a chapter with its subsections, and keeps its own text apart', async () => {
    const governance = await t.section('theme.governance');
    await t.api['section-save-content']({ id: governance.id, content: doc(words(30)) });
    const a = await t.api['section-add']({ parentId: governance.id, title: 'Scrutiny' });
    const a1 = await t.api['section-add']({ parentId: a.id, title: 'Call-in' });
    await t.api['section-save-content']({ id: a.id, content: doc(words(20)) });
    await t.api['section-save-content']({ id: a1.id, content: doc(words(7)) });
    const list = await t.api['sections-list']({});
    const byId = new Map(list.map((s) => [s.id, s]));
    expect(byId.get(governance.id)).toMatchObject({ wordCount: 30, totalWordCount: 57 });
    expect(byId.get(a.id)).toMatchObject({ wordCount: 20, totalWordCount: 27 });
    expect(byId.get(a1.id)).toMatchObject({ wordCount: 7, totalWordCount: 7 });
    expect(await t.api['section-get']({ id: governance.id })).toMatchObject({ totalWordCount: 57 });
    // A deleted subsection no longer counts.
    await t.api['section-delete']({ id: a1.id });
    expect((await t.api['sections-list']({})).find((s) => s.id === governance.id)).toMatchObject({ totalWordCount: 50 });
  });
});

describe('the bin: recently deleted, and emptying it (issue #9 item 3, issue #6)', () => {
  it('lists what was deleted, newest first, with what went with it, until the bin is emptied', async () => {
    const governance = await t.section('theme.governance');
    const a = await t.api['section-add']({ parentId: governance.id, title: 'Scrutiny' });
    const a1 = await t.api['section-add']({ parentId: a.id, title: 'Call-in' });
    const b = await t.api['section-add']({ parentId: governance.id, title: 'Audit' });
    await t.api['section-save-content']({ id: a1.id, content: doc(words(5)) });
    await t.api['section-delete']({ id: a.id });
    await new Promise((r) => setTimeout(r, 5));
    await t.api['section-delete']({ id: b.id });
    const bin = await t.api['sections-deleted-list']({});
    expect(bin.map((d) => d.title)).toEqual(['Audit', 'Scrutiny']);
    expect(bin[1]).toMatchObject({ id: a.id, parentTitle: governance.title, subsectionCount: 1, wordCount: 5 });

    await t.api['section-restore']({ id: b.id });
    expect((await t.api['sections-deleted-list']({})).map((d) => d.title)).toEqual(['Scrutiny']);

    expect(await t.api['sections-bin-empty']({})).toEqual({ removed: 2 });
    expect(await t.api['sections-deleted-list']({})).toEqual([]);
    await expect(t.api['section-restore']({ id: a.id })).rejects.toMatchObject({ code: 'not-found' });
    expect((await t.api['sections-list']({})).map((s) => s.title)).toContain('Audit');
  });

  it('leaves no trace of deleted text in the file, open or closed (WAL included)', async () => {
    const marker = 'Zyxquorrelmarker';
    const governance = await t.section('theme.governance');
    const keep = await t.api['section-add']({ parentId: governance.id, title: 'Kept' });
    await t.api['section-save-content']({ id: keep.id, content: doc('Still here, keptwordalpha.') });
    const gone = await t.api['section-add']({ parentId: governance.id, title: `Title ${marker}` });
    // Several saves, so old versions of the text sit in freed pages and the WAL too.
    for (let i = 0; i < 5; i++) {
      await t.api['section-save-content']({ id: gone.id, content: doc(`${marker} ${words(400 + i * 50, marker)} draft ${i}`) });
    }
    await t.api['section-delete']({ id: gone.id });
    const contains = (file: string, text: string) =>
      fs.existsSync(file) && fs.readFileSync(file).includes(Buffer.from(text, 'utf8'));
    expect(contains(t.filePath, marker) || contains(`${t.filePath}-wal`, marker)).toBe(true);

    await t.api['sections-bin-empty']({});
    expect(contains(t.filePath, marker)).toBe(false);
    expect(contains(`${t.filePath}-wal`, marker)).toBe(false);
    // The live text is untouched and still found by search.
    expect(contains(t.filePath, 'keptwordalpha')).toBe(true);
    const found = await t.api['statement-find']({ query: 'keptwordalpha' });
    expect(JSON.stringify(found)).toContain(keep.id);
    expect(JSON.stringify(await t.api['statement-find']({ query: marker }))).not.toContain(gone.id);

    await t.api['assessment-close']({});
    expect(contains(t.filePath, marker)).toBe(false);
    expect(contains(t.filePath, 'keptwordalpha')).toBe(true);
  });
});
