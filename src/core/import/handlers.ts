import type { HandlersOf } from '../../shared/contract';
import type { AssessmentSummary } from '../../shared/schemas/assessment';
import { importContract } from '../../shared/contracts/import';
import { docxPath, importStatement } from './importStatement';
import type { OpenAssessment } from '../assessment/openAssessment';
import { createFromPrevious } from '../assessment/createFromPrevious';

/**
 * The importer (mammoth, a DOM) is loaded on first use, not with the core: `pcs info` and the
 * app's start do not pay for it.
 */
const importer = async () => {
  const [{ planStatementImport }, { importChapters }] = await Promise.all([import('./planStatementImport'), import('./applyStatementImport')]);
  return { planStatementImport, importChapters };
};

export interface ImportHandlerDeps {
  current(): OpenAssessment;
  /** Makes the new file the open assessment (closing the previous one), as creating one does. */
  openCreated(make: () => OpenAssessment): Promise<AssessmentSummary>;
}

export { DOCUMENT_CHANGED } from './importStatement';

export function createImportHandlers(deps: ImportHandlerDeps): HandlersOf<typeof importContract> {
  return {
    'import-statement-plan': async (input) => {
      const { planStatementImport, importChapters } = await importer();
      return (await planStatementImport(docxPath(input), importChapters(deps.current()), { mode: input.mode, fileName: input.fileName })).summary;
    },
    'import-statement-apply': async (input) => importStatement(deps.current(), input),
    'import-previous-assessment': async ({ previousPath, ...input }) =>
      deps.openCreated(() => createFromPrevious(previousPath, input)),
  };
}
