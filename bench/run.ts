/**
 * `npm run bench`: how fast the things a user feels are, on a statement of real size (the 2023
 * position statement in ../shared, about 117,000 characters in ~60 sections), through the same
 * dispatcher and HTTP carrier the app uses. Prints a Markdown report for BENCHMARKS.md.
 *
 * The peer tool: the issue measures us against Word. On this machine its stand-in is LibreOffice
 * Writer, saving the same statement as a whole DOCX, which is what a Word user's every save does.
 */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem, tmpdir } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../src/core';
import { createDispatcher } from '../src/core/dispatch';
import { createWebShellHandlers } from '../src/web/shellHandlers';
import { startWebServer } from '../src/web/server';
import type { SerializedEditorStateJSON } from '../src/shared/schemas/lexical';
import { runKillLoop } from '../src/core/testing/killLoop';
import { statementSections } from './statementFixture';
import { runEvidenceBench } from './evidence';
import { runExportBench } from './export';
import { runTypingBench } from './typing';

type Stats = { name: string; runs: number; p50: number; p95: number; max: number };

function stats(name: string, samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { name, runs: samples.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN };
}

async function time(runs: number, fn: (i: number) => Promise<unknown> | unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

async function must<T>(envelope: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const e = await envelope;
  if (!e.ok) throw new Error(JSON.stringify(e.error));
  return e.value as T;
}

const repoRoot = resolve(import.meta.dirname, '..');
const corpus = resolve(repoRoot, '../shared/corpus');
const seed = resolve(repoRoot, '../shared/seeds/003_914e2cca6af3a5ec.txt');

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'pcs-bench-'));
  const results: Stats[] = [];
  const notes: string[] = [];
  try {
    const core = createCore({ configDir: join(dir, 'config') });
    const dispatch = createDispatcher({ ...core.handlers, ...createWebShellHandlers({ version: 'bench' }) });
    const call = <T>(method: string, args: unknown = {}) => must<T>(dispatch(method, args));

    // Creating a new assessment from the template.
    results.push(
      stats(
        'Create a new assessment (file on disk, template sections)',
        await time(20, (i) => call('assessment-create', { path: join(dir, `new-${i}.pcstudio`), councilName: 'Bench Council' })),
      ),
    );

    // The full statement: ~60 sections under the chapters, as the strategy team would have it.
    const file = join(dir, 'statement.pcstudio');
    await call('assessment-create', { path: file, councilName: 'Sefton Council' });
    const chapters = await call<Array<{ id: string; depth: number; kind: string }>>('sections-list');
    const parents = chapters.filter((s) => s.depth === 0);
    const sections = statementSections(readFileSync(seed, 'utf8'));
    const ids: string[] = [];
    for (const [i, s] of sections.entries()) {
      const parent = parents[Math.min(parents.length - 1, Math.floor((i * parents.length) / sections.length))]!;
      const added = await call<{ id: string }>('section-add', { parentId: parent.id, title: s.title });
      await call('section-save-content', { id: added.id, content: s.content });
      ids.push(added.id);
    }
    const totalChars = sections.reduce((n, s) => n + s.text.length, 0);
    notes.push(`Statement: ${sections.length} sections, ${totalChars.toLocaleString('en-GB')} characters of text.`);
    await call('assessment-close');

    results.push(
      stats(
        'Open the full statement (open, list sections, load one)',
        await time(20, async () => {
          await call('assessment-open', { path: file });
          await call('sections-list');
          await call('section-get', { id: ids[0] });
          await call('assessment-close');
        }),
      ),
    );
    await call('assessment-open', { path: file });

    // Autosave, the hot path: the largest section saved again and again as if typed into.
    const largest = sections.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    const largestId = ids[sections.indexOf(largest)]!;
    const edited = (i: number): SerializedEditorStateJSON => {
      const copy = structuredClone(largest.content);
      copy.root.children.push({ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: `Typed ${i}` }] });
      return copy;
    };
    notes.push(`Autosaved section: "${largest.title}", ${largest.text.length.toLocaleString('en-GB')} characters.`);
    results.push(
      stats(
        'Autosave one section (dispatcher: validate, store, count words)',
        await time(200, (i) => call('section-save-content', { id: largestId, content: edited(i) })),
      ),
    );

    results.push(
      stats('Find a word across the whole statement', await time(50, () => call('statement-find', { query: 'council' }))),
    );
    results.push(
      stats(
        'Replace all across the statement, then back',
        await time(10, async () => {
          await call('statement-replace-all', { query: 'Sefton', replacement: 'Sefton Borough', matchCase: true, wholeWord: true });
          await call('statement-replace-all', { query: 'Sefton Borough', replacement: 'Sefton', matchCase: true });
        }),
      ),
    );

    // The same autosave through browser mode's HTTP carrier.
    const token = 'bench-token';
    const server = await startWebServer({ dispatch, staticDir: dir, token });
    const http = async (method: string, args: unknown) => {
      const res = await fetch(`${server.url}api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-pcs-token': token },
        body: JSON.stringify(args),
      });
      const e = (await res.json()) as { ok: boolean };
      if (!e.ok) throw new Error(JSON.stringify(e));
    };
    results.push(
      stats(
        'Autosave one section over HTTP (browser mode)',
        await time(200, (i) => http('section-save-content', { id: largestId, content: edited(i) })),
      ),
    );
    await server.close();
    await call('assessment-close');
    core.close();
    notes.push(`File size with the statement: ${(statSync(file).size / 1024).toFixed(0)} KiB.`);

    // The command line, as a user starts it: a whole `pcs info` process on the full statement.
    // bin/pcs.js runs the compiled CLI (out/cli, made by `npm run build`); the sources through tsx
    // (`npm run cli`) are timed beside it for comparison, and plain Node for the floor.
    const pcsBin = join(repoRoot, 'bin', 'pcs.js');
    if (existsSync(join(repoRoot, 'out', 'cli', 'main.js'))) {
      const node = (...args: string[]) => () => execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], cwd: repoRoot });
      node(pcsBin, 'info', file)(); // first run fills Node's compile cache; not counted
      results.push(stats('`pcs info` on the full statement, whole process (compiled CLI)', await time(20, node(pcsBin, 'info', file))));
      results.push(stats('`npm run cli -- info`, the sources through tsx (for comparison)', await time(5, node('--import', 'tsx', 'src/core/cli/main.ts', 'info', file))));
      results.push(stats('Node itself starting and stopping (the floor)', await time(20, node('-e', '0'))));
    } else {
      notes.push('The CLI is not built, so `pcs info` was not timed (run `npm run build` first).');
    }

    // The peer: a whole-document save of the same statement in LibreOffice Writer.
    const docx = join(corpus, 'lga-peer-challenge-self-assessment-2023.docx');
    const soffice = ['soffice', 'libreoffice'].find((cmd) => {
      try {
        execFileSync('which', [cmd], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    });
    if (soffice && existsSync(docx)) {
      const out = join(dir, 'lo');
      const profile = `file://${join(dir, 'lo-profile')}`;
      const run = () =>
        execFileSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', out, docx], {
          stdio: 'ignore',
        });
      run(); // first run sets up the profile; not counted
      results.push(stats('Peer: LibreOffice Writer saves the whole statement as DOCX (headless, per save)', await time(5, run)));
    } else {
      notes.push('LibreOffice is not installed, so the peer comparison was not run (apt-get install libreoffice-writer-nogui).');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    `## ${new Date().toISOString().slice(0, 10)}, ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    '',
    ...notes.map((n) => `- ${n}`),
    '',
    '| what | runs | median (ms) | 95th percentile (ms) | slowest (ms) |',
    '|---|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.name} | ${r.runs} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} |`),
  ];
  console.log(lines.join('\n'));
  // What a user feels in the browser: typing, switching sections, opening, memory (bench/typing.ts).
  console.log(['', ...(await runTypingBench())].join('\n'));
  // The evidence library beside pdftotext and rg, and Word export beside pandoc, same run.
  console.log(['', ...(await runEvidenceBench())].join('\n'));
  console.log(['', ...(await runExportBench())].join('\n'));
}

/**
 * `npm run bench -- --kills 300`: the kill test of `npm test` (src/core/storage/killLoop.test.ts,
 * 50 kills) at a size that does not fit CI. Prints how the kills landed; throws on the first
 * file that fails `pcs check` or lost an acknowledged save. PCS_KILL_SEED repeats a run.
 */
async function killLoopBench(kills: number) {
  const dir = mkdtempSync(join(tmpdir(), 'pcs-kill-bench-'));
  const seed = Number(process.env.PCS_KILL_SEED ?? Date.now() % 100_000);
  const start = performance.now();
  try {
    const result = await runKillLoop({ dir, kills, seed });
    const seconds = ((performance.now() - start) / 1000).toFixed(0);
    console.log(
      `- Kill loop: ${result.kills} kills (seed ${seed}) in ${seconds} s, landing in ${Object.entries(result.byPhase)
        .map(([phase, n]) => `${phase} ${n}`)
        .join(', ')}; ${result.acknowledged} saves acknowledged, none lost; every file passed pcs check.`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const killsFlag = process.argv.indexOf('--kills');
const run = killsFlag >= 0 ? () => killLoopBench(Number(process.argv[killsFlag + 1] ?? 300)) : main;

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
