import { Worker } from 'node:worker_threads';
import { workerEntry as findWorkerEntry } from '../../workers/workerEntry';
import type { WorkerReply } from './extractWorker';
import { DEFAULT_LIMITS, ExtractionError, type ExtractedDocument, type ExtractionLimits } from './types';

/**
 * Where the worker's code is: beside this file when running from source (tests, `npm run cli`,
 * through tsx), or the compiled `evidenceWorker.js` next to the bundle (out/cli, out/main).
 */
function workerEntry(): { url: URL; execArgv: string[] } {
  return findWorkerEntry(import.meta.url, 'extractWorker.ts', 'evidenceWorker.js', 'The evidence extraction worker is missing from this build.');
}

/**
 * Extracts one file in a worker thread with a memory limit (`resourceLimits`) and a time limit
 * (the worker is terminated), and stops it when `signal` aborts. Resolves with the text or rejects
 * with an ExtractionError whose message a person can read (no file name: the caller adds it).
 */
export function extractInWorker(
  filePath: string,
  fileName: string,
  options: { limits?: ExtractionLimits; signal?: AbortSignal } = {},
): Promise<ExtractedDocument> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const { url, execArgv } = workerEntry();
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, {
      workerData: { filePath, fileName, limits },
      execArgv,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 64 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      settle();
    };
    const timer = setTimeout(
      () => finish(() => reject(new ExtractionError(`Reading the file took longer than ${Math.round(limits.timeoutMs / 1000)} seconds, so it was stopped.`))),
      limits.timeoutMs,
    );
    const onAbort = () => finish(() => reject(new DOMException('Cancelled', 'AbortError')));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', (reply: WorkerReply) =>
      finish(() => (reply.ok ? resolve(reply.document) : reject(new ExtractionError(reply.message, reply.storable)))),
    );
    worker.on('error', (error: Error & { code?: string }) =>
      finish(() =>
        reject(
          new ExtractionError(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? 'Reading the file needed more memory than allowed, so it was stopped. It may be damaged or built to attack.'
              : 'The file could not be read: it may be damaged.',
          ),
        ),
      ),
    );
    worker.on('exit', () => finish(() => reject(new ExtractionError('The file could not be read: it may be damaged.'))));
  });
}
