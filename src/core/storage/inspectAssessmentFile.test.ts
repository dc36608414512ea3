import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../index';
import { CREATE_DEFAULTS, doc, folderSnapshot, makeTempDir } from '../testing/testFiles';

/**
 * Opening must never change a file that is not a valid assessment: every refusal here is
 * checked against a hash of every file in the folder before and after.
 */

let temp: ReturnType<typeof makeTempDir>;
/** Settings live apart from the files under test so the folder snapshot sees only those. */
let config: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
  config = makeTempDir('pcs-config-');
});
afterEach(() => {
  temp.cleanup();
  config.cleanup();
});

/** A real assessment with some content, closed. */
async function realAssessment(name = 'real'): Promise<string> {
  const core = createCore({ configDir: config.dir });
  const summary = await core.handlers['assessment-create']({
    ...CREATE_DEFAULTS,
    path: path.join(temp.dir, name),
    councilName: 'Testshire Council',
  });
  const sections = await core.handlers['sections-list']({});
  for (const [i, section] of sections.entries()) {
    const paragraphs = Array.from({ length: 20 }, (_, p) => `Paragraph ${p} of section ${i}: ${'evidence '.repeat(30)}`);
    await core.handlers['section-save-content']({ id: section.id, content: doc(...paragraphs) });
  }
  core.close();
  return summary.path;
}

async function expectRefusedUnchanged(filePath: string, code: string): Promise<string> {
  const before = folderSnapshot(temp.dir);
  const core = createCore({ configDir: config.dir });
  let message = '';
  try {
    await core.handlers['assessment-open']({ path: filePath });
    throw new Error('expected the open to be refused');
  } catch (error) {
    expect(error).toMatchObject({ code });
    message = (error as Error).message;
  } finally {
    core.close();
  }
  expect(folderSnapshot(temp.dir)).toEqual(before);
  return message;
}

describe('refusing files that are not assessments, without changing them', () => {
  it('a missing file is not-found', async () => {
    await expectRefusedUnchanged(path.join(temp.dir, 'missing.pcstudio'), 'not-found');
  });

  it('a text file renamed .pcstudio', async () => {
    const filePath = path.join(temp.dir, 'notes.pcstudio');
    fs.writeFileSync(filePath, 'These are my notes for the peer challenge.\n'.repeat(100));
    const message = await expectRefusedUnchanged(filePath, 'not-an-assessment');
    expect(message).toContain('This file is not a Peer Challenge Studio assessment');
    expect(message).toContain('notes.pcstudio');
  });

  it('an empty file', async () => {
    const filePath = path.join(temp.dir, 'empty.pcstudio');
    fs.writeFileSync(filePath, '');
    await expectRefusedUnchanged(filePath, 'not-an-assessment');
  });

  it('a file of random bytes', async () => {
    const filePath = path.join(temp.dir, 'random.pcstudio');
    fs.writeFileSync(filePath, randomBytes(64 * 1024));
    await expectRefusedUnchanged(filePath, 'not-an-assessment');
  });

  it('a folder', async () => {
    const folder = path.join(temp.dir, 'folder.pcstudio');
    fs.mkdirSync(folder);
    await expectRefusedUnchanged(folder, 'not-an-assessment');
  });

  it('a valid SQLite database of another app', async () => {
    const filePath = path.join(temp.dir, 'other-app.pcstudio');
    const db = new Database(filePath);
    db.exec("CREATE TABLE sections (id TEXT); INSERT INTO sections VALUES ('x'); PRAGMA application_id = 12345;");
    db.close();
    await expectRefusedUnchanged(filePath, 'not-an-assessment');
  });

  it('a SQLite database in WAL mode of another app, with no application id', async () => {
    const filePath = path.join(temp.dir, 'other-wal.pcstudio');
    const db = new Database(filePath);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    db.close();
    await expectRefusedUnchanged(filePath, 'not-an-assessment');
  });

  it('a truncated assessment (the first half of a real one)', async () => {
    const real = await realAssessment();
    const bytes = fs.readFileSync(real);
    const filePath = path.join(temp.dir, 'truncated.pcstudio');
    fs.writeFileSync(filePath, bytes.subarray(0, Math.floor(bytes.length / 2)));
    fs.rmSync(real);
    const message = await expectRefusedUnchanged(filePath, 'damaged');
    expect(message).toMatch(/damaged/);
    expect(message).toMatch(/Nothing in it was changed/);
    expect(message).toMatch(/backup/);
  });

  it('an assessment with a page overwritten by garbage', async () => {
    const filePath = await realAssessment();
    const db = new Database(filePath, { readonly: true });
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'sections'").get() as {
      rootpage: number;
    };
    db.close();
    const fd = fs.openSync(filePath, 'r+');
    fs.writeSync(fd, randomBytes(pageSize), 0, pageSize, (rootpage - 1) * pageSize);
    fs.closeSync(fd);
    await expectRefusedUnchanged(filePath, 'damaged');
  });

  it('an assessment missing one of its tables', async () => {
    const filePath = await realAssessment();
    const db = new Database(filePath);
    db.exec('DROP TABLE settings');
    db.close();
    await expectRefusedUnchanged(filePath, 'damaged');
  });

  it('an assessment from a newer version of the app', async () => {
    const filePath = await realAssessment();
    const db = new Database(filePath);
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'from_the_future', '2030-01-01T00:00:00Z')").run();
    db.pragma('user_version = 999');
    db.close();
    const message = await expectRefusedUnchanged(filePath, 'too-new');
    expect(message).toMatch(/newer version/);
  });

  it('a real assessment opens, and a clean close leaves it a single file', async () => {
    const filePath = await realAssessment();
    const core = createCore({ configDir: config.dir });
    await expect(core.handlers['assessment-open']({ path: filePath })).resolves.toMatchObject({
      councilName: 'Testshire Council',
    });
    core.close();
    expect(fs.readdirSync(temp.dir)).toEqual([path.basename(filePath)]);
  });
});
