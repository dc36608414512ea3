import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShellHandlers } from '../../shared/contract';
import { createDispatcher } from '../dispatch';
import { openTestCore, type TestCore } from '../testing/openTestCore';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.cleanup());

const shell = {} as ShellHandlers;

describe('word targets', () => {
  it('come from the template, for sections and the whole statement', async () => {
    expect(await t.section('theme.governance')).toMatchObject({ wordTarget: 4000 });
    expect(await t.section('front.leader-welcome')).toMatchObject({ wordTarget: 400 });
    expect(await t.section('front-matter')).toMatchObject({ wordTarget: null });
    expect((await t.api['assessment-current']({}))!.wordTarget).toBe(30000);
  });

  it('can be set and cleared per section, kept in the file', async () => {
    const theme = await t.section('theme.governance');
    const set = await t.api['section-set-word-target']({ id: theme.id, wordTarget: 5500 });
    expect(set).toMatchObject({ id: theme.id, wordTarget: 5500, depth: 0 });
    const sub = await t.api['section-add']({ parentId: theme.id, title: 'Scrutiny' });
    expect(sub.wordTarget).toBeNull();
    await t.api['section-set-word-target']({ id: sub.id, wordTarget: 700 });
    expect((await t.api['section-set-word-target']({ id: theme.id, wordTarget: null })).wordTarget).toBeNull();
    await t.api['assessment-close']({});
    await t.api['assessment-open']({ path: t.filePath });
    expect(await t.section('theme.governance')).toMatchObject({ wordTarget: null });
    expect(await t.section('Scrutiny')).toMatchObject({ wordTarget: 700 });
    expect((await t.api['section-get']({ id: sub.id })).wordTarget).toBe(700);
  });

  it('can be set and cleared for the whole statement, leaving the rest alone', async () => {
    const updated = await t.api['assessment-update']({ wordTarget: 25000 });
    expect(updated).toMatchObject({ wordTarget: 25000, councilName: 'Testshire Council' });
    expect(await t.api['assessment-update']({ councilName: 'Sefton Council' })).toMatchObject({ wordTarget: 25000 });
    expect((await t.api['assessment-update']({ wordTarget: null })).wordTarget).toBeNull();
  });

  it('are checked: whole, positive, not absurd, with a plain message', async () => {
    const dispatch = createDispatcher({ ...t.core.handlers, ...shell });
    const { id } = await t.section('theme.finance');
    for (const [wordTarget, message] of [
      [0, 'A word target must be more than nought.'],
      [-5, 'A word target must be more than nought.'],
      [12.5, 'A word target is a whole number of words.'],
      [5_000_000, 'That word target is larger than any statement could need.'],
    ] as const) {
      expect(await dispatch('section-set-word-target', { id, wordTarget })).toEqual({
        ok: false,
        error: { code: 'invalid-input', message },
      });
      expect(await dispatch('assessment-update', { wordTarget })).toEqual({ ok: false, error: { code: 'invalid-input', message } });
    }
    expect(await dispatch('section-set-word-target', { id, wordTarget: '400' })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'The word target should be a number.' },
    });
    expect(await dispatch('section-set-word-target', { id })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'The word target is missing.' },
    });
    // In-process callers that skip the bridge are checked too.
    await expect(t.core.handlers['section-set-word-target']({ id, wordTarget: -1 })).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'A word target must be more than nought.',
    });
    expect(await t.section('theme.finance')).toMatchObject({ wordTarget: 4000 });
  });

  it('need a live section', async () => {
    const theme = await t.section('theme.finance');
    const sub = await t.api['section-add']({ parentId: theme.id, title: 'Reserves' });
    await t.api['section-delete']({ id: sub.id });
    await expect(t.api['section-set-word-target']({ id: sub.id, wordTarget: 10 })).rejects.toMatchObject({ code: 'not-found' });
    await expect(t.api['section-set-word-target']({ id: 'nope', wordTarget: 10 })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('guidance', () => {
  it('is returned by section-get for template sections, from the file', async () => {
    const governance = await t.api['section-get']({ id: (await t.section('theme.governance')).id });
    expect(governance.guidance!.questions[0]).toBe('Are decision-making and governance clear, robust and transparent?');
    expect(governance.guidance!.tips.length).toBeGreaterThan(0);
    // Kept in the file: reopening does not need the template.
    await t.api['assessment-close']({});
    await t.api['assessment-open']({ path: t.filePath });
    expect((await t.api['section-get']({ id: governance.id })).guidance).toEqual(governance.guidance);
  });

  it('is null for sections the team adds, and for template sections without any', async () => {
    const theme = await t.section('theme.governance');
    const sub = await t.api['section-add']({ parentId: theme.id, title: 'Scrutiny' });
    expect((await t.api['section-get']({ id: sub.id })).guidance).toBeNull();
    await t.api['assessment-create']({ path: `${t.dir}/revisit`, councilName: 'X', templateId: 'progress-review' });
    expect((await t.api['section-get']({ id: (await t.section('front-matter')).id })).guidance).toBeNull();
    const recA = await t.api['section-get']({ id: (await t.section('recommendations.a')).id });
    expect(recA.guidance!.questions).toContain('What did the peers recommend, in their words?');
  });

  it('comes back with a restored section', async () => {
    await t.api['assessment-create']({ path: `${t.dir}/revisit`, councilName: 'X', templateId: 'progress-review' });
    const recB = await t.section('recommendations.b');
    await t.api['section-delete']({ id: recB.id });
    await t.api['section-restore']({ id: recB.id });
    expect((await t.api['section-get']({ id: recB.id })).guidance).not.toBeNull();
  });
});
