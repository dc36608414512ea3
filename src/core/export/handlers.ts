import type { HandlersOf } from '../../shared/contract';
import type { exportContract } from '../../shared/contracts/export';
import { AppError } from '../../shared/errors';
import type { OpenAssessment } from '../assessment/openAssessment';
import { planExport } from './docx/planExport';
import type { EvidencePackSource } from './evidencePack';

// docx and jszip are loaded on the first export, so the app and `pcs info` start without them.
const docxExporter = () => import('./docx/exportStatementDocx');
const packExporter = () => import('./evidencePack');

/** The `export` group of the contract. The job lane wraps the two exports with progress and Cancel. */
export function createExportHandlers(deps: {
  current(): OpenAssessment;
  /** The open assessment's evidence files; none until the evidence tables (migration 004) are wired in. */
  evidence?(open: OpenAssessment): EvidencePackSource;
}): HandlersOf<typeof exportContract> {
  return {
    'export-plan': async ({ sectionIds }) => {
      const plan = planExport(deps.current(), { sectionIds });
      return { title: plan.title, sectionCount: plan.sections.length, warnings: plan.warnings };
    },
    'export-docx': async (options) => (await docxExporter()).exportStatementDocx(deps.current(), options),
    'export-evidence-pack': async ({ outPath }) => {
      const open = deps.current();
      const source = deps.evidence?.(open) ?? { items: [] };
      if (source.items.length === 0) {
        throw new AppError('invalid-input', 'This assessment has no evidence files yet, so there is no evidence pack to export.');
      }
      return (await packExporter()).exportEvidencePack(source, { outPath });
    },
  };
}
