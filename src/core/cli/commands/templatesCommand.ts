import type { TemplateList } from '../../../shared/schemas/template';
import { UsageError, type CliCommand } from '../command';
import { parseCommandArgs } from '../parseCommandArgs';

const usage = 'pcs templates [--folder <dir>] [--json]';

export const templatesCommand: CliCommand = {
  name: 'templates',
  summary: 'List the statement templates: the built-in ones, and those in a templates folder.',
  usage,
  async run(args, { loadCore, out }) {
    const { values, positionals } = parseCommandArgs(
      args,
      { folder: { type: 'string' }, json: { type: 'boolean', default: false } },
      usage,
    );
    if (positionals.length > 0) throw new UsageError(`Unexpected argument “${positionals[0]}”.`, usage);
    if (values.folder === '') throw new UsageError('The option --folder needs a value.', usage);
    // The CLI has no remembered folder: without --folder only the built-in templates are listed.
    const core = await loadCore();
    const list: TemplateList =
      values.folder === undefined
        ? await core.handlers['templates-list']({})
        : await core.handlers['templates-set-folder']({ folder: values.folder });
    const templates = values.folder === undefined ? list.templates.filter((t) => t.source === 'built-in') : list.templates;
    const folder = values.folder === undefined ? null : list.folder;
    const problems = values.folder === undefined ? [] : list.problems;

    if (values.json) {
      out(JSON.stringify({ templates, folder, problems }, null, 2));
      return;
    }
    const width = Math.max(...templates.map((t) => t.id.length));
    const section = (heading: string, items: typeof templates) => {
      out(heading);
      if (items.length === 0) out('  (none)');
      for (const t of items) out(`  ${t.id.padEnd(width)}  ${t.name} [${t.kind}]`);
    };
    section('Built-in templates:', templates.filter((t) => t.source === 'built-in'));
    if (folder !== null) {
      out('');
      section(`Templates in ${folder}:`, templates.filter((t) => t.source === 'folder'));
      if (problems.length > 0) {
        out('');
        out('Files that could not be used:');
        for (const problem of problems) out(`  ${problem.message}`);
      }
    }
  },
};
