import v8 from 'node:v8';
import vm from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { extractFile } from './extractFile';
import { ExtractionError, type ExtractionLimits } from './types';

/**
 * The extraction worker's entry: reads files one at a time, as asked, and posts back each one's
 * text or a refusal. The worker stays alive between files (./runExtraction keeps it warm), because
 * starting one costs far more than reading a typical file: loading pdfjs-dist alone is a few
 * hundred milliseconds of CPU. Anything that is not an ExtractionError (a bug, a library's own
 * exception) goes back as "unreadable", never as a stack trace for the user.
 */
export interface WorkerRequest {
  filePath: string;
  fileName: string;
  limits: ExtractionLimits;
}

/** `heapMb` lets the pool retire a worker that a file left large, rather than hand it the next file. */
export type WorkerReply = (
  | { ok: true; document: import('./types').ExtractedDocument }
  | { ok: false; message: string; storable: boolean }
) & { heapMb: number };

const port = parentPort!;
const usedHeapMb = () => process.memoryUsage().heapUsed / (1024 * 1024);

/**
 * What the file left in the heap. A large reading (pdf.js) leaves garbage that V8 has not yet
 * collected, and on a busy machine it can be collected later still: measured as it is, a sound
 * worker looked too large to keep and was retired (a test of the warm pool failed under load).
 * So above the pool's line (a quarter of the limit, runExtraction.ts) the garbage is collected
 * first, and what is still held decides.
 */
function heldHeapMb(limits: WorkerRequest['limits']): number {
  const used = usedHeapMb();
  if (used <= limits.maxHeapMb / 4) return used;
  collectGarbage();
  return usedHeapMb();
}

let gc: (() => void) | null = null;
function collectGarbage(): void {
  if (!gc) {
    // V8 gives the collector to scripts only when asked by flag; asked here, for this isolate's new contexts.
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}

port.on('message', ({ filePath, fileName, limits }: WorkerRequest) => {
  const heapMb = () => heldHeapMb(limits);
  extractFile(filePath, fileName, limits).then(
    (document) => port.postMessage({ ok: true, document, heapMb: heapMb() } satisfies WorkerReply),
    (error: unknown) => {
      const reply: WorkerReply =
        error instanceof ExtractionError
          ? { ok: false, message: error.message, storable: error.storable, heapMb: heapMb() }
          : { ok: false, message: 'The file could not be read: it may be damaged.', storable: false, heapMb: heapMb() };
      port.postMessage(reply);
    },
  );
});
