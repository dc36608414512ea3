/**
 * Evidence benchmark (issue #10): importing the corpus PDFs repeated to at least 1,000 pages beside
 * `pdftotext` on the same files, and search beside `rg` over the same extracted text, in the same
 * run. Every extraction row is run `runs` times (interleaved, so a burst of load from others on a
 * shared machine hits all rows alike) and the medians are reported, as wall-clock time and as CPU
 * time (user + system, which load from other processes inflates far less).
 *
 * The copies carry a different trailing comment each (after %%EOF, which readers ignore), so the
 * library keeps every copy as its own file, as it would 36 different reports.
 *
 * `runEvidenceBench()` returns Markdown lines for BENCHMARKS.md (wired into bench/run.ts), or run
 * this file alone: `npx tsx bench/evidence.ts [runs]`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../src/core';
import { extractPdf } from '../src/core/evidence/extract/pdf';
import * as extraction from '../src/core/evidence/extract/runExtraction';
import { DEFAULT_LIMITS } from '../src/core/evidence/extract/types';

const REPO = resolve(import.meta.dirname, '..');
const CORPUS = resolve(REPO, '../shared/corpus');
const PCS_BIN = join(REPO, 'bin', 'pcs.js');
const QUERIES = [
  'brownfield land grant', 'children’s services', 'medium term financial', 'climate emergency', 'health inequalities',
  'scrutiny', 'regeneration', 'Southport', 'Bootle', 'workforce', 'apprenticeships', 'adult social care', 'council tax',
  'performance', 'risk register', 'partners', 'volunteers', 'housing', 'transport', 'economy', 'skills', 'digital',
  'customer', 'budget', 'savings', 'leader', 'cabinet', 'vision 2030', 'poverty', 'public health', 'education', 'schools',
  'SEND', 'safeguarding', 'carers', 'libraries', 'leisure', 'parks', 'coast', 'waste', 'recycling', 'planning', 'growth',
  'investment', 'culture', 'tourism', 'community', 'wellbeing', 'inspection', 'improvement',
];

function pct(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
const median = (xs: number[]) => pct(xs, 0.5);
const ms = (n: number) => n.toFixed(1);
const seconds = (n: number) => (n / 1000).toFixed(2);

/** A measurement: wall-clock and CPU milliseconds. */
interface Sample {
  wall: number;
  cpu: number;
}

/** Times work done in this process (its worker threads included: they share the process's CPU clock). */
async function inProcess(fn: () => Promise<unknown>): Promise<Sample> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/**
 * Times a command line run by bash (the commands' own CPU read from bash's `times`, children's
 * line). `script` gets the file list as "$@".
 */
function throughBash(script: string, args: string[]): Sample {
  const t0 = performance.now();
  const out = execFileSync('bash', ['-c', `${script}\ntimes`, 'bash', ...args], { maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  const wall = performance.now() - t0;
  const lines = out.trim().split('\n');
  const children = lines[lines.length - 1]!.match(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/)!;
  const cpu = (Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4])) * 1000;
  return { wall, cpu };
}

/** Extracts `files` through warm extraction workers, `lanes` at a time. */
async function throughWorkers(files: string[], lanes: number): Promise<void> {
  const queue = [...files];
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let f = queue.shift(); f; f = queue.shift()) await extraction.extractInWorker(f, basename(f));
    }),
  );
}

export async function runEvidenceBench(runs = 3, minPages = 1000): Promise<string[]> {
  const pdfs = readdirSync(CORPUS).filter((f) => f.endsWith('.pdf')).map((f) => join(CORPUS, f));
  const pagesOf = (f: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f]).toString())![1]);
  const perRound = pdfs.reduce((n, f) => n + pagesOf(f), 0);
  const rounds = Math.ceil(minPages / perRound);
  const pages = perRound * rounds;
  const dir = mkdtempSync(join(tmpdir(), 'pcs-bench-evidence-'));
  const copies = join(dir, 'copies');
  mkdirSync(copies);
  const files: string[] = [];
  for (let r = 1; r <= rounds; r++) {
    for (const pdf of pdfs) {
      const copy = join(copies, `${basename(pdf, '.pdf')}-copy${r}.pdf`);
      writeFileSync(copy, Buffer.concat([readFileSync(pdf), Buffer.from(`\n% bench copy ${r}\n`)]));
      files.push(copy);
    }
  }
  const cliBuilt = existsSync(join(REPO, 'out', 'cli', 'main.js')) && existsSync(join(REPO, 'out', 'cli', 'evidenceWorker.js'));
  const rows = {
    pdftotext: [] as Sample[],
    cli: [] as Sample[],
    add: [] as Sample[],
    oneWorker: [] as Sample[],
    twoWorkers: [] as Sample[],
    inProcess: [] as Sample[],
  };
  const loads: number[] = [];
  const core = createCore({ configDir: join(dir, 'config') });
  try {
    // The first worker start (pdfjs loaded through tsx from source) is paid here, outside the timings.
    await throughWorkers(files.slice(0, 2), 2);
    await extractPdf(new Uint8Array(readFileSync(files[0]!)), DEFAULT_LIMITS);
    for (let run = 0; run < runs; run++) {
      loads.push(loadavg()[0]!);
      rows.pdftotext.push(throughBash('for f in "$@"; do pdftotext -q "$f" /dev/null; done', files));
      if (cliBuilt) {
        // What a user of the built app gets: a whole `pcs evidence add` process, its compiled worker.
        const file = join(dir, `cli-${run}.pcstudio`);
        await core.handlers['assessment-create']({ path: file, councilName: 'Sefton Council', visitDate: null, templateId: 'cpc-2024' });
        await core.handlers['assessment-close']({});
        rows.cli.push(throughBash(`"${process.execPath}" "${PCS_BIN}" evidence add "$@" > /dev/null`, [file, ...files]));
      }
      // The same through the core in this process, from source: hash, worker, store, index.
      await core.handlers['assessment-create']({ path: join(dir, `add-${run}.pcstudio`), councilName: 'Sefton Council', visitDate: null, templateId: 'cpc-2024' });
      rows.add.push(await inProcess(() => core.handlers['evidence-add']({ paths: files })));
      rows.oneWorker.push(await inProcess(() => throughWorkers(files, 1)));
      rows.twoWorkers.push(await inProcess(() => throughWorkers(files, 2)));
      rows.inProcess.push(await inProcess(async () => {
        for (const f of files) await extractPdf(new Uint8Array(readFileSync(f)), DEFAULT_LIMITS);
      }));
      if (run < runs - 1) await core.handlers['assessment-close']({});
    }

    // Search: the last run's library holds every copy (pages × copies); rg searches the same text.
    const textDir = join(dir, 'text');
    mkdirSync(textDir);
    for (const item of await core.handlers['evidence-list']({})) {
      const text = await core.handlers['evidence-get-text']({ id: item.id });
      writeFileSync(join(textDir, `${item.id}.txt`), text.pages.map((p) => p.text).join('\f'));
    }
    const top = (await core.handlers['evidence-search']({ query: 'brownfield land grant', limit: 5 }))[0];
    const topHit = top?.source === 'evidence' ? `page ${top.page} of “${top.title}”` : 'not in the evidence';
    const ours: number[] = [];
    const rg: number[] = [];
    for (let run = 0; run < runs; run++) {
      for (const q of QUERIES) {
        let start = performance.now();
        await core.handlers['evidence-search']({ query: q, limit: 20 });
        ours.push(performance.now() - start);
        start = performance.now();
        try {
          execFileSync('rg', ['-i', '-c', '-F', q, textDir]);
        } catch {
          // rg exits 1 when nothing matches.
        }
        rg.push(performance.now() - start);
      }
    }
    const perRun = (samples: number[], q: number) =>
      median(Array.from({ length: runs }, (_, r) => pct(samples.slice(r * QUERIES.length, (r + 1) * QUERIES.length), q)));

    const pop = { wall: median(rows.pdftotext.map((s) => s.wall)), cpu: median(rows.pdftotext.map((s) => s.cpu)) };
    const row = (name: string, samples: Sample[]) => {
      const wall = median(samples.map((s) => s.wall));
      const cpu = median(samples.map((s) => s.cpu));
      return `| ${name} | ${seconds(wall)} s | ${Math.round((pages / wall) * 1000)} | ${(wall / pop.wall).toFixed(1)}× | ${seconds(cpu)} s | ${(cpu / pop.cpu).toFixed(1)}× |`;
    };
    return [
      `### Evidence: import and search (${pages} PDF pages: ${pdfs.length} corpus PDFs × ${rounds}, ${files.length} files)`,
      '',
      `Median of ${runs} runs, interleaved; load average (1 min) at each run's start: ${loads.map((l) => l.toFixed(1)).join(', ')}.`,
      '',
      '| what | wall | pages/s | × pdftotext (wall) | CPU | × pdftotext (CPU) |',
      '|---|---:|---:|---:|---:|---:|',
      `| pdftotext (poppler), one process per file | ${seconds(pop.wall)} s | ${Math.round((pages / pop.wall) * 1000)} | 1.0× | ${seconds(pop.cpu)} s | 1.0× |`,
      cliBuilt ? row('`pcs evidence add` (built CLI, whole process: hash, worker, store, index)', rows.cli) : '| `pcs evidence add` (built CLI) | not built: run `npm run build` | | | | |',
      row('evidence-add in the core, from source (hash, worker, store, index)', rows.add),
      row('extraction workers, one file at a time (as evidence-add read them before)', rows.oneWorker),
      row('extraction workers, two files at a time (as evidence-add reads them now)', rows.twoWorkers),
      row('the PDF reader alone in this thread (pdfjs-dist, no worker)', rows.inProcess),
      '',
      `"brownfield land grant": top hit ${topHit} (the right page is 12 of the 2024 to 2027 plan).`,
      '',
      `| search, ${QUERIES.length} queries × ${runs} runs, ${pages} pages indexed | median (ms) | 95th percentile (ms) |`,
      '|---|---:|---:|',
      `| evidence-search (FTS5, evidence + statement, ranked, snippets) | ${ms(perRun(ours, 0.5))} | ${ms(perRun(ours, 0.95))} |`,
      `| rg -i -F over the same extracted text (process start included) | ${ms(perRun(rg, 0.5))} | ${ms(perRun(rg, 0.95))} |`,
    ];
  } finally {
    core.close();
    await (extraction as { endExtractionWorkers?: () => Promise<void> }).endExtractionWorkers?.();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log((await runEvidenceBench(Number(process.argv[2] ?? 3), Number(process.argv[3] ?? 1000))).join('\n'));
}
