/**
 * The export worker's entry (built to exportWorker.js beside the core's bundle): the CPU-heavy
 * steps of an export, off the core's own thread so that other calls (a save, a search) are
 * answered while a statement is packed or an evidence pack compressed.
 *
 * Tasks: a Word document from a plan ('docx'), or a ZIP whose files arrive one message at a time
 * ('pack-add' … 'pack-finish'). A pack worker is ended after its ZIP. A Word worker is kept warm
 * for the next export (runExportWorker.ts), and may be asked to 'warm-up' first: load the Word
 * library and pack a small made-up statement, so the user's first export is as quick as later
 * ones. Errors a person should read (an AppError: a template that is not a Word file) go back as
 * they are; anything else as a bug.
 */
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../../shared/errors';
import type { ExportWorkerReply, ExportWorkerTask } from './runExportWorker';

const port = parentPort!;
const post = (reply: ExportWorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

/** The bytes in a buffer of their own, so they can be handed over without a copy. */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes);
}

function done(bytes: Uint8Array): void {
  const own = ownBuffer(bytes);
  post({ type: 'done', bytes: own }, [own.buffer as ArrayBuffer]);
}

function failed(error: unknown): void {
  post(isAppError(error) ? { type: 'error', code: error.code, message: error.message } : { type: 'error', code: null, message: String(error) });
}

// Loaded on the first file: a Word export's worker never needs it (and a static import would
// pull the pack into the core's start-up bundle, which loads it lazily).
let zipper: Promise<import('./evidencePack').PackZipper> | null = null;
const packZipper = () => (zipper ??= import('./evidencePack').then(({ inThreadZipper }) => inThreadZipper()));

port.on('message', (task: ExportWorkerTask) => {
  const onProgress = (progress: { step: string; done: number; total: number }) => post({ type: 'progress', progress });
  switch (task.type) {
    case 'warm-up':
      // A failed warm-up is not an error anyone needs to see: the export that follows says what is wrong.
      import('./docx/warmUp')
        .then(({ warmUpPacking }) => warmUpPacking())
        .then(
          () => post({ type: 'warmed' }),
          () => post({ type: 'warmed' }),
        );
      return;
    case 'docx':
      // Loaded here rather than at the top: a pack worker never needs docx.
      import('./docx/exportStatementDocx')
        .then(({ packStatementDocx }) => packStatementDocx(task.plan, task.options, { onProgress }, task.sources))
        .then(done, failed);
      return;
    case 'pack-add':
      // Messages are handled in order, and so are these promises: files go in as they came.
      packZipper()
        .then((zip) => zip.add(task.name, task.data))
        .catch(failed);
      return;
    case 'pack-finish':
      packZipper()
        .then((zip) => zip.finish((percent) => post({ type: 'percent', percent })))
        .then(done, failed);
      return;
  }
});
