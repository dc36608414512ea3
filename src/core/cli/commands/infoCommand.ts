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
  summary: 'Show an assessment: council, kind, visit date, and its sections with word counts.',
  usage,
  async run(args, { core, out }) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean', default: false } }, usage);
    if (positionals.length !== 1) throw new UsageError('Give the assessment file to show.', usage);
    const assessment = await core.handlers['assessment-open']({ path: positionals[0]! });
    const sections = await core.handlers['sections-list']({});
    const totalWords = sections.reduce((sum, s) => sum + s.wordCount, 0);

    if (values.json) {
      out(
        JSON.stringify(
          {
            assessment,
            sections: sections.map(({ title, kind, depth, wordCount, templateKey }) => ({
              title,
              kind,
              depth,
              wordCount,
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
    const rows = sections.map((s) => ({ label: `${'  '.repeat(s.depth)}${s.title}`, words: s.wordCount.toLocaleString('en-GB') }));
    const total = { label: 'Total', words: totalWords.toLocaleString('en-GB') };
    const labelWidth = Math.max(...rows.map((r) => r.label.length), total.label.length);
    const wordsWidth = Math.max(...rows.map((r) => r.words.length), total.words.length, 'Words'.length);
    const line = (label: string, words: string) => `${label.padEnd(labelWidth)}  ${words.padStart(wordsWidth)}`;
    out(line('Section', 'Words'));
    for (const row of rows) out(line(row.label, row.words));
    out(line('', '-'.repeat(wordsWidth)));
    out(line(total.label, total.words));
  },
};
