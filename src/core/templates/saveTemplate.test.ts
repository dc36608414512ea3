import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SectionSummary } from '../../shared/schemas/section';
import { TemplateSchema } from '../../shared/schemas/template';
import { openTestCore, type TestCore } from '../testing/openTestCore';
import { doc } from '../testing/testFiles';
import { parseTemplateJson } from './templateValidation';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.cleanup());

/** Everything a template carries about the binder, in binder order, with each section's content. */
async function shape() {
  const list = await t.api['sections-list']({});
  const titleOf = new Map(list.map((s) => [s.id, s.title]));
  return Promise.all(
    list.map(async (s: SectionSummary) => {
      const full = await t.api['section-get']({ id: s.id });
      return {
        title: s.title,
        parent: s.parentId === null ? null : titleOf.get(s.parentId),
        kind: s.kind,
        depth: s.depth,
        fixed: s.fixed,
        wordTarget: s.wordTarget,
        guidance: full.guidance,
        words: full.wordCount,
        paragraphs: full.content.root.children.length,
      };
    }),
  );
}

describe('template-save-current', () => {
  it('a saved template recreates the same structure, targets and guidance, with no content', async () => {
    const api = t.api;
    // Build up a realistic binder from cpc-2024.
    const governance = await t.section('theme.governance');
    const scrutiny = await api['section-add']({ parentId: governance.id, title: 'Scrutiny and challenge' });
    await api['section-add']({ parentId: scrutiny.id, title: 'Call-in' });
    await api['section-set-word-target']({ id: scrutiny.id, wordTarget: 800 });
    await api['section-save-content']({ id: scrutiny.id, content: doc('Our scrutiny committees changed three decisions.') });
    const regeneration = await api['focus-area-add']({ title: 'Regeneration and culture' });
    await api['section-add']({ parentId: regeneration.id, title: 'Town centre' });
    await api['section-set-word-target']({ id: regeneration.id, wordTarget: 2500 });
    await api['focus-area-add']({ title: 'Children’s services' });
    await api['section-set-word-target']({ id: (await t.section('theme.finance')).id, wordTarget: 5000 });
    await api['section-set-word-target']({ id: (await t.section('front.our-place')).id, wordTarget: null });
    // A deleted section is not part of the structure.
    const gone = await api['section-add']({ parentId: governance.id, title: 'Old notes' });
    await api['section-delete']({ id: gone.id });
    await api['assessment-update']({ wordTarget: 35000 });
    const before = await shape();

    const saved = await api['template-save-current']({ name: 'Testshire 2025 structure', description: 'Our own binder.' });
    expect(saved).toMatchObject({
      id: 'testshire-2025-structure',
      name: 'Testshire 2025 structure',
      description: 'Our own binder.',
      kind: 'full',
      source: 'folder',
    });
    const list = await api['templates-list']({});
    expect(saved.file).toBe(path.join(list.folder, 'testshire-2025-structure.json'));
    expect(list.templates.map((x) => x.id)).toContain('testshire-2025-structure');
    expect(list.problems).toEqual([]);

    const template = parseTemplateJson('saved', fs.readFileSync(saved.file!, 'utf8'));
    expect(TemplateSchema.parse(template)).toMatchObject({ version: 1, wordTarget: 35000 });
    const keys = JSON.stringify(template).match(/"key":"[^"]+"/g) ?? [];
    expect(keys).toContain('"key":"theme.governance"');
    expect(keys).toContain('"key":"custom.scrutiny-and-challenge"');
    expect(keys).toContain('"key":"custom.regeneration-and-culture"');
    expect(keys).toContain('"key":"custom.children-s-services"');
    expect(new Set(keys).size).toBe(keys.length);
    expect(JSON.stringify(template)).not.toContain('Old notes');
    expect(JSON.stringify(template)).not.toContain('changed three decisions');

    const created = await api['assessment-create']({
      path: path.join(t.dir, 'from-saved'),
      councilName: 'Testshire Council',
      templateId: saved.id,
    });
    expect(created).toMatchObject({ templateId: 'testshire-2025-structure', kind: 'full', wordTarget: 35000 });
    const after = await shape();
    expect(after).toEqual(before.map((s) => ({ ...s, words: 0, paragraphs: 1 })));
    // Focus areas from a saved template are still focus areas: not fixed, movable within their block.
    expect(after.filter((s) => s.kind === 'focus-area').map((s) => [s.title, s.fixed])).toEqual([
      ['Regeneration and culture', false],
      ['Children’s services', false],
    ]);
    // The user-added sections have keys now, and still no guidance.
    expect((await t.section('custom.scrutiny-and-challenge')).title).toBe('Scrutiny and challenge');
  });

  it('gives each saved template its own id and file, keeps the progress kind, and never overwrites', async () => {
    const first = await t.api['template-save-current']({ name: 'Our binder' });
    const second = await t.api['template-save-current']({ name: 'Our binder' });
    // A file already called our-binder-3.json (even a broken one) is not overwritten.
    const folder = (await t.api['templates-list']({})).folder;
    fs.writeFileSync(path.join(folder, 'our-binder-3.json'), 'not json');
    const third = await t.api['template-save-current']({ name: 'Our binder' });
    expect([first.id, second.id, third.id]).toEqual(['our-binder', 'our-binder-2', 'our-binder-4']);
    expect(fs.readFileSync(path.join(folder, 'our-binder-3.json'), 'utf8')).toBe('not json');
    expect(first.description).toBeNull();

    // A name that would clash with a built-in template's id.
    expect((await t.api['template-save-current']({ name: 'CPC 2024' })).id).toBe('cpc-2024-2');
    // A name with nothing usable in a file name.
    expect((await t.api['template-save-current']({ name: '★★★' })).id).toBe('template');

    await t.api['assessment-create']({ path: path.join(t.dir, 'revisit'), councilName: 'X', templateId: 'progress-review' });
    const progress = await t.api['template-save-current']({ name: 'Our revisit' });
    expect(progress.kind).toBe('progress');
  });

  it('saves into a chosen folder, and says so plainly if that folder has gone', async () => {
    const folder = path.join(t.dir, 'shared templates');
    fs.mkdirSync(folder);
    await t.api['templates-set-folder']({ folder });
    const saved = await t.api['template-save-current']({ name: 'Shared' });
    expect(saved.file).toBe(path.join(folder, 'shared.json'));
    fs.rmSync(folder, { recursive: true });
    await expect(t.api['template-save-current']({ name: 'Shared' })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('could not be found'),
    });
  });

  it('needs an open assessment and a name', async () => {
    await expect(t.api['template-save-current']({ name: '  ' })).rejects.toThrow('Give the template a name.');
    await t.api['assessment-close']({});
    await expect(t.api['template-save-current']({ name: 'X' })).rejects.toMatchObject({ code: 'no-assessment-open' });
  });
});
