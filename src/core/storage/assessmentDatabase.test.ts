import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../shared/constants';
import { AppError } from '../../shared/errors';
import { createCore } from '../index';
import { makeTempDir } from '../testing/testFiles';
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

describe('the file lock', () => {
  it('a second connection to an open assessment gets a clear locked error', () => {
    const filePath = createFile();
    const first = AssessmentDatabase.open(filePath);
    const error = expectAppError(() => AssessmentDatabase.open(filePath), 'locked');
    expect(error.message).toBe(
      'This assessment is open in another window or program. Close it there, then try again.',
    );
    // A plain SQLite connection (another program) is refused too.
    const other = new Database(filePath, { readonly: true, timeout: 0 });
    expect(() => other.prepare('SELECT * FROM assessment').all()).toThrow(/locked/);
    other.close();
    first.close();
    AssessmentDatabase.open(filePath).close();
  });

  it('a second Core (another window) cannot open it while the first has it', async () => {
    const filePath = createFile();
    const a = createCore({ configDir: temp.dir });
    const b = createCore({ configDir: temp.dir });
    await a.handlers['assessment-open']({ path: filePath });
    await expect(b.handlers['assessment-open']({ path: filePath })).rejects.toMatchObject({ code: 'locked' });
    a.close();
    await expect(b.handlers['assessment-open']({ path: filePath })).resolves.toMatchObject({
      councilName: 'Testshire Council',
    });
    b.close();
  });

  it('a killed process releases the lock and its saved change survives', async () => {
    const filePath = createFile();
    const script = path.resolve(process.cwd(), 'tests/fixtures/hold-assessment-open.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, filePath, 'Saved Before Kill Council'], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('ready')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
      });
      expectAppError(() => AssessmentDatabase.open(filePath), 'locked');
      // The change is in the WAL, not yet in the main file: the kill must not lose it.
      expect(fs.existsSync(`${filePath}-wal`)).toBe(true);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }

    const reopened = AssessmentDatabase.open(filePath);
    const row = reopened.db.prepare('SELECT council_name FROM assessment').get() as { council_name: string };
    expect(row.council_name).toBe('Saved Before Kill Council');
    reopened.close();
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
