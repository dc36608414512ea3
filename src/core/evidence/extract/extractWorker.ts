import { parentPort, workerData } from 'node:worker_threads';
import { extractFile } from './extractFile';
import { ExtractionError, type ExtractionLimits } from './types';

/**
 * The extraction worker's entry: reads one file and posts back its text or a refusal. Anything
 * that is not an ExtractionError (a bug, a library's own exception) goes back as "unreadable",
 * never as a stack trace for the user.
 */
export type WorkerReply =
  | { ok: true; document: import('./types').ExtractedDocument }
  | { ok: false; message: string; storable: boolean };

const { filePath, fileName, limits } = workerData as { filePath: string; fileName: string; limits: ExtractionLimits };

extractFile(filePath, fileName, limits).then(
  (document) => parentPort!.postMessage({ ok: true, document } satisfies WorkerReply),
  (error: unknown) => {
    const reply: WorkerReply =
      error instanceof ExtractionError
        ? { ok: false, message: error.message, storable: error.storable }
        : { ok: false, message: 'The file could not be read: it may be damaged.', storable: false };
    parentPort!.postMessage(reply);
  },
);
