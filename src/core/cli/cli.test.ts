import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { THEMES } from '../../shared/constants';
import { makeTempDir } from '../testing/testFiles';
import { pcsInProcess } from '../testing/pcsInProcess';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

/** Runs the CLI as a user would, in its own process. */
function pcs(...args: string[]) {
  const result = spawnSync('npx', ['tsx', 'src/core/cli/main.ts', ...args], {
    cwd: process.cwd(),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  // npm may print its own configuration warnings on stderr; they are not ours.
  const stderr = result.stderr
    .split('\n')
    .filter((line) => line && !line.startsWith('npm warn'))
    .join('\n');
  return { status: result.status, stdout: result.stdout, stderr };
}

/** Runs the CLI in this process, capturing its output. */
describe('pcs (its own process)', () => {
  it('new then info --json lists the five themes in order', () => {
    const file = path.join(temp.dir, 'sefton');
    const created = pcs('new', file, '--council', 'Sefton Council', '--kind', 'full', '--visit-date', '2025-06-10');
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('sefton.pcstudio');
    expect(fs.readdirSync(temp.dir)).toEqual(['sefton.pcstudio']);

    const info = pcs('info', `${file}.pcstudio`, '--json');
    expect(info.status).toBe(0);
    const json = JSON.parse(info.stdout) as {
      assessment: { councilName: string; kind: string; visitDate: string };
      sections: Array<{ title: string; kind: string; depth: number; wordCount: number; templateKey: string | null }>;
      totalWords: number;
    };
    expect(json.assessment).toMatchObject({ councilName: 'Sefton Council', kind: 'full', visitDate: '2025-06-10' });
    expect(json.sections.filter((s) => s.kind === 'theme').map((s) => s.title)).toEqual([
      'Local priorities and outcomes',
      'Organisational and place leadership',
      'Governance and culture',
      'Financial planning and management',
      'Capacity for improvement',
    ]);
    expect(json.sections.filter((s) => s.kind === 'theme').map((s) => s.title)).toEqual(THEMES.map((t) => t.title));
    expect(json.sections[1]).toEqual({
      title: 'Welcome from the Leader of the Council',
      kind: 'subsection',
      depth: 1,
      wordCount: 0,
      wordTarget: 400,
      templateKey: 'front.leader-welcome',
    });
    expect(json.totalWords).toBe(0);
    // info leaves the file as one file again.
    expect(fs.readdirSync(temp.dir)).toEqual(['sefton.pcstudio']);
  });

  it('reports a failure with the plain message and exit code 1, no stack trace', () => {
    const notes = path.join(temp.dir, 'notes.pcstudio');
    fs.writeFileSync(notes, 'just some notes');
    const result = pcs('info', notes);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('This file is not a Peer Challenge Studio assessment: “notes.pcstudio”. It was not opened, and nothing in it was changed.');
    expect(result.stdout).toBe('');
  });
});

describe('pcs (in process)', () => {
  it('prints the sections indented by depth with word counts and a total', async () => {
    const file = path.join(temp.dir, 'a.pcstudio');
    expect((await pcsInProcess('new', file, '--council', 'Testshire Council')).status).toBe(0);
    const info = await pcsInProcess('info', file);
    expect(info.status).toBe(0);
    expect(info.stdout).toMatch(/^Council: +Testshire Council$/m);
    expect(info.stdout).toMatch(/^Kind: +Corporate Peer Challenge$/m);
    expect(info.stdout).toMatch(/^Visit date: +not set$/m);
    expect(info.stdout).toMatch(/^Front matter +0$/m);
    expect(info.stdout).toMatch(/^ {2}Our place +0 +600$/m);
    expect(info.stdout).toMatch(/^Governance and culture +0 +4,000$/m);
    expect(info.stdout).toMatch(/^Total +0 +30,000$/m);
  });

  it.each([
    [['new'], 'Give the file to create.'],
    [['new', 'x'], 'Give the council name with --council "<name>".'],
    [['new', 'x', '--council', ''], 'Enter the name of the council.'],
    [['new', 'x', '--council', 'X', '--visit-date', '10/06/2025'], 'The visit date should be a date written as yyyy-mm-dd'],
    [['new', 'x', '--council'], 'The option --council needs a value.'],
    [['info'], 'Give the assessment file to show.'],
    [['info', 'a', '--verbose'], 'Unknown option --verbose.'],
    [['frobnicate'], 'there is no command called “frobnicate”'],
  ])('usage error %j exits 2 with a plain message', async (args, message) => {
    const result = await pcsInProcess(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('exits 1 for a missing file and when creating over an existing one', async () => {
    expect(await pcsInProcess('info', path.join(temp.dir, 'missing.pcstudio'))).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('could not be found'),
    });
    const file = path.join(temp.dir, 'a');
    await pcsInProcess('new', file, '--council', 'X');
    expect(await pcsInProcess('new', file, '--council', 'X')).toMatchObject({
      status: 1,
      stderr: 'There is already a file called “a.pcstudio” in that folder.',
    });
  });

  it('new --template makes a progress review, its kind from the template', async () => {
    const file = path.join(temp.dir, 'revisit');
    const created = await pcsInProcess('new', file, '--council', 'Testshire Council', '--template', 'progress-review');
    expect(created).toMatchObject({ status: 0, stderr: '' });
    expect(created.stdout).toContain('Progress review position statement for Testshire Council, from the template “progress-review”.');
    const info = JSON.parse((await pcsInProcess('info', `${file}.pcstudio`, '--json')).stdout);
    expect(info.assessment).toMatchObject({ kind: 'progress', templateId: 'progress-review', wordTarget: 9000 });
    expect(info.sections.map((s: { templateKey: string }) => s.templateKey)).toContain('recommendations.a');
  });

  it('new --template with an unknown id fails plainly and makes no file', async () => {
    const result = await pcsInProcess('new', path.join(temp.dir, 'x'), '--council', 'X', '--template', 'cpc-1999');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('There is no template called “cpc-1999”');
    expect(fs.readdirSync(temp.dir)).toEqual([]);
  });

  it('new --folder --template uses a template from that folder', async () => {
    const folder = path.resolve('tests/fixtures/templates');
    const file = path.join(temp.dir, 'regen');
    const created = await pcsInProcess('new', file, '--council', 'X', '--folder', folder, '--template', 'regeneration-focus');
    expect(created).toMatchObject({ status: 0, stderr: '' });
    const info = JSON.parse((await pcsInProcess('info', `${file}.pcstudio`, '--json')).stdout);
    expect(info.sections.find((s: { kind: string }) => s.kind === 'focus-area').title).toBe('Regeneration and culture');
  });

  it('templates lists the built-in templates, and with --folder the folder’s and its problems', async () => {
    const plain = await pcsInProcess('templates');
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/^Built-in templates:$/m);
    expect(plain.stdout).toMatch(/^ {2}cpc-2024 +Corporate Peer Challenge \(2024 onwards\) \[full\]$/m);
    expect(plain.stdout).toMatch(/^ {2}progress-review +Progress review \[progress\]$/m);
    expect(plain.stdout).not.toContain('Templates in');

    const json = JSON.parse((await pcsInProcess('templates', '--json')).stdout);
    expect(json).toEqual({
      templates: [expect.objectContaining({ id: 'cpc-2024' }), expect.objectContaining({ id: 'progress-review' })],
      folder: null,
      problems: [],
    });

    const folder = path.resolve('tests/fixtures/templates');
    const withFolder = await pcsInProcess('templates', '--folder', folder);
    expect(withFolder.status).toBe(0);
    expect(withFolder.stdout).toContain(`Templates in ${folder}:`);
    expect(withFolder.stdout).toMatch(/^ {2}regeneration-focus +Challenge with a regeneration focus \[full\]$/m);
    expect(withFolder.stdout).toContain('Files that could not be used:');
    expect(withFolder.stdout).toContain('  missing-title.json: sections[1].title is missing.');

    const folderJson = JSON.parse((await pcsInProcess('templates', '--folder', folder, '--json')).stdout);
    expect(folderJson.folder).toBe(folder);
    expect(folderJson.templates.map((t: { id: string }) => t.id)).toEqual(['cpc-2024', 'progress-review', 'regeneration-focus']);
    expect(folderJson.problems).toHaveLength(5);
  });

  it('templates --folder with a folder that does not exist exits 1 with a plain message', async () => {
    const missing = path.join(temp.dir, 'nowhere');
    expect(await pcsInProcess('templates', '--folder', missing)).toMatchObject({
      status: 1,
      stderr: `The templates folder “${missing}” could not be found. Choose another folder.`,
    });
    expect((await pcsInProcess('templates', 'extra')).status).toBe(2);
  });

  it('shows help with every command', async () => {
    for (const args of [['help'], [], ['--help']]) {
      const result = await pcsInProcess(...args);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('pcs new <file> --council');
      expect(result.stdout).toContain('pcs info <file> [--json]');
      expect(result.stdout).toContain('pcs templates [--folder <dir>] [--json]');
      expect(result.stdout).toContain('[--template <id>]');
      // Every usage line is indented alike, the second form of `pcs new` included.
      expect(result.stdout).toContain('\n  pcs new <file> --council "<name>" --from');
    }
    expect((await pcsInProcess('help', 'info')).stdout).toContain('Usage: pcs info <file> [--json]');
  });
});
