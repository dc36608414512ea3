import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `pcs` runs the compiled CLI (out/cli, built by vite.cli.config.ts as part of `npm run build`),
// not the sources through a TypeScript loader. `npm test` runs the unit tests before the build,
// so this file builds the CLI itself first (about a second).
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin', 'pcs.js');
const compiledMain = path.join(root, 'out', 'cli', 'main.js');
let temp: string;

beforeAll(() => {
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.cli.config.ts'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (build.status !== 0) throw new Error(`The CLI build failed:\n${build.stderr}\n${build.stdout}`);
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'pcs-bin-'));
}, 150_000);
afterAll(() => {
  if (temp) fs.rmSync(temp, { recursive: true, force: true });
});

/** `node bin/pcs.js …` with plain Node: no tsx or other loader anywhere. */
function pcs(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd: temp,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', NO_COLOR: '1' },
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the compiled pcs command line', () => {
  it('creates an assessment and shows it, from the compiled build', () => {
    const file = path.join(temp, 'Sefton.pcstudio');
    const created = pcs(bin, 'new', file, '--council', 'Sefton Council');
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const info = pcs(bin, 'info', file, '--json');
    expect(info.status).toBe(0);
    const parsed = JSON.parse(info.stdout) as { assessment: { councilName: string }; sections: unknown[] };
    expect(parsed.assessment.councilName).toBe('Sefton Council');
    expect(parsed.sections.length).toBeGreaterThan(5);
  });

  it('answers help and a mistyped command with the exit codes of the sources', () => {
    expect(pcs(bin, 'help')).toMatchObject({ status: 0, stdout: expect.stringMatching(/info/) });
    expect(pcs(bin, 'nonsense')).toMatchObject({ status: 2, stderr: expect.stringMatching(/no command called/) });
  });

  it('says to build first when out/cli is missing, rather than a stack trace', () => {
    // A copy of the launcher with no build beside it, as on a fresh checkout before `npm run build`.
    fs.mkdirSync(path.join(temp, 'fresh', 'bin'), { recursive: true });
    const freshBin = path.join(temp, 'fresh', 'bin', 'pcs.js');
    fs.copyFileSync(bin, freshBin);
    const result = pcs(freshBin, 'help');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/not built yet\. Run `npm run build` first/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('pcs info loads neither the Word library, nor mammoth, nor the evidence readers (issue #7: under 0.15 s)', () => {
    // What loading the core costs every command: its static imports, followed through the chunks.
    const loaded = new Set<string>();
    const follow = (chunk: string) => {
      if (loaded.has(chunk)) return;
      loaded.add(chunk);
      const source = fs.readFileSync(path.join(root, 'out', 'cli', chunk), 'utf8');
      for (const [, from] of source.matchAll(/^import\b[^;]*?from "([^"]+)"/gm)) {
        if (from!.startsWith('./')) follow(from!.slice(2));
        else loaded.add(from!);
      }
    };
    follow('core.js');
    for (const heavy of ['wordExport.js', 'wordImport.js', 'extract.js', 'mammoth', 'docx', 'jszip', 'happy-dom']) {
      expect(loaded.has(heavy), `core.js loads ${heavy} at start`).toBe(false);
    }
  });

  it('exports a Word file and adds a PDF to the evidence library from the compiled build (the chunks they load on demand are there)', () => {
    const file = path.join(temp, 'Lazy.pcstudio');
    expect(pcs(bin, 'new', file, '--council', 'Lazy Chunk Council').status).toBe(0);
    const docx = path.join(temp, 'Lazy.docx');
    const exported = pcs(bin, 'export', file, '--docx', docx);
    expect(exported.stderr).toBe('');
    expect(exported).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Wrote .*Lazy\.docx/) });
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    const pdf = path.join(root, '..', 'shared', 'corpus', 'sefton-corporate-plan-2024-2027.pdf');
    const added = pcs(bin, 'evidence', 'add', file, pdf);
    expect(added.status).toBe(0);
    expect(pcs(bin, 'evidence', 'list', file).stdout).toMatch(/Sefton Council Corporate Plan 2024 to 2027/);
  }, 60_000);

  it('loads neither SQLite nor zod before a command runs (startup stays short)', () => {
    // Static imports of the entry are what every `pcs` start pays for; the core is imported lazily.
    const staticImports = fs
      .readFileSync(compiledMain, 'utf8')
      .split('\n')
      .filter((line) => /^import\b/.test(line));
    expect(staticImports.join('\n')).not.toMatch(/better-sqlite3|zod|core\.js/);
    // The launcher itself needs no TypeScript loader at run time.
    expect(fs.readFileSync(bin, 'utf8')).not.toMatch(/from 'tsx|tsx\/esm|register\(/);
  });
});
