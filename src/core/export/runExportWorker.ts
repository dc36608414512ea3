import { Worker } from 'node:worker_threads';
import { AppError, ERROR_CODES, type ErrorCode } from '../../shared/errors';
import type { ExportDocxOptions } from '../../shared/contracts/export';
import type { ExportSources, PackDocx } from './docx/exportStatementDocx';
import type { PackPlan } from './docx/exportStatementDocx';
import type { PackZipper } from './evidencePack';
import { workerEntry as findWorkerEntry } from '../workers/workerEntry';
import { CANCELLED_MESSAGE, type ExportProgress, type ExportRun } from './exportRun';

/**
 * Runs an export's CPU-heavy step in a worker thread (./exportWorker.ts): packing the Word
 * document, compressing the evidence pack. Progress comes back as messages; Cancel ends the
 * worker at once (nothing is written until the bytes are back, so there is nothing to undo).
 */
export type ExportWorkerTask =
  | { type: 'warm-up' }
  | { type: 'docx'; plan: PackPlan; options: Omit<ExportDocxOptions, 'outPath' | 'sectionIds'>; sources: ExportSources }
  | { type: 'pack-add'; name: string; data: Uint8Array | string }
  | { type: 'pack-finish' };

export type ExportWorkerReply =
  | { type: 'warmed' }
  | { type: 'progress'; progress: ExportProgress }
  | { type: 'percent'; percent: number }
  | { type: 'done'; bytes: Uint8Array }
  | { type: 'error'; code: string | null; message: string };

/** Beside this file when running from source (tsx), or the compiled exportWorker.js next to the bundle (out/cli, out/main). */
function workerEntry(): { url: URL; execArgv: string[] } {
  return findWorkerEntry(import.meta.url, 'exportWorker.ts', 'exportWorker.js', 'The export worker is missing from this build.');
}

function cancelled(): AppError {
  return new AppError('cancelled', CANCELLED_MESSAGE);
}

function newWorker(): Worker {
  const { url, execArgv } = workerEntry();
  const worker = new Worker(url, { execArgv });
  // A worker's crash reaches the task running on it (its own 'error' listener); one idle has none.
  worker.on('error', () => undefined);
  worker.on('exit', () => {
    if (warm === worker) forgetWarm();
  });
  return worker;
}

/**
 * One Word worker kept warm between exports. Starting a worker thread and loading the Word
 * library in it took most of an export's time (bench/export.ts: about 0.5 s of 0.65 s), so the
 * worker that packed a document cleanly waits for the next, and the Export dialog has one
 * started and warmed up while it is open (`prepareExportWorker`). It is ended after a while
 * unused, and never reused after a Cancel or a failure (it is terminated, as before). An idle
 * worker does not keep the process alive (unref), so the CLI and tests end as they did.
 */
let warm: Worker | null = null;
let warmTimer: ReturnType<typeof setTimeout> | null = null;
const WARM_IDLE_MS = 5 * 60_000;

function forgetWarm(): void {
  if (warmTimer) clearTimeout(warmTimer);
  warmTimer = null;
  warm = null;
}

function takeWordWorker(): Worker {
  const worker = warm;
  if (!worker) return newWorker();
  forgetWarm();
  worker.ref();
  return worker;
}

function keepWarm(worker: Worker): void {
  if (warm) {
    void worker.terminate();
    return;
  }
  warm = worker;
  worker.unref();
  warmTimer = setTimeout(() => {
    if (warm !== worker) return;
    forgetWarm();
    void worker.terminate();
  }, WARM_IDLE_MS);
  warmTimer.unref();
}

/**
 * Starts a Word worker and has it load the Word library and pack a small made-up document, so
 * the next export starts at once: called when the Export dialog asks for its plan. Does nothing
 * if one is already waiting. The warm-up runs inside the worker; an export asked for meanwhile
 * is queued behind it on the same worker.
 */
export function prepareExportWorker(): void {
  if (warm) return;
  const worker = newWorker();
  worker.postMessage({ type: 'warm-up' } satisfies ExportWorkerTask);
  keepWarm(worker);
}

/** Whether a Word worker is waiting (or warming up) for the next export. */
export function exportWorkerIsWarm(): boolean {
  return warm !== null;
}

/** Ends the warm worker now (tests; the core's own shut-down does not need to: it is unref'd). */
export function endWarmExportWorker(): void {
  const worker = warm;
  forgetWarm();
  if (worker) void worker.terminate();
}

interface ExportWorker {
  post(task: ExportWorkerTask, transfer?: ArrayBuffer[]): void;
  /** The bytes the worker answers with; rejects on its error, on Cancel, or if it dies. */
  result: Promise<Uint8Array>;
  end(): void;
}

/**
 * Runs one task on `worker`: its answer, progress and percent reach this task's listeners only,
 * which are removed when it settles. After a clean answer `afterDone` decides what becomes of the
 * worker (kept warm, or ended); after Cancel, an error or a crash it is ended.
 */
function runOnWorker(worker: Worker, run: ExportRun, afterDone: (worker: Worker) => void, onPercent?: (percent: number) => void): ExportWorker {
  let settled = false;
  let onAbort = () => undefined as void;
  let detach = () => undefined as void;
  const result = new Promise<Uint8Array>((resolve, reject) => {
    const finish = (settle: () => void, reusable = false) => {
      if (settled) return;
      settled = true;
      run.signal?.removeEventListener('abort', onAbort);
      detach();
      if (reusable) afterDone(worker);
      else void worker.terminate();
      settle();
    };
    onAbort = () => finish(() => reject(cancelled()));
    const onMessage = (reply: ExportWorkerReply) => {
      if (reply.type === 'warmed') return; // The warm-up that ran before this task.
      if (reply.type === 'progress') {
        if (!run.signal?.aborted) run.onProgress?.(reply.progress);
      } else if (reply.type === 'percent') {
        onPercent?.(reply.percent);
      } else if (reply.type === 'done') {
        finish(() => resolve(reply.bytes), true);
      } else {
        const code = reply.code && (ERROR_CODES as readonly string[]).includes(reply.code) ? (reply.code as ErrorCode) : null;
        finish(() => reject(code ? new AppError(code, reply.message) : new Error(`The export worker failed: ${reply.message}`)));
      }
    };
    const onError = (error: Error) => finish(() => reject(error));
    const onExit = (code: number) => finish(() => reject(new Error(`The export worker stopped (exit code ${code}).`)));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    detach = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    if (run.signal?.aborted) return onAbort();
    run.signal?.addEventListener('abort', onAbort);
  });
  // The caller may abandon the result (a pack that failed while adding files): never unhandled.
  result.catch(() => undefined);
  return {
    post: (task, transfer = []) => {
      if (!settled) worker.postMessage(task, transfer);
    },
    result,
    end: () => {
      if (settled) return;
      settled = true;
      run.signal?.removeEventListener('abort', onAbort);
      detach();
      void worker.terminate();
    },
  };
}

/** `packStatementDocx` in a worker thread: the same arguments, the same bytes. */
export const packStatementDocxInWorker: PackDocx = async (plan, options, run = {}, sources = {}) => {
  const worker = runOnWorker(takeWordWorker(), run, keepWarm);
  // The template's display name goes too: a damaged template's message names the file the user chose.
  const { draft, templatePath, logoPath, template } = options;
  worker.post({ type: 'docx', plan, options: { draft, templatePath, logoPath, template }, sources });
  const bytes = await worker.result;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
};

/**
 * A PackZipper whose files are handed to a worker thread as they are read (each file's bytes
 * moved, not copied) and compressed there.
 */
export function workerZipper(run: ExportRun): PackZipper {
  let percentListener: ((percent: number) => void) | undefined;
  // A pack worker holds its ZIP's state: it is ended after one pack, never kept.
  const worker = runOnWorker(newWorker(), run, (done) => void done.terminate(), (percent) => percentListener?.(percent));
  return {
    add: (name, data) => {
      if (typeof data === 'string') return worker.post({ type: 'pack-add', name, data });
      // A Buffer may share its memory with others (Node's pool, SQLite's row): copy those, move the rest.
      const own = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && data.buffer instanceof ArrayBuffer ? data : new Uint8Array(data);
      worker.post({ type: 'pack-add', name, data: own }, [own.buffer as ArrayBuffer]);
    },
    finish: (onPercent) => {
      percentListener = onPercent;
      worker.post({ type: 'pack-finish' });
      return worker.result;
    },
    abandon: () => worker.end(),
  };
}
