import { shellContract, type Envelope, type ShellHandlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { createDispatcher } from '../dispatch';
import type { Core } from '../index';
import { isHostRequest, type BlobOpened, type HostReply, type HostRequest, type MessageEnd } from './protocol';

/**
 * The core's side of the process boundary: answers each request from the main process with the
 * core's own dispatcher (which validates the arguments with the contract and turns every failure
 * into the contract's error shape), forwards job events, streams stored files for display a chunk
 * at a time, and shuts the core down cleanly when asked.
 */
export interface CoreServerOptions {
  /** Called once the core has shut down and the answer has been posted (the process may exit). */
  onShutDown?: () => void;
}

function fail(message: string): Envelope<never> {
  return { ok: false, error: { code: 'internal', message } };
}

/**
 * The shell's methods (dialogs, opening an exported file) belong to the main process, which
 * answers them itself; one that reaches the core anyway is refused, not mistaken for a bug.
 */
function shellMethodsRefused(): ShellHandlers {
  const refuse = async () => {
    throw new AppError('not-allowed', 'That is done by the app window, not by the part that works on the file.');
  };
  return Object.fromEntries(Object.keys(shellContract).map((method) => [method, refuse])) as unknown as ShellHandlers;
}

export function serveCore(end: MessageEnd<unknown, HostReply>, core: Core, options: CoreServerOptions = {}): void {
  const dispatch = createDispatcher({ ...core.handlers, ...shellMethodsRefused() });
  const streams = new Map<number, Iterator<Buffer>>();
  let nextStreamId = 1;
  let shuttingDown = false;

  const reply = (id: number, envelope: Envelope<unknown>) => end.post({ type: 'reply', id, envelope });

  core.jobs.runner.subscribe((event) => end.post({ type: 'job-event', event }));

  const handle = async (request: HostRequest): Promise<void> => {
    switch (request.type) {
      case 'call':
        if (shuttingDown) return reply(request.id, fail('Peer Challenge Studio is closing.'));
        return reply(request.id, await dispatch(request.method, request.args));
      case 'blob-open': {
        const opened = core.openBlobCapability(request.capability);
        let value: BlobOpened = null;
        if (opened) {
          const streamId = nextStreamId++;
          streams.set(streamId, opened.chunks[Symbol.iterator]());
          value = { streamId, size: opened.size, mimeType: opened.mimeType };
        }
        return reply(request.id, { ok: true, value });
      }
      case 'blob-next': {
        const iterator = streams.get(request.streamId);
        const next = iterator?.next();
        if (!next || next.done) {
          streams.delete(request.streamId);
          return reply(request.id, { ok: true, value: null });
        }
        // A plain Uint8Array view: it crosses the boundary by structured clone.
        return reply(request.id, { ok: true, value: new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength) });
      }
      case 'blob-close':
        streams.get(request.streamId)?.return?.();
        streams.delete(request.streamId);
        return reply(request.id, { ok: true, value: null });
      case 'shutdown':
        shuttingDown = true;
        try {
          await core.shutDown();
          reply(request.id, { ok: true, value: null });
        } catch (error) {
          console.error('Peer Challenge Studio: the core could not close the assessment cleanly', error);
          // Close at once rather than leave the file open: the WAL is folded back into it.
          core.close();
          reply(request.id, fail('The assessment could not be closed cleanly.'));
        }
        options.onShutDown?.();
        return;
    }
  };

  end.onMessage((message) => {
    if (!isHostRequest(message)) return; // not ours: ignore rather than crash the core
    handle(message).catch((error: unknown) => {
      // The dispatcher never throws; this guards the blob stream and anything else unexpected.
      console.error('Peer Challenge Studio: a request to the core failed', error);
      reply(message.id, fail('Something went wrong inside Peer Challenge Studio. Please try again.'));
    });
  });
  end.post({ type: 'ready' });
}
