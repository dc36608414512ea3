import type { HandlersOf } from '../../shared/contract';
import type { ExportDocxOptions } from '../../shared/contracts/export';
import type { exportContract } from '../../shared/contracts/export';
import { AppError } from '../../shared/errors';
import type { OpenAssessment } from '../assessment/openAssessment';
import { exportDownloadLink, type DownloadLane } from './downloadLink';
import { planExport } from './docx/planExport';
import type { ExportRun } from './exportRun';
import { evidencePackSource, exportSources } from './exportSources';
import { packStatementDocxInWorker, workerZipper } from './runExportWorker';

// docx and jszip are loaded on the first export, so the app and `pcs info` start without them.
const docxExporter = () => import('./docx/exportStatementDocx');
const packExporter = () => import('./evidencePack');

/**
 * File → Export to Word on the open assessment, with its key documents and recommendations.
 * The plan is read here (it needs the database); the document is built and packed in a worker thread.
 */
export async function exportAssessmentDocx(open: OpenAssessment, options: ExportDocxOptions, run: ExportRun = {}) {
  return (await docxExporter()).exportStatementDocx(open, withTemplatePath(options), run, exportSources(open), packStatementDocxInWorker);
}

/** The dialog's chosen template as the path the builder reads (browser mode swapped its upload for a path already). */
function withTemplatePath(options: ExportDocxOptions): ExportDocxOptions {
  if (!options.template) return options;
  if (options.template.file.kind !== 'path') throw new AppError('invalid-input', 'That template upload is not known: please choose the template again.');
  return { ...options, templatePath: options.template.file.path };
}

/** The evidence pack of the open assessment: every evidence file, named by its key-document number. */
export async function exportAssessmentEvidencePack(open: OpenAssessment, options: { outPath: string }, run: ExportRun = {}) {
  const source = evidencePackSource(open);
  if (source.items.length === 0) {
    throw new AppError('invalid-input', 'This assessment has no evidence files yet, so there is no evidence pack to export.');
  }
  // Each file is read here and handed to a worker thread, which compresses the pack.
  return (await packExporter()).exportEvidencePack(source, options, run, workerZipper(run));
}

/** The `export` group of the contract. The job lane runs the two exports with progress and Cancel. */
export function createExportHandlers(deps: { current(): OpenAssessment; lane: DownloadLane }): HandlersOf<typeof exportContract> {
  return {
    'export-plan': async ({ sectionIds }) => {
      const open = deps.current();
      const sources = exportSources(open);
      const plan = planExport(open, {
        sectionIds,
        hasKeyDocuments: (sources.keyDocuments ?? []).length > 0,
        hasRecommendations: (sources.recommendations ?? []).length > 0,
      });
      return { title: plan.title, sectionCount: plan.sections.length, warnings: plan.warnings };
    },
    'export-docx': async (options) => exportAssessmentDocx(deps.current(), options),
    'export-evidence-pack': async ({ outPath }) => exportAssessmentEvidencePack(deps.current(), { outPath }),
    'export-download-link': async ({ jobId }) => exportDownloadLink(deps.lane, deps.current(), jobId),
  };
}
