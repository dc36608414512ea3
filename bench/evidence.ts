/**
 * Evidence benchmark: text extraction against `pdftotext`, and search against `rg`, on the
 * corpus PDFs repeated to at least 1,000 pages, in the same run on the same files.
 * `runEvidenceBench()` returns Markdown lines for BENCHMARKS.md (wired into bench/run.ts), or run
 * this file alone: `npx tsx bench/evidence.ts`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../src/core';
import { extractPdf } from '../src/core/evidence/extract/pdf';
import { DEFAULT_LIMITS } from '../src/core/evidence/extract/types';
import { readFileSync } from 'node:fs';

const CORPUS = resolve(import.meta.dirname, '../../shared/corpus');
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
const ms = (n: number) => n.toFixed(1);

export async function runEvidenceBench(minPages = 1000): Promise<string[]> {
  const pdfs = readdirSync(CORPUS).filter((f) => f.endsWith('.pdf')).map((f) => join(CORPUS, f));
  const pagesOf = (f: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f]).toString())![1]);
  const perRound = pdfs.reduce((n, f) => n + pagesOf(f), 0);
  const rounds = Math.ceil(minPages / perRound);
  const files = Array.from({ length: rounds }, () => pdfs).flat();
  const pages = perRound * rounds;

  // Peer: pdftotext on the same files, same run.
  let start = performance.now();
  for (const f of files) execFileSync('pdftotext', ['-q', f, '/dev/null']);
  const popplerMs = performance.now() - start;

  // Ours, the extractor alone (pdfjs-dist, per page), in this process.
  start = performance.now();
  for (const f of files) await extractPdf(new Uint8Array(readFileSync(f)), DEFAULT_LIMITS);
  const extractMs = performance.now() - start;

  // Ours, end to end as a user adds them: a worker per file, storing blob, pages and index. The same
  // content is kept once, so the repeated rounds add each file once: measured on one round.
  const dir = mkdtempSync(join(tmpdir(), 'pcs-bench-evidence-'));
  const core = createCore({ configDir: join(dir, 'config') });
  try {
    await core.handlers['assessment-create']({ path: join(dir, 'bench.pcstudio'), councilName: 'Sefton Council', visitDate: null, templateId: 'cpc-2024' });
    start = performance.now();
    await core.handlers['evidence-add']({ paths: pdfs });
    const importMs = performance.now() - start;

    // Search: our index holds one copy of each file; rg searches the same text, written out once.
    const textDir = join(dir, 'text');
    execFileSync('mkdir', ['-p', textDir]);
    for (const item of await core.handlers['evidence-list']({})) {
      const text = await core.handlers['evidence-get-text']({ id: item.id });
      writeFileSync(join(textDir, `${item.id}.txt`), text.pages.map((p) => p.text).join('\f'));
    }
    const ours: number[] = [];
    const rg: number[] = [];
    for (const q of QUERIES) {
      start = performance.now();
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
    const pps = (pages / extractMs) * 1000;
    const popplerPps = (pages / popplerMs) * 1000;
    return [
      `### Evidence: extraction and search (${pages} PDF pages: ${pdfs.length} corpus PDFs × ${rounds})`,
      '',
      '| what | time | pages per second |',
      '|---|---:|---:|',
      `| pdftotext (poppler), the same files | ${ms(popplerMs)} ms | ${Math.round(popplerPps)} |`,
      `| Our extractor (pdfjs-dist, per page, in process) | ${ms(extractMs)} ms | ${Math.round(pps)} |`,
      `| Ratio (ours ÷ pdftotext) | ${(extractMs / popplerMs).toFixed(1)}× | |`,
      `| Add the ${pdfs.length} PDFs end to end (${perRound} pages: worker per file, store, index) | ${ms(importMs)} ms | ${Math.round((perRound / importMs) * 1000)} |`,
      '',
      '| search, 50 queries | median (ms) | 95th percentile (ms) |',
      '|---|---:|---:|',
      `| evidence-search (FTS5, evidence + statement, ranked, snippets) | ${ms(pct(ours, 0.5))} | ${ms(pct(ours, 0.95))} |`,
      `| rg -i -F over the same extracted text (process start included) | ${ms(pct(rg, 0.5))} | ${ms(pct(rg, 0.95))} |`,
    ];
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log((await runEvidenceBench()).join('\n'));
}
