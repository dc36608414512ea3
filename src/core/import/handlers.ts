import type { HandlersOf } from '../../shared/contract';
import type { AssessmentSummary } from '../../shared/schemas/assessment';
import { importContract } from '../../shared/contracts/import';
import { AppError } from '../../shared/errors';
import type { OpenAssessment } from '../assessment/openAssessment';
import { createFromPrevious } from '../assessment/createFromPrevious';

/**
 * The importer (mammoth, a DOM) is loaded on first use, not with the core: `pcs info` and the
 * app's start do not pay for it.
 */
const importer = async () => {
  const [{ planStatementImport }, { applyStatementImport, importChapters }] = await Promise.all([
    import('./planStatementImport'),
    import('./applyStatementImport'),
  ]);
  return { planStatementImport, applyStatementImport, importChapters };
};

export interface ImportHandlerDeps {
  current(): OpenAssessment;
  /** Makes the new file the open assessment (closing the previous one), as creating one does. */
  openCreated(make: () => OpenAssessment): Promise<AssessmentSummary>;
}

export const DOCUMENT_CHANGED =
  'The Word document has changed since its mapping was shown. Look at the mapping again before importing.';

export function createImportHandlers(deps: ImportHandlerDeps): HandlersOf<typeof importContract> {
  return {
    'import-statement-plan': async ({ path, mode }) => {
      const { planStatementImport, importChapters } = await importer();
      return (await planStatementImport(path, importChapters(deps.current()), { mode })).summary;
    },
    'import-statement-apply': async ({ path, mode, overrides, sha256 }) => {
      const open = deps.current();
      const { planStatementImport, applyStatementImport, importChapters } = await importer();
      const plan = await planStatementImport(path, importChapters(open), { mode });
      if (sha256 !== undefined && sha256 !== plan.summary.sha256) throw new AppError('stale', DOCUMENT_CHANGED);
      return applyStatementImport(open, plan, overrides);
    },
    'import-previous-assessment': async ({ previousPath, ...input }) =>
      deps.openCreated(() => createFromPrevious(previousPath, input)),
  };
}
