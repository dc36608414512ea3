import type { ImportResult, ImportStatementApplyInput } from '../../shared/contracts/import';
import type { FileRef } from '../../shared/contracts/files';
import { AppError } from '../../shared/errors';
import type { OpenAssessment } from '../assessment/openAssessment';
import type { LongOperation } from './applyStatementImport';

export const DOCUMENT_CHANGED =
  'The Word document has changed since its mapping was shown. Look at the mapping again before importing.';

/** The Word document's path on this computer. Browser mode has swapped an upload for its temporary file before this. */
export function docxPath(input: { path?: string; file?: FileRef }): string {
  if (input.path !== undefined) return input.path;
  if (input.file?.kind === 'path') return input.file.path;
  throw new AppError('invalid-input', 'That upload is not known: please choose the Word document again.');
}

/**
 * Import from Word, as the job lane runs it (progress, Cancel): the document is planned again
 * (refused if it changed since the user saw the mapping), then applied with the user's changes
 * and what else they confirmed, all or nothing. The importer is loaded on first use.
 */
export async function importStatement(open: OpenAssessment, input: ImportStatementApplyInput, operation: LongOperation = {}): Promise<ImportResult> {
  const [{ planStatementImport }, { applyStatementImport, importChapters }] = await Promise.all([
    import('./planStatementImport'),
    import('./applyStatementImport'),
  ]);
  operation.onProgress?.({ step: 'Reading the document', done: 0, total: 1 });
  const plan = await planStatementImport(docxPath(input), importChapters(open), { mode: input.mode, fileName: input.fileName });
  if (input.sha256 !== undefined && input.sha256 !== plan.summary.sha256) throw new AppError('stale', DOCUMENT_CHANGED);
  if (operation.signal?.aborted) throw new AppError('cancelled', 'The import was cancelled. Nothing was changed.');
  return applyStatementImport(open, plan, input.overrides, operation, {
    keyDocuments: input.includeKeyDocuments,
    recommendations: input.includeRecommendations,
  });
}
