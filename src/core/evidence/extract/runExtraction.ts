import { Worker } from 'node:worker_threads';
import { workerEntry as findWorkerEntry } from '../../workers/workerEntry';
import type { WorkerReply, WorkerRequest } from './extractWorker';
import { DEFAULT_LIMITS, ExtractionError, type ExtractedDocument, type ExtractionLimits } from './types';

/**
 * Where the worker's code is: beside this file when running from source (tests, `npm run cli`,
 * through tsx), or the compiled `evidenceWorker.js` next to the bundle (out/cli, out/main).
 */
function workerEntry(): { url: URL; execArgv: string[] } {
  return findWorkerEntry(import.meta.url, 'extractWorker.ts', 'evidenceWorker.js', 'The evidence extraction worker is missing from this build.');
}

/**
 * Warm workers waiting for the next file. Starting a worker and loading pdfjs-dist in it costs a few
 * hundred milliseconds of CPU, more than reading a typical 20-page PDF (bench/evidence.ts measured
 * per-file workers at about four times the CPU of a reused one), so a worker that finished a file
 * cleanly is kept for the next, up to two of them (one per core on the machines we target),
 * for a short while. A worker is never reused after a time-out, Cancel, crash or out-of-memory:
 * it is terminated, as before. One that a file left with a large heap, or that has served many
 * files, is retired too, so each file still gets the memory limit to itself.
 */
const idle: PooledWorker[] = [];
const MAX_IDLE_WORKERS = 2;
const IDLE_MS = 15_000;
const MAX_FILES_PER_WORKER = 64;

interface PooledWorker {
  worker: Worker;
  /** The heap limit it was started with (resourceLimits cannot change later). */
  maxHeapMb: number;
  served: number;
  idleTimer?: ReturnType<typeof setTimeout>;
}

function takeWorker(limits: ExtractionLimits): PooledWorker {
  const index = idle.findIndex((w) => w.maxHeapMb === limits.maxHeapMb);
  if (index >= 0) {
    const [pooled] = idle.splice(index, 1);
    clearTimeout(pooled!.idleTimer);
    pooled!.worker.ref();
    return pooled!;
  }
  const { url, execArgv } = workerEntry();
  started += 1;
  const worker = new Worker(url, {
    execArgv,
    resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 64 },
    stdout: true,
    stderr: true,
  });
  // The worker's output is captured and not shown (pdfjs-dist is told to be silent). It is not
  // drained: a flowing stdio stream would keep the process alive while the worker idles.
  const pooled: PooledWorker = { worker, maxHeapMb: limits.maxHeapMb, served: 0 };
  // A worker that dies while idle leaves the pool.
  worker.on('exit', () => {
    const at = idle.indexOf(pooled);
    if (at >= 0) {
      clearTimeout(pooled.idleTimer);
      idle.splice(at, 1);
    }
  });
  worker.on('error', () => undefined);
  return pooled;
}

/** Back to the pool after a clean answer, or ended if it should not take another file. */
function releaseWorker(pooled: PooledWorker, heapMb: number): void {
  pooled.served += 1;
  if (pooled.served >= MAX_FILES_PER_WORKER || heapMb > pooled.maxHeapMb / 4 || idle.length >= MAX_IDLE_WORKERS) {
    void pooled.worker.terminate();
    return;
  }
  // An idle worker must not keep the process (the CLI, a test run) alive.
  pooled.worker.unref();
  pooled.idleTimer = setTimeout(() => {
    const at = idle.indexOf(pooled);
    if (at >= 0) idle.splice(at, 1);
    void pooled.worker.terminate();
  }, IDLE_MS);
  pooled.idleTimer.unref();
  idle.push(pooled);
}

/** Ends the warm workers now (tests, and a process that wants to exit at once). */
export async function endExtractionWorkers(): Promise<void> {
  const ending = idle.splice(0, idle.length);
  for (const w of ending) clearTimeout(w.idleTimer);
  await Promise.all(ending.map((w) => w.worker.terminate()));
}

let started = 0;

/** How many warm workers wait for a file, and how many were ever started (for tests and the bench). */
export function extractionWorkerCounts(): { idle: number; started: number } {
  return { idle: idle.length, started };
}

/**
 * Extracts one file in a worker thread with a memory limit (`resourceLimits`) and a time limit
 * (the worker is terminated), and stops it when `signal` aborts. Resolves with the text or rejects
 * with an ExtractionError whose message a person can read (no file name: the caller adds it).
 * The worker is a warm one from the pool when there is one (see `idle` above).
 */
export function extractInWorker(
  filePath: string,
  fileName: string,
  options: { limits?: ExtractionLimits; signal?: AbortSignal } = {},
): Promise<ExtractedDocument> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new DOMException('Cancelled', 'AbortError'));
    const pooled = takeWorker(limits);
    const { worker } = pooled;
    let settled = false;
    /** Settles once; the worker goes back to the pool only after a clean answer, else it is ended. */
    const finish = (settle: () => void, reuseWithHeapMb?: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (reuseWithHeapMb === undefined) void worker.terminate();
      else releaseWorker(pooled, reuseWithHeapMb);
      settle();
    };
    const timer = setTimeout(
      () => finish(() => reject(new ExtractionError(`Reading the file took longer than ${Math.round(limits.timeoutMs / 1000)} seconds, so it was stopped.`))),
      limits.timeoutMs,
    );
    const onAbort = () => finish(() => reject(new DOMException('Cancelled', 'AbortError')));
    const onMessage = (reply: WorkerReply) =>
      finish(() => (reply.ok ? resolve(reply.document) : reject(new ExtractionError(reply.message, reply.storable))), reply.heapMb);
    const onError = (error: Error & { code?: string }) =>
      finish(() =>
        reject(
          new ExtractionError(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? 'Reading the file needed more memory than allowed, so it was stopped. It may be damaged or built to attack.'
              : 'The file could not be read: it may be damaged.',
          ),
        ),
      );
    const onExit = () => finish(() => reject(new ExtractionError('The file could not be read: it may be damaged.')));
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ filePath, fileName, limits } satisfies WorkerRequest);
  });
}
