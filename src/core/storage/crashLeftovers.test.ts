import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli';
import { createCore, type Core } from '../index';
import { checkedHandlers } from '../testing/openTestCore';
import { CREATE_DEFAULTS, doc, folderSnapshot, makeTempDir } from '../testing/testFiles';
import { checkAssessmentFile } from './checkAssessmentFile';

/**
 * Issue #8 defects 2 and 5: what a crash (or a careless copy) leaves beside an assessment must be
 * recovered or explained, never reported as a permissions problem or as damage, and the
 * read-only commands (check, info) must not change a byte or leave a file behind.
 */
let temp: ReturnType<typeof makeTempDir>;
const cores: Core[] = [];
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  temp.cleanup();
});

function core() {
  const created = createCore({ configDir: path.join(temp.dir, `config-${cores.length}`) });
  cores.push(created);
  return checkedHandlers(created.handlers);
}

/** A closed assessment with one section written. */
async function closedAssessment(name: string, councilName: string): Promise<string> {
  const api = core();
  const summary = await api['assessment-create']({ ...CREATE_DEFAULTS, path: path.join(temp.dir, name), councilName });
  const governance = (await api['sections-list']({})).find((s) => s.templateKey === 'theme.governance')!;
  await api['section-save-content']({ id: governance.id, content: doc(`${councilName} governs well.`) });
  await api['assessment-close']({});
  return summary.path;
}

/** The assessment folder without the test's own settings folders. */
function files(): Record<string, string> {
  const all = folderSnapshot(temp.dir);
  return Object.fromEntries(Object.entries(all).filter(([name]) => !name.startsWith('config-')));
}

async function pcs(...args: string[]) {
  const out: string[] = [];
  const status = await runCli(args, { out: (s) => out.push(s), err: (s) => out.push(s) });
  return { status, text: out.join('\n') };
}

/**
 * A hot rollback journal, exactly as a process killed mid-save leaves it: a write transaction
 * with a tiny page cache (so changed pages spill into the main file) is in progress, and the
 * file and its -journal are copied under another name at that moment. The copy pair is the
 * crashed file; the original transaction is then rolled back.
 */
function crashedMidSave(source: string, name: string): string {
  const crashed = path.join(temp.dir, name);
  const db = new Database(source);
  db.pragma('cache_size = 1');
  db.exec('BEGIN');
  db.prepare("UPDATE sections SET plain_text = plain_text || ?, content_json = 'half-written'").run('x'.repeat(5000));
  db.prepare("UPDATE assessment SET council_name = 'Half Saved Council'").run();
  expect(fs.existsSync(`${source}-journal`)).toBe(true);
  fs.copyFileSync(source, crashed);
  fs.copyFileSync(`${source}-journal`, `${crashed}-journal`);
  db.exec('ROLLBACK');
  db.close();
  return crashed;
}

describe('a file that can never be opened again (issue #8, defect 2)', () => {
  it('a rollback journal left by a crash: check explains it, info reads it, neither changes a byte', async () => {
    const source = await closedAssessment('source', 'Journalshire Council');
    const crashed = crashedMidSave(source, 'crashed.pcstudio');
    fs.rmSync(source);
    const before = files();

    const check = await pcs('check', crashed);
    expect(check.text).not.toMatch(/permission|not allowed/i);
    expect(check.text).toMatch(/stopped part-way through a save/);
    expect(check.status).toBe(0);
    const info = await pcs('info', crashed, '--json');
    expect(info.status).toBe(0);
    expect(JSON.parse(info.text).assessment.councilName).toBe('Journalshire Council');
    expect(files()).toEqual(before);
  });

  it('a rollback journal left by a crash is rolled back when the file is opened', async () => {
    const source = await closedAssessment('source', 'Journalshire Council');
    const crashed = crashedMidSave(source, 'crashed.pcstudio');
    const api = core();
    const summary = await api['assessment-open']({ path: crashed });
    expect(summary.councilName).toBe('Journalshire Council');
    const governance = (await api['sections-list']({})).find((s) => s.templateKey === 'theme.governance')!;
    expect((await api['section-get']({ id: governance.id })).content).toEqual(doc('Journalshire Council governs well.'));
    await api['assessment-close']({});
    expect(fs.existsSync(`${crashed}-journal`)).toBe(false);
    expect(checkAssessmentFile(crashed)).toMatchObject({ ok: true, problems: [], warnings: [] });
  });

  it('.tmp files left by a create that was killed are cleaned up; one still being built is not', async () => {
    const abandoned = path.join(temp.dir, 'Sefton.pcstudio.tmp-0123456789ab');
    const stillBuilding = path.join(temp.dir, 'Wirral.pcstudio.tmp-ba9876543210');
    const dead = new Database(abandoned);
    dead.exec('CREATE TABLE t (x); BEGIN; INSERT INTO t VALUES (1);');
    fs.copyFileSync(abandoned, `${abandoned}.copy`);
    dead.close();
    fs.renameSync(`${abandoned}.copy`, abandoned);
    fs.writeFileSync(`${abandoned}-journal`, 'left by a killed create');
    const live = new Database(stillBuilding);
    live.pragma('locking_mode = EXCLUSIVE');
    live.exec('CREATE TABLE t (x)');
    const unrelated = path.join(temp.dir, 'notes.tmp-0123456789ab');
    fs.writeFileSync(unrelated, 'not ours');

    await closedAssessment('Knowsley', 'Knowsley Council');
    const names = Object.keys(files());
    expect(names.filter((n) => n.startsWith('Sefton'))).toEqual([]);
    expect(names).toContain('Wirral.pcstudio.tmp-ba9876543210');
    expect(names).toContain('notes.tmp-0123456789ab');
    live.close();
  });
});

describe('misleading or silent states (issue #8, defect 5)', () => {
  it('a stray -wal from another file is not reported as damaged and is never replayed into it', async () => {
    const mine = await closedAssessment('mine', 'Mine Council');
    const theirs = await closedAssessment('theirs', 'Theirs Council');
    const api = core();
    await api['assessment-open']({ path: theirs });
    await api['assessment-update']({ councilName: 'Theirs Renamed Council' });
    fs.copyFileSync(`${theirs}-wal`, `${mine}-wal`);
    await api['assessment-close']({});
    const before = files();

    const report = checkAssessmentFile(mine);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.notes.join('\n')).toMatch(/“mine\.pcstudio-wal” beside it does not belong to it/);
    expect(files()).toEqual(before);

    const summary = await api['assessment-open']({ path: mine });
    expect(summary.councilName).toBe('Mine Council');
    await api['assessment-close']({});
    // Moved aside, not deleted: it may be somebody's.
    expect(Object.keys(files()).some((n) => n.startsWith('mine.pcstudio-wal.not-used-'))).toBe(true);
    expect(fs.existsSync(`${mine}-wal`)).toBe(false);
  });

  it('check does not call a copy taken without its -wal while the app had it open "sound"', async () => {
    const file = await closedAssessment('open', 'Opened Council');
    const api = core();
    await api['assessment-open']({ path: file });
    await api['assessment-update']({ councilName: 'Renamed While Open Council' });
    const copy = path.join(temp.dir, 'copy.pcstudio');
    fs.copyFileSync(file, copy);
    await api['assessment-close']({});
    const before = files();

    const report = checkAssessmentFile(copy);
    expect(report.warnings.join('\n')).toMatch(/taken while the assessment was open/);
    expect(report.warnings.join('\n')).toMatch(/may be missing/);
    const cli = await pcs('check', copy);
    expect(cli.text).not.toMatch(/sound/);
    expect(cli.status).toBe(1);
    expect(files()).toEqual(before);
  });

  it('check on a file the app left open (killed) leaves no -shm and changes no byte', async () => {
    const file = await closedAssessment('open', 'Opened Council');
    const api = core();
    await api['assessment-open']({ path: file });
    await api['assessment-update']({ councilName: 'Renamed While Open Council' });
    // The file and its -wal as a killed app leaves them.
    const killed = path.join(temp.dir, 'killed.pcstudio');
    fs.copyFileSync(file, killed);
    fs.copyFileSync(`${file}-wal`, `${killed}-wal`);
    await api['assessment-close']({});
    const before = files();

    const report = checkAssessmentFile(killed);
    expect(report).toMatchObject({ ok: true, problems: [], warnings: [] });
    expect(report.notes.join('\n')).toMatch(/not closed properly/);
    const info = await pcs('info', killed, '--json');
    expect(JSON.parse(info.text).assessment.councilName).toBe('Renamed While Open Council');
    expect(files()).toEqual(before);
  });

  it('info is read-only: it changes no byte of the file', async () => {
    const file = await closedAssessment('plain', 'Plain Council');
    const before = files();
    const info = await pcs('info', file);
    expect(info.status).toBe(0);
    expect(info.text).toContain('Plain Council');
    expect(files()).toEqual(before);
  });

  it('pcs … | head: a reader that stops early ends the command quietly (EPIPE), with no stack trace', async () => {
    const file = await closedAssessment('plain', 'Plain Council');
    const child = spawn(process.execPath, ['bin/pcs.js', 'info', file, '--json'], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Like `head` that has read what it wanted: the reading end is closed before pcs writes.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});
