import { UsageError, type CliCommand } from '../command';
import { parseCommandArgs } from '../parseCommandArgs';

const usage = [
  'pcs export <file> --docx <out.docx> [--draft] [--sections id,id] [--template council.dotx] [--logo logo.png]',
  'pcs export <file> --evidence-pack <out.zip>',
].join('\n');

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export the statement to Word (.docx), or the evidence pack as a ZIP.',
  usage,
  async run(args, { loadCore, out, err }) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        docx: { type: 'string' },
        'evidence-pack': { type: 'string' },
        draft: { type: 'boolean', default: false },
        sections: { type: 'string' },
        template: { type: 'string' },
        logo: { type: 'string' },
      },
      usage,
    );
    if (positionals.length !== 1) throw new UsageError('Give the assessment file to export.', usage);
    if (!values.docx && !values['evidence-pack']) throw new UsageError('Say what to export: --docx <out.docx> or --evidence-pack <out.zip>.', usage);
    const core = await loadCore();
    await core.handlers['assessment-open']({ path: positionals[0]! });
    if (values.docx) {
      const sectionIds = values.sections?.split(',').map((s) => s.trim()).filter(Boolean);
      // The app shows the warnings before writing; the CLI writes anyway, then says what to check.
      // They come with the result: the plan is made once.
      const result = await core.handlers['export-docx']({
        outPath: values.docx,
        sectionIds,
        draft: values.draft,
        templatePath: values.template,
        logoPath: values.logo,
      });
      for (const warning of result.warnings) err(`Warning: ${warning.message}`);
      const headings = result.headingCount === 1 ? '1 heading' : `${result.headingCount.toLocaleString('en-GB')} headings`;
      out(`Wrote ${result.path} (${Math.ceil(result.bytes / 1024).toLocaleString('en-GB')} KB, ${headings}).`);
      // Sections with nothing written in them are left out, so a new statement exports as a cover alone.
      if (result.headingCount === 0) out('Nothing is written in the statement yet, so it has only its cover and contents page.');
    }
    if (values['evidence-pack']) {
      const result = await core.handlers['export-evidence-pack']({ outPath: values['evidence-pack'] });
      out(`Wrote ${result.path} (${result.fileCount} files).`);
    }
  },
};
