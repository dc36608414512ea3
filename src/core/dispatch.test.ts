import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contract, type Handlers, type ShellHandlers } from '../shared/contract';
import { AppError } from '../shared/errors';
import { MAX_CONTENT_LENGTH } from '../shared/constants';
import { CONTENT_TOO_DEEP_MESSAGE, CONTENT_TOO_LARGE_MESSAGE } from '../shared/schemas/lexical';
import { ASSESSMENT_CHANGED_MESSAGE, createDispatcher, INTERNAL_ERROR_MESSAGE, type Dispatch } from './dispatch';
import { createCore, type Core } from './index';
import { makeTempDir } from './testing/testFiles';

const shell: ShellHandlers = {
  'app-info': async () => ({ mode: 'web', version: '0.1.0', defaultFolder: '/tmp', nativeDialogs: false, platform: 'linux' }),
  'dialog-choose-new-file': async () => null,
  'dialog-choose-open-file': async () => null,
  'dialog-choose-folder': async () => null,
  'dialog-choose-save-file': async () => null,
  'shell-open-exported': async () => ({ ok: true }),
  'shell-show-exported': async () => ({ ok: true }),
  'shell-open-evidence': async () => ({ ok: true }),
};

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let dispatch: Dispatch;
beforeEach(() => {
  temp = makeTempDir();
  core = createCore({ configDir: temp.dir });
  dispatch = createDispatcher({ ...core.handlers, ...shell });
});
afterEach(() => {
  core.close();
  temp.cleanup();
});

async function create() {
  const result = await dispatch('assessment-create', { path: path.join(temp.dir, 'a'), councilName: 'Testshire' });
  expect(result.ok).toBe(true);
  return result;
}

describe('createDispatcher', () => {
  it('runs a valid call and returns its value, filling in schema defaults', async () => {
    const result = await create();
    expect(result).toMatchObject({ ok: true, value: { kind: 'full', visitDate: null, templateId: 'cpc-2024' } });
    if (result.ok) expect(contract['assessment-create'].output.safeParse(result.value).success).toBe(true);
  });

  it('accepts no arguments for methods that take none', async () => {
    expect(await dispatch('assessment-current', undefined)).toEqual({ ok: true, value: null });
    expect(await dispatch('app-info', {})).toMatchObject({ ok: true, value: { mode: 'web' } });
  });

  it('refuses an unknown method', async () => {
    expect(await dispatch('drop-tables', {})).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Peer Challenge Studio does not know how to do “drop-tables”.' },
    });
    // Not fooled by inherited property names.
    expect(await dispatch('toString', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it.each([
    ['section-add', { parentId: 'x', title: '   ' }, 'Give the section a title.'],
    ['section-add', { parentId: 'x', title: 'x'.repeat(201) }, 'Keep the title under 200 characters.'],
    ['assessment-create', { path: '/tmp/a', councilName: '' }, 'Enter the name of the council.'],
    ['assessment-create', { path: '', councilName: 'X' }, 'Choose where to save the file.'],
    ['statement-find', { query: '' }, 'Type something to find.'],
    ['section-add', { title: 'Scrutiny' }, 'The parent section is missing.'],
    ['section-add', { parentId: 'x', title: 42 }, 'The title should be text.'],
    ['section-move', { id: 'x', parentId: 'y', index: -1 }, 'The index must be 0 or more.'],
    ['section-move', { id: 'x', parentId: 'y', index: 1.5 }, 'The index should be a whole number.'],
    ['assessment-create', { path: '/tmp/a', councilName: 'X', visitDate: '2025-13-40' },
      'The visit date should be a date written as yyyy-mm-dd, for example 2025-03-14.'],
    ['assessment-create', { path: '/tmp/a', councilName: 'X', kind: 'annual' },
      'The kind of challenge should be one of: full, progress.'],
    ['assessment-close', { extra: true }, 'The request contains something Peer Challenge Studio does not expect: extra.'],
    ['section-get', 'not an object', 'The request should be a set of values.'],
    ['section-save-content', { id: 'x', content: { root: { type: 'paragraph' } } }, 'The type is not valid.'],
  ])('%s with bad arguments gives a plain message', async (method, args, message) => {
    const result = await dispatch(method, args);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.message).not.toMatch(/Invalid input|expected string|received/);
      expect(result.error.message).toMatch(/^[A-Z].*\.$/);
      if (message !== 'The type is not valid.') expect(result.error.message).toBe(message);
    }
  });

  it('passes AppErrors through with their code and message', async () => {
    expect(await dispatch('sections-list', {})).toEqual({
      ok: false,
      error: { code: 'no-assessment-open', message: 'Open or create an assessment first.' },
    });
  });

  it('hides unexpected errors behind a kind message and logs the real one', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failing = createDispatcher({
      ...core.handlers,
      ...shell,
      'app-info': async () => {
        throw new TypeError('cannot read properties of undefined');
      },
    } as Handlers);
    expect(await failing('app-info', {})).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE } });
    expect(spy).toHaveBeenCalledWith(expect.stringContaining('app-info'), expect.any(TypeError));
    spy.mockRestore();
  });

  it('never throws, even when a handler throws something odd', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const odd = createDispatcher({
      ...core.handlers,
      ...shell,
      'app-info': () => {
        throw 'a string';
      },
      'dialog-choose-new-file': async () => {
        throw new AppError('io', 'The disk said no.');
      },
    } as unknown as Handlers);
    await expect(odd('app-info', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    await expect(odd('dialog-choose-new-file', { suggestedName: 'x' })).resolves.toEqual({
      ok: false,
      error: { code: 'io', message: 'The disk said no.' },
    });
    spy.mockRestore();
  });

  it('hands handlers the parsed (trimmed) arguments', async () => {
    await create();
    const list = await dispatch('sections-list', {});
    if (!list.ok) throw new Error('list failed');
    const parent = (list.value as Array<{ id: string; depth: number }>)[0]!;
    const added = await dispatch('section-add', { parentId: parent.id, title: '  Our people  ' });
    expect(added).toMatchObject({ ok: true, value: { title: 'Our people' } });
  });
});

/** Content nested `levels` deep: quotes inside quotes, as a pasted document might try. */
function nestedContent(levels: number) {
  let node: Record<string, unknown> = { type: 'text', version: 1, text: 'deep' };
  for (let i = 0; i < levels; i++) node = { type: 'quote', version: 1, children: [node] };
  return { root: { type: 'root', version: 1, children: [node] } };
}

describe('content limits (issue #8, defect 3)', () => {
  async function firstSectionId() {
    await create();
    const list = await dispatch('sections-list', {});
    if (!list.ok) throw new Error('list failed');
    return (list.value as Array<{ id: string }>)[0]!.id;
  }

  it.each([992, 1000, 20_000])('refuses content nested %i deep with a message that says so, and keeps the old text', async (levels) => {
    const id = await firstSectionId();
    const before = await dispatch('section-get', { id });
    const result = await dispatch('section-save-content', { id, content: nestedContent(levels) });
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: CONTENT_TOO_DEEP_MESSAGE } });
    expect(result.ok || result.error.message).not.toMatch(/saved;/);
    expect(await dispatch('section-get', { id })).toEqual(before);
  });

  it('accepts content nested as deep as a real statement goes', async () => {
    const id = await firstSectionId();
    expect(await dispatch('section-save-content', { id, content: nestedContent(60) })).toMatchObject({ ok: true });
  });

  it('refuses content over MAX_CONTENT_LENGTH with a message that says so', async () => {
    const id = await firstSectionId();
    const text = 'x'.repeat(MAX_CONTENT_LENGTH);
    const content = { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text }] }] } };
    const result = await dispatch('section-save-content', { id, content });
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: CONTENT_TOO_LARGE_MESSAGE } });
  });

  it('never tells the user their work is saved when something unexpected failed', () => {
    expect(INTERNAL_ERROR_MESSAGE).not.toMatch(/is saved/);
  });
});

describe('sessions (issue #8, defect 1)', () => {
  it('refuses a call meant for an assessment that is no longer the open one, and runs it otherwise', async () => {
    const guarded = createDispatcher({ ...core.handlers, ...shell }, { currentSessionId: core.sessionId });
    const first = await guarded('assessment-create', { path: path.join(temp.dir, 'a'), councilName: 'Alpha' });
    if (!first.ok) throw new Error('create failed');
    const sessionA = (first.value as { sessionId: string }).sessionId;
    const list = await guarded('sections-list', {}, { sessionId: sessionA });
    if (!list.ok) throw new Error('list failed');
    const id = (list.value as Array<{ id: string }>)[0]!.id;

    // Another tab creates assessment B: tab A's save is refused with its own code, not applied.
    const second = await guarded('assessment-create', { path: path.join(temp.dir, 'b'), councilName: 'Beta' });
    expect(second.ok).toBe(true);
    const content = nestedContent(1);
    expect(await guarded('section-save-content', { id, content }, { sessionId: sessionA })).toEqual({
      ok: false,
      error: { code: 'assessment-changed', message: ASSESSMENT_CHANGED_MESSAGE },
    });
    // Reopening A makes a new session; with it the save goes through.
    const reopened = await guarded('assessment-open', { path: (first.value as { path: string }).path }, { sessionId: sessionA });
    if (!reopened.ok) throw new Error('reopen failed');
    const sessionA2 = (reopened.value as { sessionId: string }).sessionId;
    expect(sessionA2).not.toBe(sessionA);
    expect(await guarded('section-save-content', { id, content }, { sessionId: sessionA2 })).toMatchObject({ ok: true });
    // With nothing open, a tab's call is refused the same way.
    await guarded('assessment-close', {}, { sessionId: sessionA2 });
    expect(await guarded('sections-list', {}, { sessionId: sessionA2 })).toMatchObject({ ok: false, error: { code: 'assessment-changed' } });
  });
});

describe('stale writes (issue #6)', () => {
  it('refuses a save based on an older revision, and accepts one based on the current revision', async () => {
    await create();
    const list = await dispatch('sections-list', {});
    if (!list.ok) throw new Error('list failed');
    const id = (list.value as Array<{ id: string }>)[0]!.id;
    const section = await dispatch('section-get', { id });
    if (!section.ok) throw new Error('get failed');
    const base = (section.value as { revision: number }).revision;
    const saved = await dispatch('section-save-content', { id, content: nestedContent(1), baseRevision: base });
    if (!saved.ok) throw new Error('save failed');
    const stale = await dispatch('section-save-content', { id, content: nestedContent(2), baseRevision: base });
    expect(stale).toMatchObject({ ok: false, error: { code: 'stale', message: expect.stringMatching(/changed after this text was loaded/) } });
    const next = await dispatch('section-save-content', {
      id,
      content: nestedContent(2),
      baseRevision: (saved.value as { revision: number }).revision,
    });
    expect(next.ok).toBe(true);
  });
});
