import path from 'node:path';
import { UsageError, type CliCommand } from '../command';
import { CheckFailed } from './checkCommand';
import { parseCommandArgs } from '../parseCommandArgs';

const usage = [
  'pcs recommendations import <file> <report-or-list|-> --source "<name>" [--yes]',
  'pcs recommendations list <file> [--json]',
].join('\n       ');

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The register of earlier recommendations from the command line. `import` shows what it
 * recognised and saves nothing unless given --yes; a list with problems is never saved.
 */
export const recommendationsCommand: CliCommand = {
  name: 'recommendations',
  summary: 'Import earlier recommendations from a report or a list, or list the register.',
  usage,
  async run(args, { loadCore, out, err }) {
    const [sub, ...rest] = args;
    if (sub === 'list') {
      const { values, positionals } = parseCommandArgs(rest, { json: { type: 'boolean', default: false } }, usage);
      if (positionals.length !== 1) throw new UsageError('Give the assessment file.', usage);
      const core = await loadCore();
      await core.handlers['assessment-open']({ path: positionals[0]! });
      const list = await core.handlers['recommendations-list']({});
      if (values.json) {
        out(JSON.stringify(list.map(({ progress: _progress, ...r }) => r), null, 2));
        return;
      }
      if (list.length === 0) {
        out('The register has no recommendations yet.');
        return;
      }
      const { RECOMMENDATION_STATUS_WORDS } = await import('../../../shared/contracts/recommendations');
      for (const r of list) {
        out(`${r.label}. ${r.text}`);
        const details = [
          `From: ${r.source}`,
          `Status: ${RECOMMENDATION_STATUS_WORDS[r.status]}`,
          ...(r.owner ? [`Owner: ${r.owner}`] : []),
          ...(r.targetDate ? [`Target: ${r.targetDate}`] : []),
          `Sections: ${r.sections.length === 0 ? 'none' : r.sections.map((s) => s.title).join(', ')}`,
          `Evidence: ${r.evidence.length}`,
        ];
        out(`   ${details.join(' · ')}`);
      }
      return;
    }
    if (sub === 'import') {
      const { values, positionals } = parseCommandArgs(
        rest,
        { source: { type: 'string' }, yes: { type: 'boolean', default: false } },
        usage,
      );
      if (positionals.length !== 2) throw new UsageError('Give the assessment file and the report or list to read (or - to read a list from standard input).', usage);
      if (!values.source?.trim()) throw new UsageError('Say where the recommendations come from, with --source "2022 progress review".', usage);
      const [filePath, sourcePath] = positionals as [string, string];
      const stdin = sourcePath === '-' ? await readStdin() : null;
      const core = await loadCore();
      await core.handlers['assessment-open']({ path: filePath });
      // A file goes through the same core function as the import dialog's "Choose a report…".
      const plan =
        stdin !== null
          ? await core.handlers['recommendations-import-plan']({ source: values.source, text: stdin, from: 'paste' })
          : await core.handlers['recommendations-import-plan-file']({ source: values.source, file: { kind: 'path', path: path.resolve(sourcePath) } });
      if (plan.items.length > 0) {
        out(`Recognised ${plan.items.length} recommendation${plan.items.length === 1 ? '' : 's'}${plan.heading ? ` under “${plan.heading}”` : ''}:`);
        for (const item of plan.items) out(`  ${item.label}. ${item.text}${item.existing ? '  (already in the register: left as it is)' : ''}`);
      }
      if (plan.problems.length > 0) {
        for (const problem of plan.problems) err(problem.message);
        err('Nothing was saved.');
        throw new CheckFailed(1);
      }
      if (!values.yes) {
        out('');
        out('Nothing was saved. Check the list above, then run the same command with --yes to add it to the register.');
        return;
      }
      const { added, skipped } = await core.handlers['recommendations-import-apply']({ source: values.source, items: plan.items });
      out(`Added ${added.length} recommendation${added.length === 1 ? '' : 's'} from “${values.source.trim()}”.${skipped.length > 0 ? ` Left ${skipped.join(', ')} as ${skipped.length === 1 ? 'it was' : 'they were'}.` : ''}`);
      return;
    }
    throw new UsageError(sub === undefined ? 'Say what to do: import or list.' : `There is no “recommendations ${sub}”. Use import or list.`, usage);
  },
};
