import type { HandlersOf } from '../../shared/contract';
import type { ExportDocxOptions } from '../../shared/contracts/export';
import type { exportContract } from '../../shared/contracts/export';
import { AppError } from '../../shared/errors';
import type { OpenAssessment } from '../assessment/openAssessment';
import { exportDownloadLink, type DownloadLane } from './downloadLink';
import { planExport } from './docx/planExport';
import type { ExportRun } from './exportRun';
import { evidencePackSource, exportSources } from './exportSources';
import { packStatementDocxInWorker, prepareExportWorker, workerZipper } from './runExportWorker';
import type { PackDocx } from './docx/exportStatementDocx';

// docx and jszip are loaded on the first export, so the app and `pcs info` start without them.
const docxExporter = () => import('./docx/exportStatementDocx');
const packExporter = () => import('./evidencePack');

/**
 * Where the Word document is packed: in a worker thread (the app: its core keeps answering saves
 * and searches meanwhile), or in this thread (the command line, which has nothing else to answer
 * and would only pay for a worker's start and a second load of the Word library).
 */
export type ExportPacking = 'worker' | 'in-thread';

const packInThread: PackDocx = async (plan, options, run, sources) => (await docxExporter()).packStatementDocx(plan, options, run, sources);

/**
 * File → Export to Word on the open assessment, with its key documents and recommendations.
 * The plan is read here (it needs the database); the document is built and packed as `packing` says.
 */
export async function exportAssessmentDocx(open: OpenAssessment, options: ExportDocxOptions, run: ExportRun = {}, packing: ExportPacking = 'worker') {
  const pack = packing === 'worker' ? packStatementDocxInWorker : packInThread;
  return (await docxExporter()).exportStatementDocx(open, withTemplatePath(options), run, exportSources(open), pack);
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
export function createExportHandlers(deps: { current(): OpenAssessment; lane: DownloadLane; packing?: ExportPacking }): HandlersOf<typeof exportContract> {
  return {
    // The worker starts and warms up while the user reads the dialog (the CLI packs in its own thread: nothing to start).
    'export-prepare': async () => {
      if ((deps.packing ?? 'worker') === 'worker') prepareExportWorker();
      return { ok: true as const };
    },
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
    'export-docx': async (options) => exportAssessmentDocx(deps.current(), options, {}, deps.packing),
    'export-evidence-pack': async ({ outPath }) => exportAssessmentEvidencePack(deps.current(), { outPath }),
    'export-download-link': async ({ jobId }) => exportDownloadLink(deps.lane, deps.current(), jobId),
  };
}
