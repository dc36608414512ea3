import { AppError } from '../../shared/errors';

/** How a long export reports progress and learns it was cancelled (the job lane supplies both). */
export interface ExportProgress {
  step: string;
  done: number;
  total: number;
}
export interface ExportRun {
  onProgress?: (progress: ExportProgress) => void;
  signal?: AbortSignal;
}

export const CANCELLED_MESSAGE = 'The export was cancelled. Nothing was written.';

export function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('cancelled', CANCELLED_MESSAGE);
}
