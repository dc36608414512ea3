import { UsageError, type CliCommand } from '../command';
import { parseCommandArgs } from '../parseCommandArgs';

const usage =
  'pcs import-statement <file> <in.docx> [--yes] [--key-documents] [--recommendations] [--split bold-lines|single] [--map <n>=chapter:<ref>|subsection:<ref>|focus-area]…';

/** "4=subsection:theme.finance" → part 4 (as numbered in the printed mapping) goes there. */
function parseMap(value: string): { index: number; target: { kind: 'chapter' | 'subsection'; ref: string } | { kind: 'focus-area' } } {
  const match = /^(\d+)=(?:(chapter|subsection):(\S+)|(focus-area))$/.exec(value.trim());
  if (!match) throw new UsageError(`“${value}” is not a mapping: write it as 4=subsection:theme.finance, 4=chapter:introduction or 4=focus-area.`, usage);
  const index = Number(match[1]) - 1;
  if (index < 0) throw new UsageError('Parts are numbered from 1.', usage);
  return { index, target: match[4] ? { kind: 'focus-area' } : { kind: match[2] as 'chapter' | 'subsection', ref: match[3]! } };
}

export const importStatementCommand: CliCommand = {
  name: 'import-statement',
  summary: 'Import a Word position statement into an assessment; shows where each part goes, and writes only with --yes.',
  usage,
  async run(args, { loadCore, out, err }) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        yes: { type: 'boolean', default: false },
        'key-documents': { type: 'boolean', default: false },
        recommendations: { type: 'boolean', default: false },
        split: { type: 'string' }, map: { type: 'string', multiple: true } },
      usage,
    );
    if (positionals.length !== 2) throw new UsageError('Give the assessment file and the Word document to import.', usage);
    const [file, docx] = positionals as [string, string];
    const mode = values.split;
    if (mode !== undefined && mode !== 'bold-lines' && mode !== 'single') throw new UsageError('--split is bold-lines or single.', usage);
    const overrides = (values.map ?? []).map(parseMap);

    // Loaded here: mammoth and the DOM are only needed once the command runs.
    const { readChaptersReadOnly } = await import('../../import/readChaptersReadOnly');
    const { planStatementImport } = await import('../../import/planStatementImport');
    const { finalTargets } = await import('../../import/applyStatementImport');
    const plan = await planStatementImport(docx, readChaptersReadOnly(file), { mode });
    const targets = finalTargets(plan, overrides);
    const titleOf = new Map(plan.summary.chapters.map((c) => [c.ref, c.title]));
    const where = (t: (typeof targets)[number]) =>
      t.kind === 'focus-area' ? 'a new focus area' : t.kind === 'chapter' ? `the chapter “${titleOf.get(t.ref)}”` : `a subsection of “${titleOf.get(t.ref)}”`;
    const s = plan.summary;
    out(`${s.fileName}: ${s.parts.length} parts, ${s.parts.reduce((n, p) => n + p.subsections.length, 0)} subheadings.`);
    for (const warning of s.warnings) err(warning);
    s.parts.forEach((part, i) => {
      const title = part.hasHeading ? `“${part.title}”` : '(text before the first heading)';
      out(`${String(i + 1).padStart(3)}. ${title} → ${where(targets[i]!)}${part.subsections.length ? ` (${part.subsections.length} subsections)` : ''}`);
    });
    if (s.keyDocuments.length) out(`Key documents: ${s.keyDocuments.length} found; --key-documents adds them as evidence placeholders waiting for their files.`);
    if (s.recommendations.length) out(`Recommendations found: ${s.recommendations.map((r) => r.label).join(', ')}; --recommendations adds them to the register.`);
    if (!values.yes) {
      out('Nothing was written. Run again with --yes to import, and --map to change where a part goes.');
      return;
    }
    const core = await loadCore();
    await core.handlers['assessment-open']({ path: file });
    const result = await core.handlers['import-statement-apply']({
      path: docx,
      mode,
      overrides,
      sha256: s.sha256,
      includeKeyDocuments: values['key-documents'] === true,
      includeRecommendations: values.recommendations === true,
    });
    out(`Imported: ${result.sectionsCreated} sections added, ${result.chaptersFilled} chapters filled, ${result.focusAreasCreated} focus areas added.`);
    if (result.placeholdersAdded) out(`${result.placeholdersAdded} evidence placeholders added.`);
    if (result.recommendationsAdded) out(`${result.recommendationsAdded} recommendations added to the register.`);
  },
};
