import { basename } from 'node:path';
import { existsSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import type { OpenAssessment } from '../assessment/openAssessment';
import type { BlobCapabilities } from '../blobs/blobCapabilities';
import type { JobRunner } from '../jobs/jobRunner';

/** The parts of the job lane this needs (the lane itself imports the export, so not its module). */
export interface DownloadLane {
  runner: Pick<JobRunner, 'status'>;
  capabilities: Pick<BlobCapabilities, 'mintDownload'>;
}

const MIME_TYPES = {
  'export-docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'export-evidence-pack': 'application/zip',
} as const;

/**
 * A download capability for the file a finished export job wrote. Only export jobs that ended
 * well qualify, and only their own result path: whoever holds a job id can fetch what that job
 * made and nothing else on the machine.
 */
export function exportDownloadLink(lane: DownloadLane, open: OpenAssessment, jobId: string) {
  const event = lane.runner.status(jobId);
  if (event.kind !== 'export-docx' && event.kind !== 'export-evidence-pack') {
    throw new AppError('invalid-input', 'Only an exported file can be downloaded.');
  }
  const path = (event.result as { path?: unknown } | undefined)?.path;
  if (event.state !== 'done' || typeof path !== 'string') {
    throw new AppError('invalid-input', 'The export has not finished, so there is nothing to download yet.');
  }
  if (!existsSync(path)) throw new AppError('not-found', `“${path}” is no longer there: export it again to download it.`);
  const fileName = basename(path);
  return { ...lane.capabilities.mintDownload({ path, fileName, mimeType: MIME_TYPES[event.kind] }, open.sessionId), fileName };
}
