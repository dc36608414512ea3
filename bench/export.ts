/**
 * Export to Word against pandoc (issue #12): the full 2023 statement, loaded into an assessment,
 * exported to DOCX by us, and the same content as Markdown converted to DOCX by pandoc, in the same
 * run. `runExportBench()` returns Markdown lines for BENCHMARKS.md; bench/run.ts prints them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { OpenAssessment } from '../src/core/assessment/openAssessment';
import { builtInTemplate } from '../src/core/templates/builtInTemplates';
import { exportStatementDocx } from '../src/core/export/docx/exportStatementDocx';
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
    const ours: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      bytes = (await exportStatementDocx(open, { outPath: join(dir, `ours-${i}.docx`) })).bytes;
      ours.push(performance.now() - t);
    }
    open.close();

    const lines = [
      '### Export to Word (issue #12)',
      '',
      `The full 2023 statement (${blocks.length} blocks from the Word file, in an assessment), median of ${runs} runs, same machine and run.`,
      '',
      '| Tool | Median ms | Output |',
      '|---|---:|---:|',
      `| Peer Challenge Studio export (cover, contents, styles) | ${median(ours).toFixed(0)} | ${Math.round(bytes / 1024)} KB |`,
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
      lines.push('', median(ours) < median(theirs) ? 'Goal met: faster than pandoc.' : 'Goal NOT met: slower than pandoc.');
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
