import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../dispatch';
import { createCore, type Core } from '../index';
import { SETTINGS_FILE_NAME } from '../settings/appSettings';
import { checkedHandlers, type CoreApi } from '../testing/openTestCore';
import { makeTempDir } from '../testing/testFiles';

const FIXTURES_DIR = path.resolve('tests/fixtures/templates');

let temp: ReturnType<typeof makeTempDir>;
let configDir: string;
let core: Core;
let api: CoreApi;
beforeEach(() => {
  temp = makeTempDir();
  configDir = path.join(temp.dir, 'config');
  core = createCore({ configDir });
  api = checkedHandlers(core.handlers);
});
afterEach(() => {
  core.close();
  temp.cleanup();
});

/** A templates folder holding copies of the named fixtures. */
function folderWith(...names: string[]): string {
  const folder = path.join(temp.dir, 'our templates');
  fs.mkdirSync(folder, { recursive: true });
  for (const name of names) fs.copyFileSync(path.join(FIXTURES_DIR, name), path.join(folder, name));
  return folder;
}

const ALL_FIXTURES = [
  'regeneration-focus.json',
  'bad-kind.json',
  'missing-title.json',
  'children-not-array.json',
  'invalid-json.json',
  'clashes-with-built-in.json',
  'notes.txt',
];

describe('templates-list', () => {
  it('starts with the built-in templates and an empty default folder under the settings folder, made on demand', async () => {
    const list = await api['templates-list']({});
    expect(list.templates).toEqual([
      {
        id: 'cpc-2024',
        name: 'Corporate Peer Challenge (2024 onwards)',
        description: expect.any(String),
        kind: 'full',
        source: 'built-in',
        file: null,
      },
      { id: 'progress-review', name: 'Progress review', description: expect.any(String), kind: 'progress', source: 'built-in', file: null },
    ]);
    expect(list.folder).toBe(path.join(configDir, 'templates'));
    expect(fs.statSync(list.folder).isDirectory()).toBe(true);
    expect(list.problems).toEqual([]);
  });

  it('lists a folder’s good templates after the built-in ones, and each bad file as a problem naming the file and field', async () => {
    const folder = folderWith(...ALL_FIXTURES);
    const list = await api['templates-set-folder']({ folder });
    expect(list.folder).toBe(folder);
    expect(list.templates.map((t) => [t.id, t.source])).toEqual([
      ['cpc-2024', 'built-in'],
      ['progress-review', 'built-in'],
      ['regeneration-focus', 'folder'],
    ]);
    expect(list.templates[2]).toMatchObject({
      name: 'Challenge with a regeneration focus',
      file: path.join(folder, 'regeneration-focus.json'),
      description: 'The five themes plus a focus area on regeneration and culture.',
    });
    expect(Object.fromEntries(list.problems.map((p) => [p.file, p.message]))).toEqual({
      'bad-kind.json': expect.stringMatching(/^bad-kind\.json: sections\[2\]\.children\[0\]\.kind should be one of front-matter/),
      'children-not-array.json': 'children-not-array.json: sections[0].children should be a list.',
      'clashes-with-built-in.json': expect.stringMatching(
        /^clashes-with-built-in\.json: id “cpc-2024” is already used by the built-in template “Corporate Peer Challenge \(2024 onwards\)”/,
      ),
      'invalid-json.json': expect.stringMatching(/^invalid-json\.json is not valid JSON: .* at line 5, column 3\.$/),
      'missing-title.json': 'missing-title.json: sections[1].title is missing.',
    });
  });

  it('sorts the folder’s templates by name and reports a second file with the same id', async () => {
    const folder = folderWith('regeneration-focus.json');
    const template = JSON.parse(fs.readFileSync(path.join(folder, 'regeneration-focus.json'), 'utf8'));
    fs.writeFileSync(path.join(folder, 'a-copy.json'), JSON.stringify({ ...template, name: 'Zzz copy' }));
    fs.writeFileSync(path.join(folder, 'adult-care.json'), JSON.stringify({ ...template, id: 'adult-care', name: 'Adult care focus' }));
    const list = await api['templates-set-folder']({ folder });
    expect(list.templates.filter((t) => t.source === 'folder').map((t) => t.name)).toEqual([
      'Adult care focus',
      'Zzz copy',
    ]);
    expect(list.problems).toEqual([
      {
        file: 'regeneration-focus.json',
        message: 'regeneration-focus.json: id “regeneration-focus” is already used by a-copy.json. Give this template another id.',
      },
    ]);
  });

  it('a chosen folder that has since gone gives an empty list and a problem, not a failure', async () => {
    const folder = folderWith('regeneration-focus.json');
    await api['templates-set-folder']({ folder });
    fs.rmSync(folder, { recursive: true });
    const list = await api['templates-list']({});
    expect(list.templates.every((t) => t.source === 'built-in')).toBe(true);
    expect(list.folder).toBe(folder);
    expect(list.problems).toEqual([{ file: folder, message: expect.stringContaining('could not be found') }]);
  });
});

describe('templates-set-folder', () => {
  it('is remembered in settings.json, across cores, and null goes back to the default', async () => {
    const folder = folderWith('regeneration-focus.json');
    await api['templates-set-folder']({ folder });
    const settings = JSON.parse(fs.readFileSync(path.join(configDir, SETTINGS_FILE_NAME), 'utf8'));
    expect(settings).toEqual({ version: 1, templatesFolder: folder });

    const again = createCore({ configDir });
    const list = await checkedHandlers(again.handlers)['templates-list']({});
    again.close();
    expect(list.folder).toBe(folder);
    expect(list.templates.map((t) => t.id)).toContain('regeneration-focus');

    const reset = await api['templates-set-folder']({ folder: null });
    expect(reset.folder).toBe(path.join(configDir, 'templates'));
    expect(reset.templates.map((t) => t.id)).not.toContain('regeneration-focus');
  });

  it('refuses a folder that does not exist, or a file, with a plain message, and keeps the old folder', async () => {
    const dispatch = createDispatcher({ ...core.handlers } as never);
    const missing = path.join(temp.dir, 'nowhere');
    expect(await dispatch('templates-set-folder', { folder: missing })).toEqual({
      ok: false,
      error: { code: 'not-found', message: `The templates folder “${missing}” could not be found. Choose another folder.` },
    });
    const file = path.join(temp.dir, 'a-file.json');
    fs.writeFileSync(file, '{}');
    await expect(api['templates-set-folder']({ folder: file })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('is a file, not a folder'),
    });
    expect((await api['templates-list']({})).folder).toBe(path.join(configDir, 'templates'));
    expect(fs.existsSync(path.join(configDir, SETTINGS_FILE_NAME))).toBe(false);
  });

  // Skipped as root (CI containers) and on Windows: root reads any folder whatever its mode, and
  // Windows has no chmod 000, so an unreadable folder cannot be made there. Runs for normal users.
  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('refuses a folder it cannot read as io', async () => {
    const folder = folderWith();
    fs.chmodSync(folder, 0o000);
    try {
      await expect(api['templates-set-folder']({ folder })).rejects.toMatchObject({
        code: 'io',
        message: expect.stringContaining('could not be read'),
      });
    } finally {
      fs.chmodSync(folder, 0o755);
    }
  });
});

describe('settings.json', () => {
  for (const [what, text] of [
    ['not JSON', '{ "version": 1, "templatesFolder": '],
    ['the wrong shape', JSON.stringify({ version: 1, templatesFolder: 42 })],
    ['a newer version', JSON.stringify({ version: 99, templatesFolder: '/somewhere' })],
    ['empty', ''],
  ] as const) {
    it(`damaged (${what}) means the defaults, and is replaced on the next change`, async () => {
      fs.mkdirSync(configDir, { recursive: true });
      fs.writeFileSync(path.join(configDir, SETTINGS_FILE_NAME), text);
      const list = await api['templates-list']({});
      expect(list.folder).toBe(path.join(configDir, 'templates'));
      expect(list.problems).toEqual([]);
      const folder = folderWith();
      await api['templates-set-folder']({ folder });
      expect(JSON.parse(fs.readFileSync(path.join(configDir, SETTINGS_FILE_NAME), 'utf8'))).toEqual({
        version: 1,
        templatesFolder: folder,
      });
    });
  }
});

describe('assessment-create with a template', () => {
  it('uses a folder template by id, storing its guidance and targets', async () => {
    await api['templates-set-folder']({ folder: folderWith(...ALL_FIXTURES) });
    const summary = await api['assessment-create']({
      path: path.join(temp.dir, 'regen'),
      councilName: 'Testshire Council',
      templateId: 'regeneration-focus',
    });
    expect(summary).toMatchObject({ templateId: 'regeneration-focus', kind: 'full', wordTarget: 32000 });
    const list = await api['sections-list']({});
    const focus = list.find((s) => s.templateKey === 'focus.regeneration')!;
    expect(focus).toMatchObject({ kind: 'focus-area', fixed: false, depth: 0, wordTarget: 3000 });
    expect((await api['section-get']({ id: focus.id })).guidance).toEqual({
      questions: ['Is the regeneration programme delivering for residents as well as investors?'],
      tips: ['Name the schemes and their stage.'],
    });
    expect(list.find((s) => s.templateKey === 'focus.regeneration.town-centre')).toMatchObject({ depth: 1, parentId: focus.id });
  });

  it('takes the kind from the template unless one is given', async () => {
    const progress = await api['assessment-create']({
      path: path.join(temp.dir, 'revisit'),
      councilName: 'Testshire Council',
      templateId: 'progress-review',
    });
    expect(progress).toMatchObject({ kind: 'progress', templateId: 'progress-review', wordTarget: 9000 });
    const sections = await api['sections-list']({});
    expect(sections.filter((s) => s.parentId === sections.find((p) => p.templateKey === 'recommendations')!.id)).toHaveLength(4);
    const given = await api['assessment-create']({
      path: path.join(temp.dir, 'odd'),
      councilName: 'Testshire Council',
      templateId: 'progress-review',
      kind: 'full',
    });
    expect(given.kind).toBe('full');
    const byDefault = await api['assessment-create']({ path: path.join(temp.dir, 'plain'), councilName: 'Testshire Council' });
    expect(byDefault).toMatchObject({ kind: 'full', templateId: 'cpc-2024', wordTarget: 30000 });
  });

  it('says which id is unknown, and makes no file', async () => {
    await expect(
      api['assessment-create']({ path: path.join(temp.dir, 'x'), councilName: 'Testshire Council', templateId: 'cpc-1999' }),
    ).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('“cpc-1999”') });
    await api['templates-set-folder']({ folder: folderWith(...ALL_FIXTURES) });
    await expect(
      api['assessment-create']({ path: path.join(temp.dir, 'y'), councilName: 'Testshire Council', templateId: 'missing-title' }),
    ).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('sections[1].title is missing') });
    expect(fs.readdirSync(temp.dir).filter((f) => f.endsWith('.pcstudio'))).toEqual([]);
  });
});
