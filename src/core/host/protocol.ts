import type { Envelope } from '../../shared/contract';
import type { JobEvent } from '../../shared/contracts/jobs';

/**
 * The messages between the Electron main process and the core running in its own process
 * (Electron's utilityProcess; a Node child process in tests). Plain objects that survive the
 * structured clone both carriers use. Every request carries an id; its answer carries the same id.
 *
 * Main → core:
 *   call        one contract method, raw arguments (the core validates them again: it is a boundary)
 *   blob-open   a display capability → the stored file's size and type, and a stream id
 *   blob-next   the next chunk of an open stream (null when done: the stream is then closed)
 *   blob-close  the reader went away before the end
 *   shutdown    cancel jobs, make the last backup, close the assessment (flushing its WAL), then answer
 * Core → main:
 *   ready       the core is listening (sent once, first)
 *   reply       the answer to a request with that id
 *   job-event   a job's progress or outcome, as the job lane emits it
 */
export type HostRequest =
  | { type: 'call'; id: number; method: string; args: unknown }
  | { type: 'blob-open'; id: number; capability: string }
  | { type: 'blob-next'; id: number; streamId: number }
  | { type: 'blob-close'; id: number; streamId: number }
  | { type: 'shutdown'; id: number };

export type BlobOpened = { streamId: number; size: number; mimeType: string | null } | null;

export type HostReply =
  | { type: 'ready' }
  | { type: 'reply'; id: number; envelope: Envelope<unknown> }
  | { type: 'job-event'; event: JobEvent };

/**
 * One end of a message channel, whatever carries it: Electron's `process.parentPort`, a Node
 * child's `process.send`, a worker's `parentPort`. The entry adapts its carrier to this shape.
 */
export interface MessageEnd<In, Out> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}

export function isHostRequest(value: unknown): value is HostRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { type, id } = value as { type?: unknown; id?: unknown };
  return (
    typeof id === 'number' &&
    (type === 'call' || type === 'blob-open' || type === 'blob-next' || type === 'blob-close' || type === 'shutdown')
  );
}
