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
  | { type: 'docx'; plan: PackPlan; options: Omit<ExportDocxOptions, 'outPath' | 'sectionIds'>; sources: ExportSources }
  | { type: 'pack-add'; name: string; data: Uint8Array | string }
  | { type: 'pack-finish' };

export type ExportWorkerReply =
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

interface ExportWorker {
  post(task: ExportWorkerTask, transfer?: ArrayBuffer[]): void;
  /** The bytes the worker answers with; rejects on its error, on Cancel, or if it dies. */
  result: Promise<Uint8Array>;
  end(): void;
}

function startWorker(run: ExportRun, onPercent?: (percent: number) => void): ExportWorker {
  const { url, execArgv } = workerEntry();
  const worker = new Worker(url, { execArgv });
  let settled = false;
  let onAbort = () => undefined as void;
  const result = new Promise<Uint8Array>((resolve, reject) => {
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      run.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      settle();
    };
    onAbort = () => finish(() => reject(cancelled()));
    if (run.signal?.aborted) return onAbort();
    run.signal?.addEventListener('abort', onAbort);
    worker.on('message', (reply: ExportWorkerReply) => {
      if (reply.type === 'progress') {
        if (!run.signal?.aborted) run.onProgress?.(reply.progress);
      } else if (reply.type === 'percent') {
        onPercent?.(reply.percent);
      } else if (reply.type === 'done') {
        finish(() => resolve(reply.bytes));
      } else {
        const code = reply.code && (ERROR_CODES as readonly string[]).includes(reply.code) ? (reply.code as ErrorCode) : null;
        finish(() => reject(code ? new AppError(code, reply.message) : new Error(`The export worker failed: ${reply.message}`)));
      }
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`The export worker stopped (exit code ${code}).`))));
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
      void worker.terminate();
    },
  };
}

/** `packStatementDocx` in a worker thread: the same arguments, the same bytes. */
export const packStatementDocxInWorker: PackDocx = async (plan, options, run = {}, sources = {}) => {
  const worker = startWorker(run);
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
  const worker = startWorker(run, (percent) => percentListener?.(percent));
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
