import path from 'node:path';
import { CHALLENGE_KIND_LABELS } from '../../../shared/constants';
import { UsageError, type CliCommand } from '../command';
import { parseCommandArgs } from '../parseCommandArgs';

const usage = 'pcs info <file> [--json]';

function longDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'Show an assessment: council, kind, visit date, and its sections with word counts and targets.',
  usage,
  async run(args, { out }) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean', default: false } }, usage);
    if (positionals.length !== 1) throw new UsageError('Give the assessment file to show.', usage);
    // A read-only command: it reads a private copy, so not a byte of the file changes (opening
    // the file itself would switch its journal mode and so rewrite its header).
    const filePath = path.resolve(positionals[0]!);
    // Loaded here, not at the top: the command line starts without SQLite or the core.
    const { readAssessmentCopy } = await import('../../assessment/readAssessmentCopy');
    const { assessment, sections } = readAssessmentCopy(filePath, (open) => ({
      assessment: { ...open.summary(), path: filePath, fileName: path.basename(filePath) },
      sections: open.sections.list(),
    }));
    const totalWords = sections.reduce((sum, s) => sum + s.wordCount, 0);

    if (values.json) {
      out(
        JSON.stringify(
          {
            assessment,
            sections: sections.map(({ title, kind, depth, wordCount, wordTarget, templateKey }) => ({
              title,
              kind,
              depth,
              wordCount,
              wordTarget,
              templateKey,
            })),
            totalWords,
          },
          null,
          2,
        ),
      );
      return;
    }

    out(`Council:     ${assessment.councilName}`);
    out(`Kind:        ${CHALLENGE_KIND_LABELS[assessment.kind]}`);
    out(`Visit date:  ${assessment.visitDate ? longDate(assessment.visitDate) : 'not set'}`);
    out('');
    const number = (n: number | null) => (n === null ? '' : n.toLocaleString('en-GB'));
    const rows = sections.map((s) => ({
      label: `${'  '.repeat(s.depth)}${s.title}`,
      words: number(s.wordCount),
      target: number(s.wordTarget),
    }));
    const total = { label: 'Total', words: number(totalWords), target: number(assessment.wordTarget) };
    const labelWidth = Math.max(...rows.map((r) => r.label.length), total.label.length);
    const wordsWidth = Math.max(...rows.map((r) => r.words.length), total.words.length, 'Words'.length);
    const targetWidth = Math.max(...rows.map((r) => r.target.length), total.target.length, 'Target'.length);
    // Sections with no target leave the column empty (and no trailing spaces).
    const line = (label: string, words: string, target: string) =>
      `${label.padEnd(labelWidth)}  ${words.padStart(wordsWidth)}  ${target.padStart(targetWidth)}`.trimEnd();
    out(line('Section', 'Words', 'Target'));
    for (const row of rows) out(line(row.label, row.words, row.target));
    out(line('', '-'.repeat(wordsWidth), '-'.repeat(targetWidth)));
    out(line(total.label, total.words, total.target));
  },
};
