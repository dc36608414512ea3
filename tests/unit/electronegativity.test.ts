import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { judgeFindings, readAllowlist, type Finding } from '../../scripts/electronegativity';

const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'scripts', 'electronegativity.ts');

const finding = (over: Partial<Finding>): Finding => ({
  check: 'CONTEXT_ISOLATION_JS_CHECK',
  severity: 'HIGH',
  file: 'src/main/window.ts',
  line: 1,
  sample: '',
  ...over,
});

describe('judgeFindings', () => {
  it('fails a high-severity finding that is not explained', () => {
    const verdict = judgeFindings([finding({})], []);
    expect(verdict.failures).toHaveLength(1);
  });

  it('passes a high-severity finding the allowlist explains (same check, same file)', () => {
    const verdict = judgeFindings([finding({})], [
      { check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'src/main/window.ts', reason: 'because' },
    ]);
    expect(verdict.failures).toHaveLength(0);
    expect(verdict.allowed[0]?.reason).toBe('because');
  });

  it('does not let an entry for another file explain a finding', () => {
    const verdict = judgeFindings([finding({ file: 'src/main/other.ts' })], [
      { check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'src/main/window.ts', reason: 'because' },
    ]);
    expect(verdict.failures).toHaveLength(1);
    expect(verdict.stale).toHaveLength(1);
  });

  it('shows medium and low findings without failing', () => {
    const verdict = judgeFindings([finding({ severity: 'MEDIUM' }), finding({ severity: 'LOW' })], []);
    expect(verdict.failures).toHaveLength(0);
    expect(verdict.notices).toHaveLength(2);
  });
});

describe('readAllowlist', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcs-en-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses an entry without a reason', () => {
    const file = path.join(dir, 'allow.json');
    fs.writeFileSync(file, JSON.stringify({ entries: [{ check: 'X', file: 'y', reason: ' ' }] }));
    expect(() => readAllowlist(file)).toThrow(/needs "check", "file" and a "reason"/);
  });

  it("reads the project's own allowlist, every entry with a reason", () => {
    const entries = readAllowlist(path.join(root, '.electronegativity-allowlist.json'));
    expect(entries.length).toBeGreaterThan(0);
  });
});

describe('npm run lint:electron (the real scanner)', () => {
  let project: string;
  beforeEach(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'pcs-en-project-'));
  });
  afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

  const scan = (dir: string) =>
    spawnSync(process.execPath, [script, dir], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, NODE_OPTIONS: '' } });

  it('fails on a window with context isolation turned off, and writes its SARIF report', () => {
    fs.mkdirSync(path.join(project, 'src', 'main'), { recursive: true });
    fs.writeFileSync(
      path.join(project, 'src', 'main', 'index.js'),
      "const { BrowserWindow } = require('electron');\n" +
        'new BrowserWindow({ webPreferences: { contextIsolation: false } });\n',
    );
    const result = scan(project);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/HIGH\s+CONTEXT_ISOLATION_JS_CHECK\s+src\/main\/index\.js:2/);
    expect(result.stderr).not.toMatch(/onCancel|\n\s+at /);
    const sarif = JSON.parse(fs.readFileSync(path.join(project, 'out', 'electronegativity', 'src.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain('CONTEXT_ISOLATION_JS_CHECK');
  });
});
