import { CHALLENGE_KIND_LABELS } from '../../../shared/constants';
import { UsageError, type CliCommand } from '../command';
import { parseCommandArgs } from '../parseCommandArgs';

const usage =
  'pcs new <file> --council "<name>" [--template <id>] [--folder <templates dir>] [--kind full|progress] [--visit-date yyyy-mm-dd]\n' +
  'pcs new <file> --council "<name>" --from <previous.pcstudio> [--kind full|progress] [--visit-date yyyy-mm-dd]';

export const newCommand: CliCommand = {
  name: 'new',
  summary: 'Create a new assessment file from a template (the Corporate Peer Challenge one unless --template says).',
  usage,
  async run(args, { loadCore, out }) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        council: { type: 'string' },
        kind: { type: 'string' },
        'visit-date': { type: 'string' },
        template: { type: 'string' },
        folder: { type: 'string' },
        from: { type: 'string' },
      },
      usage,
    );
    if (positionals.length !== 1) throw new UsageError('Give the file to create.', usage);
    if (values.council === undefined) throw new UsageError('Give the council name with --council "<name>".', usage);
    // The same schema the app's bridge uses, so the CLI accepts exactly what the app accepts.
    // Loaded here, not at the top: the schemas are only needed once a command runs.
    const { CreateAssessmentInputSchema } = await import('../../../shared/schemas/assessment');
    const { britishErrorMap, firstIssueMessage } = await import('../../validationMessages');
    const parsed = CreateAssessmentInputSchema.safeParse(
      {
        path: positionals[0],
        councilName: values.council,
        kind: values.kind,
        visitDate: values['visit-date'],
        templateId: values.template,
      },
      { error: britishErrorMap },
    );
    if (!parsed.success) throw new UsageError(firstIssueMessage(parsed.error), usage);
    const core = await loadCore();
    if (values.from !== undefined) {
      if (values.template !== undefined || values.folder !== undefined) {
        throw new UsageError('A new assessment from a previous one takes its structure from that one: leave out --template and --folder.', usage);
      }
      const { templateId: _template, ...details } = parsed.data;
      const summary = await core.handlers['import-previous-assessment']({ ...details, previousPath: values.from });
      out(`Created ${summary.path}`);
      out(`${CHALLENGE_KIND_LABELS[summary.kind]} position statement for ${summary.councilName}, starting from ${values.from}: its sections and text, with statuses, comments and verdicts cleared.`);
      return;
    }
    if (values.folder === '') throw new UsageError('The option --folder needs a value.', usage);
    // Templates from a folder are found by id once the folder is chosen for this run.
    if (values.folder !== undefined) await core.handlers['templates-set-folder']({ folder: values.folder });
    const summary = await core.handlers['assessment-create'](parsed.data);
    out(`Created ${summary.path}`);
    out(`${CHALLENGE_KIND_LABELS[summary.kind]} position statement for ${summary.councilName}, from the template “${summary.templateId}”.`);
  },
};
