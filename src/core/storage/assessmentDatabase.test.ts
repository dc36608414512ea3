import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../shared/constants';
import { AppError } from '../../shared/errors';
import { createCore } from '../index';
import { makeTempDir } from '../testing/testFiles';
import { OpenAssessment } from '../assessment/openAssessment';
import { runCli } from '../cli/runCli';
import { AssessmentDatabase } from './assessmentDatabase';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

function expectAppError(fn: () => unknown, code: string): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return error as AppError;
  }
  throw new Error(`expected AppError ${code}`);
}

function createFile(name = 'statement'): string {
  const file = AssessmentDatabase.create(path.join(temp.dir, name), (db) => {
    db.prepare(
      "INSERT INTO assessment (id, council_name, kind, visit_date, template_id, created_at, updated_at) VALUES (1, 'Testshire Council', 'full', NULL, 'cpc-2024', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
    ).run();
  });
  const filePath = file.filePath;
  file.close();
  return filePath;
}

describe('creating an assessment file', () => {
  it('adds the .pcstudio extension, sets the application id and leaves one file', () => {
    const filePath = createFile('statement');
    expect(filePath).toBe(path.join(temp.dir, 'statement.pcstudio'));
    expect(fs.readdirSync(temp.dir)).toEqual(['statement.pcstudio']);
    const db = new Database(filePath, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it('keeps an extension already given, in any case', () => {
    expect(path.basename(createFile('A.PCStudio'))).toBe('A.PCStudio');
  });

  it('refuses to create over an existing file and leaves it alone', () => {
    const existing = path.join(temp.dir, 'mine.pcstudio');
    fs.writeFileSync(existing, 'precious');
    expectAppError(() => AssessmentDatabase.create(existing, () => {}), 'already-exists');
    expect(fs.readFileSync(existing, 'utf8')).toBe('precious');
    expect(fs.readdirSync(temp.dir)).toEqual(['mine.pcstudio']);
  });

  it('leaves nothing behind when building the file fails', () => {
    expect(() =>
      AssessmentDatabase.create(path.join(temp.dir, 'broken'), () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(fs.readdirSync(temp.dir)).toEqual([]);
  });

  it('says so when the folder does not exist', () => {
    expectAppError(() => AssessmentDatabase.create(path.join(temp.dir, 'nope', 'a'), () => {}), 'not-found');
  });
});

/** Starts tests/fixtures/hold-assessment-open.ts: a second process with the file open through the core. */
async function holdOpenInAnotherProcess(filePath: string, councilName: string) {
  const script = path.resolve(process.cwd(), 'tests/fixtures/hold-assessment-open.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, filePath, councilName], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
  });
  return {
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    out[name] = `${fs.readFileSync(full).toString('base64')}@${fs.statSync(full).mtimeMs}`;
  }
  return out;
}

describe('the file lock (issue #8, issue #6 §2)', () => {
  it('a second opening in this process is refused with who has it and since when', () => {
    const filePath = createFile();
    const first = AssessmentDatabase.open(filePath);
    const lock = JSON.parse(fs.readFileSync(`${filePath}.lock`, 'utf8'));
    expect(lock).toMatchObject({ machine: os.hostname(), user: os.userInfo().username, pid: process.pid });
    const error = expectAppError(() => AssessmentDatabase.open(filePath), 'locked');
    expect(error.message).toMatch(
      new RegExp(`^${os.userInfo().username} on ${os.hostname()} has this assessment open \\(since \\d\\d:\\d\\d\\)\\. You can read it; changes can't be saved until they close it\\.$`),
    );
    // A plain SQLite connection (another program) is still refused by SQLite's own lock.
    const other = new Database(filePath, { readonly: true, timeout: 0 });
    expect(() => other.prepare('SELECT * FROM assessment').all()).toThrow(/locked/);
    other.close();
    first.close();
    expect(fs.existsSync(`${filePath}.lock`)).toBe(false);
    AssessmentDatabase.open(filePath).close();
  });

  it('a second Core (another window) opens it read-only, reads it, and is refused changes', async () => {
    const filePath = createFile();
    const a = createCore({ configDir: temp.dir });
    const b = createCore({ configDir: temp.dir });
    await a.handlers['assessment-open']({ path: filePath });
    await a.handlers['assessment-update']({ councilName: 'Latest Saved Council' });
    const viewed = await b.handlers['assessment-open']({ path: filePath });
    expect(viewed.councilName).toBe('Latest Saved Council');
    expect(viewed.readOnly).toMatchObject({ reason: 'open-elsewhere', lockedBy: { machine: os.hostname(), stale: false } });
    await expect(b.handlers['assessment-update']({ councilName: 'Nope' })).rejects.toMatchObject({ code: 'read-only-open' });
    // Any write through any domain is refused the same way (SQLite's query_only, mapped in coreHandlers).
    await expect(
      b.handlers['recommendation-add']({ source: '2022 progress review', label: 'R1', text: 'Do the thing.' }),
    ).rejects.toMatchObject({ code: 'read-only-open' });
    await expect(b.handlers['ui-state-set']({ lastSectionId: null })).resolves.toEqual({ ok: true });
    a.close();
    // Opened again once the other window has closed it: now for writing.
    const reopened = await b.handlers['assessment-open']({ path: filePath });
    expect(reopened.readOnly ?? null).toBeNull();
    await b.handlers['assessment-update']({ councilName: 'Mine Now Council' });
    b.close();
  });

  it('another process has it open: opens read-only naming machine, user and time; kill -9 frees it', async () => {
    const filePath = createFile();
    const holder = await holdOpenInAnotherProcess(filePath, 'Saved Before Kill Council');
    try {
      const error = expectAppError(() => AssessmentDatabase.open(filePath), 'locked');
      expect(error.message).toContain(`${os.userInfo().username} on ${os.hostname()} has this assessment open (since `);
      const core = createCore({ configDir: fs.mkdtempSync(path.join(os.tmpdir(), 'pcs-config-')) });
      const viewed = await core.handlers['assessment-open']({ path: filePath });
      // The holder's change is only in its -wal: the read-only view shows it all the same.
      expect(fs.existsSync(`${filePath}-wal`)).toBe(true);
      expect(viewed.councilName).toBe('Saved Before Kill Council');
      expect(viewed.readOnly?.reason).toBe('open-elsewhere');
      core.close();
    } finally {
      await holder.kill();
    }
    // Same machine, process gone: the lock is stale beyond doubt and is replaced.
    expect(fs.existsSync(`${filePath}.lock`)).toBe(true);
    const reopened = AssessmentDatabase.open(filePath);
    const row = reopened.db.prepare('SELECT council_name FROM assessment').get() as { council_name: string };
    expect(row.council_name).toBe('Saved Before Kill Council');
    expect(JSON.parse(fs.readFileSync(`${filePath}.lock`, 'utf8')).pid).toBe(process.pid);
    reopened.close();
    expect(fs.readdirSync(temp.dir)).toEqual([path.basename(filePath)]);
  });

  it('a half-done lock replacement left by a kill (the copy written beside, never renamed) is tidied on the next open', () => {
    // The kill loop found this: killed between writing `<lock>.<token>` and renaming it over.
    const filePath = createFile();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const beside = `${filePath}.lock.78409e56b717160c`;
    fs.writeFileSync(beside, JSON.stringify({ machine: os.hostname(), user: 'x', pid: dead, since: new Date().toISOString(), appVersion: '', token: '78409e56b717160c' }));
    // Another computer's copy, written an hour ago: it is not coming back either.
    const old = `${filePath}.lock.0123456789abcdef`;
    fs.writeFileSync(old, JSON.stringify({ machine: 'COUNCIL-LT042', user: 'x', pid: 1, since: '2025-03-03T09:14:00.000Z', appVersion: '', token: '0123456789abcdef' }));
    const hour = new Date(Date.now() - 60 * 60_000);
    fs.utimesSync(old, hour, hour);
    // Another computer's copy written this moment may be about to be renamed: it is left alone.
    const live = `${filePath}.lock.fedcba9876543210`;
    fs.writeFileSync(live, JSON.stringify({ machine: 'COUNCIL-LT043', user: 'x', pid: 1, since: new Date().toISOString(), appVersion: '', token: 'fedcba9876543210' }));
    AssessmentDatabase.open(filePath).close();
    expect(fs.readdirSync(temp.dir).sort()).toEqual([path.basename(filePath), path.basename(live)].sort());
  });

  it('a stale lock from another computer is reported, and "Take over" replaces it', async () => {
    const filePath = createFile();
    const lockPath = `${filePath}.lock`;
    fs.writeFileSync(
      lockPath,
      JSON.stringify({ machine: 'COUNCIL-LT042', user: 'Jane Smith', pid: 4242, since: '2025-03-03T09:14:00.000Z', appVersion: '1', token: 'x' }),
    );
    const core = createCore({ configDir: temp.dir });
    // Heard from a moment ago: held.
    const fresh = await core.handlers['assessment-open']({ path: filePath });
    expect(fresh.readOnly).toMatchObject({ reason: 'open-elsewhere', lockedBy: { user: 'Jane Smith', machine: 'COUNCIL-LT042', stale: false } });
    expect(fresh.readOnly?.message).toContain('Jane Smith on COUNCIL-LT042 has this assessment open (since 3 March, ');
    await expect(core.handlers['assessment-open']({ path: filePath, takeOver: true })).resolves.toMatchObject({
      readOnly: { lockedBy: { stale: false } },
    });
    // Not heard from for ten minutes: stale, and take over is offered.
    const old = new Date(Date.now() - 10 * 60_000);
    fs.utimesSync(lockPath, old, old);
    const stale = await core.handlers['assessment-open']({ path: filePath });
    expect(stale.readOnly).toMatchObject({ reason: 'open-elsewhere', lockedBy: { stale: true } });
    expect(stale.readOnly?.message).toContain('Take over');
    const taken = await core.handlers['assessment-open']({ path: filePath, takeOver: true });
    expect(taken.readOnly ?? null).toBeNull();
    expect(JSON.parse(fs.readFileSync(lockPath, 'utf8'))).toMatchObject({ machine: os.hostname(), pid: process.pid });
    await core.handlers['assessment-update']({ councilName: 'Taken Over Council' });
    core.close();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('pcs info and pcs check read a file open in another process: latest saved text, no byte changed', async () => {
    const filePath = createFile();
    const holder = await holdOpenInAnotherProcess(filePath, 'Held Elsewhere Council');
    try {
      const before = snapshot(temp.dir);
      for (const command of [['info', filePath], ['check', filePath]]) {
        const out: string[] = [];
        const err: string[] = [];
        const status = await runCli(command, { out: (t) => out.push(t), err: (t) => err.push(t) });
        expect(err.join('')).not.toMatch(/another window/);
        if (command[0] === 'info') {
          expect(status).toBe(0);
          expect(out.join('')).toContain('Held Elsewhere Council');
        }
      }
      expect(snapshot(temp.dir)).toEqual(before);
    } finally {
      await holder.kill();
    }
  });

  it('a read-only file or folder opens read-only with the reason (decided by an injected probe: tests run as root)', async () => {
    const filePath = createFile();
    for (const [blocked, reason] of [
      [filePath, 'read-only-file'],
      [temp.dir, 'read-only-folder'],
    ] as const) {
      const canWrite = (target: string) => path.resolve(target) !== blocked;
      expect(() => AssessmentDatabase.open(filePath, { canWrite })).toThrow(/opened for reading only/);
      const open = OpenAssessment.open(filePath, { canWrite });
      expect(open.summary().readOnly).toMatchObject({ reason });
      expect(() => open.store.update({ councilName: 'x' }, '2025-01-01T00:00:00Z')).toThrow(/readonly/);
      open.close();
    }
    expect(fs.readdirSync(temp.dir)).toEqual([path.basename(filePath)]);
  });
});

describe('closing', () => {
  it('folds the WAL back so the file stands alone', () => {
    const filePath = createFile();
    const file = AssessmentDatabase.open(filePath);
    file.db.prepare("UPDATE assessment SET council_name = 'Changed'").run();
    expect(fs.existsSync(`${filePath}-wal`)).toBe(true);
    file.close();
    expect(fs.readdirSync(temp.dir)).toEqual([path.basename(filePath)]);
    // Readable by a plain read-only connection with nothing beside it.
    const db = new Database(filePath, { readonly: true });
    expect(db.prepare('SELECT council_name FROM assessment').get()).toEqual({ council_name: 'Changed' });
    db.close();
  });
});
