import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli';
import { openTestCore, type TestCore } from '../testing/openTestCore';
import { doc, sha256 } from '../testing/testFiles';
import { checkAssessmentFile } from './checkAssessmentFile';

let t: TestCore;
afterEach(() => t?.cleanup());

/** A closed assessment with some writing in it, and a way to tamper with it behind the app's back. */
async function closedAssessment() {
  t = await openTestCore('Checkshire Council');
  const governance = await t.section('theme.governance');
  await t.api['section-save-content']({ id: governance.id, content: doc('Our governance is robust.') });
  await t.api['section-add']({ parentId: governance.id, title: 'Scrutiny' });
  await t.api['assessment-close']({});
  return t.filePath;
}

function tamper(file: string, sql: string) {
  const db = new Database(file);
  db.exec(sql);
  db.close();
}

async function pcsCheck(file: string) {
  const out: string[] = [];
  const status = await runCli(['check', file], { out: (s) => out.push(s), err: (s) => out.push(s) });
  return { status, text: out.join('\n') };
}

describe('checking an assessment file', () => {
  it('passes a sound file and leaves every byte as it was', async () => {
    const file = await closedAssessment();
    const before = sha256(file);
    const report = checkAssessmentFile(file);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.notes.join(' ')).toMatch(/sections/);
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('-wal') || f.endsWith('-shm'))).toEqual([]);
    expect(await pcsCheck(file)).toMatchObject({ status: 0, text: expect.stringContaining('sound') });
  });

  it('names the section whose text cannot be read', async () => {
    const file = await closedAssessment();
    tamper(file, `UPDATE sections SET content_json = '{"root": 42' WHERE title = 'Governance and culture'`);
    const report = checkAssessmentFile(file);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(['The text of “Governance and culture” cannot be read.']);
    const cli = await pcsCheck(file);
    expect(cli.status).toBe(1);
    expect(cli.text).toContain('Governance and culture');
  });

  it('spots a muddled order and an orphaned section', async () => {
    const file = await closedAssessment();
    tamper(file, `UPDATE sections SET position = 7 WHERE title = 'Scrutiny'`);
    expect(checkAssessmentFile(file).problems.join('\n')).toMatch(/order of the sections in “Governance and culture” is muddled/);
    tamper(
      file,
      `PRAGMA foreign_keys = OFF; UPDATE sections SET position = 0, parent_id = 'gone' WHERE title = 'Scrutiny'`,
    );
    const problems = checkAssessmentFile(file).problems.join('\n');
    expect(problems).toMatch(/“Scrutiny” belongs to a section that is no longer there/);
    expect(problems).toMatch(/point to records that do not exist/);
  });

  it('notes a stale word count without calling it a problem', async () => {
    const file = await closedAssessment();
    tamper(file, `UPDATE sections SET word_count = 99 WHERE title = 'Governance and culture'`);
    const report = checkAssessmentFile(file);
    expect(report.ok).toBe(true);
    expect(report.notes.join('\n')).toMatch(/word count of “Governance and culture” is out of date/);
  });

  it('says plainly when the file is not an assessment at all', async () => {
    t = await openTestCore();
    const file = path.join(t.dir, 'notes.pcstudio');
    fs.writeFileSync(file, 'Minutes of the cabinet meeting');
    const report = checkAssessmentFile(file);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatch(/not a Peer Challenge Studio assessment/);
    expect(fs.readFileSync(file, 'utf8')).toBe('Minutes of the cabinet meeting');
    expect((await pcsCheck(file)).status).toBe(1);
  });
});
