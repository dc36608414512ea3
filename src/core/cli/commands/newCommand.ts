import { CHALLENGE_KIND_LABELS } from '../../../shared/constants';
import { CreateAssessmentInputSchema } from '../../../shared/schemas/assessment';
import { britishErrorMap, firstIssueMessage } from '../../validationMessages';
import { UsageError, type CliCommand } from '../command';
import { parseCommandArgs } from '../parseCommandArgs';

const usage = 'pcs new <file> --council "<name>" [--kind full|progress] [--visit-date yyyy-mm-dd]';

export const newCommand: CliCommand = {
  name: 'new',
  summary: 'Create a new assessment file from the Corporate Peer Challenge template.',
  usage,
  async run(args, { core, out }) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        council: { type: 'string' },
        kind: { type: 'string' },
        'visit-date': { type: 'string' },
      },
      usage,
    );
    if (positionals.length !== 1) throw new UsageError('Give the file to create.', usage);
    if (values.council === undefined) throw new UsageError('Give the council name with --council "<name>".', usage);
    // The same schema the app's bridge uses, so the CLI accepts exactly what the app accepts.
    const parsed = CreateAssessmentInputSchema.safeParse(
      { path: positionals[0], councilName: values.council, kind: values.kind, visitDate: values['visit-date'] },
      { error: britishErrorMap },
    );
    if (!parsed.success) throw new UsageError(firstIssueMessage(parsed.error), usage);
    const summary = await core.handlers['assessment-create'](parsed.data);
    out(`Created ${summary.path}`);
    out(`${CHALLENGE_KIND_LABELS[summary.kind]} position statement for ${summary.councilName}.`);
  },
};
