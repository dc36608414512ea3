/**
 * Export to Word against pandoc (issue #12): the full 2023 statement, loaded into an assessment,
 * exported to DOCX by us, and the same content as Markdown converted to DOCX by pandoc, in the same
 * run. `runExportBench()` returns Markdown lines for BENCHMARKS.md; bench/run.ts prints them.
 *
 * What a user gets is the job path: the Export dialog calls `export-prepare` when it opens (starting
 * and warming the export worker, src/core/export/runExportWorker.ts), then `job-start` with kind
 * `export-docx`, planned in the core and packed in that worker, timed until the job's `done` event.
 * From source that worker starts through tsx, which the built app does not. The built CLI's
 * `pcs export` (a whole process, packing in its own thread) is timed too when out/cli exists.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { createCore } from '../src/core';
import { performance } from 'node:perf_hooks';
import { OpenAssessment } from '../src/core/assessment/openAssessment';
import { builtInTemplate } from '../src/core/templates/builtInTemplates';
import { exportStatementDocx } from '../src/core/export/docx/exportStatementDocx';
import { endWarmExportWorker } from '../src/core/export/runExportWorker';

/** How long the bench leaves the Export dialog open before choosing Export: a quick reader's glance. */
const DIALOG_READING_MS = 1500;
import { fillWithStatement2023, readStatement2023, type SourceBlock } from '../src/core/export/testing/statement2023';

function markdownOf(blocks: SourceBlock[]): string {
  return blocks
    .map((b) =>
      b.kind === 'heading'
        ? `${'#'.repeat(b.level)} ${b.text}`
        : b.kind === 'paragraph'
          ? b.bold ? `**${b.text}**` : b.text
          : b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${item}`).join('\n'),
    )
    .join('\n\n');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runExportBench(runs = 5): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pcs-bench-export-'));
  try {
    const blocks = await readStatement2023();
    const open = OpenAssessment.create(
      { path: join(dir, 'Sefton.pcstudio'), councilName: 'Sefton Council', visitDate: '2023-09-12' },
      builtInTemplate('cpc-2024'),
    );
    await fillWithStatement2023(open, blocks);
    open.close();
    const file = join(dir, 'Sefton.pcstudio');

    // The job path, as the app's Export dialog runs it: the dialog calls export-prepare when it
    // opens (which starts the export worker and warms it up), the user reads it and chooses Export, and
    // the job is timed from job-start to its done event. Three ways, each from no warm worker:
    // - "dialog": export-prepare, a pause while the user reads the dialog, then Export;
    // - "again": straight after a previous export (the worker is still warm);
    // - "cold": job-start with no dialog before it (the worker starts inside the timed part).
    const core = createCore({ configDir: join(dir, 'config') });
    const timings = { dialog: [] as number[], again: [] as number[], cold: [] as number[] };
    let bytes = 0;
    const exportJob = async (name: string): Promise<number> => {
      const t = performance.now();
      const { jobId } = await core.handlers['job-start']({ kind: 'export-docx', input: { outPath: join(dir, `${name}.docx`) } });
      const result = await new Promise<{ bytes: number }>((done, fail) => {
        const stop = core.jobs.runner.subscribe((event) => {
          if (event.jobId !== jobId || (event.state !== 'done' && event.state !== 'failed')) return;
          stop();
          if (event.state === 'done') done(event.result as { bytes: number });
          else fail(new Error(event.error?.message));
        });
      });
      bytes = result.bytes;
      return performance.now() - t;
    };
    try {
      await core.handlers['assessment-open']({ path: file });
      // Not counted: loads the core's export code in this process.
      await exportJob('first');
      for (let i = 0; i < runs; i++) {
        endWarmExportWorker();
        await core.handlers['export-prepare']({});
        await new Promise((r) => setTimeout(r, DIALOG_READING_MS));
        timings.dialog.push(await exportJob(`dialog-${i}`));
        timings.again.push(await exportJob(`again-${i}`));
        endWarmExportWorker();
        timings.cold.push(await exportJob(`cold-${i}`));
      }
    } finally {
      endWarmExportWorker();
      core.close();
    }

    // The built CLI, a whole process: start, open, plan, pack (in its own thread), write.
    const cliMain = resolve(import.meta.dirname, '..', 'out', 'cli', 'main.js');
    const cli: number[] = [];
    if (existsSync(cliMain)) {
      for (let i = 0; i <= runs; i++) {
        const t = performance.now();
        execFileSync(process.execPath, [resolve(import.meta.dirname, '..', 'bin', 'pcs.js'), 'export', file, '--docx', join(dir, `cli-${i}.docx`)], { stdio: 'ignore' });
        if (i > 0) cli.push(performance.now() - t);
      }
    }

    // The packing alone, in this thread (no worker, no job): how it was measured before.
    const reopened = OpenAssessment.open(file);
    const ours: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await exportStatementDocx(reopened, { outPath: join(dir, `ours-${i}.docx`) });
      ours.push(performance.now() - t);
    }
    reopened.close();

    const lines = [
      '### Export to Word (issue #12)',
      '',
      `The full 2023 statement (${blocks.length} blocks from the Word file, in an assessment), median of ${runs} runs, same machine and run.`,
      '',
      '| Tool | Median ms | Output |',
      '|---|---:|---:|',
      `| Export job, Export dialog opened first (export-prepare on opening, ${DIALOG_READING_MS / 1000} s reading, then job-start → done) | ${median(timings.dialog).toFixed(0)} | ${Math.round(bytes / 1024)} KB |`,
      `| Export job, again straight after (the worker still warm) | ${median(timings.again).toFixed(0)} | |`,
      `| Export job, no dialog first (the worker thread starts inside the timed part, through tsx) | ${median(timings.cold).toFixed(0)} | |`,
      cli.length > 0
        ? `| \`pcs export --docx\`, built CLI, whole process (packs in its own thread) | ${median(cli).toFixed(0)} | |`
        : '| `pcs export --docx`, built CLI | not built (`npm run build`) | |',
      `| Packing alone in this thread (no job, no worker) | ${median(ours).toFixed(0)} | |`,
    ];
    if (spawnSync('pandoc', ['--version']).status === 0) {
      const md = join(dir, 'statement.md');
      writeFileSync(md, markdownOf(blocks));
      const theirs: number[] = [];
      for (let i = 0; i < runs; i++) {
        const out = join(dir, `pandoc-${i}.docx`);
        const t = performance.now();
        execFileSync('pandoc', [md, '--toc', '-o', out]);
        theirs.push(performance.now() - t);
      }
      const size = statSync(join(dir, 'pandoc-0.docx')).size;
      lines.push(`| pandoc Markdown → DOCX (--toc) | ${median(theirs).toFixed(0)} | ${Math.round(size / 1024)} KB |`);
      const pandoc = median(theirs);
      const verdict = (what: string, ms: number) => `${what}: ${ms < pandoc ? 'faster than pandoc (met)' : 'slower than pandoc (NOT met)'}, ${ms.toFixed(0)} ms against ${pandoc.toFixed(0)} ms.`;
      lines.push(
        '',
        `- ${verdict('What a user waits for (Export chosen in the dialog)', median(timings.dialog))}`,
        `- ${verdict('Export with no dialog before it', median(timings.cold))}`,
        ...(cli.length > 0 ? [`- ${verdict('The command line, a whole process', median(cli))}`] : []),
      );
    } else {
      lines.push('', 'pandoc is not installed (apt-get install -y pandoc), so there is nothing to compare with.');
    }
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log((await runExportBench()).join('\n'));
}
