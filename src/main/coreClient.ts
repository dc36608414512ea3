/**
 * The main process's side of the core's own process (see src/core/host): sends each call with an
 * id and matches the answer, passes job events on, streams stored files for display, restarts
 * the core if it crashes (opening again the assessment that was open, see restoreAfterRestart), and
 * asks it to shut down cleanly on quit.
 *
 * No Electron import: the carrier is given as `spawn`, so tests drive this with a Node child
 * process running the real core (coreClient.test.ts) and the app with `utilityProcess.fork`.
 */
import { coreContract, type ArgsOf, type CoreHandlers, type Envelope, type ResultOf } from '../shared/contract';
import type { JobEvent } from '../shared/contracts/jobs';
import { AppError, ERROR_CODES, type ErrorCode } from '../shared/errors';
import type { BlobOpened, HostReply, HostRequest } from '../core/host/protocol';
import { rememberedAfter, type RememberedAssessment } from './openAssessmentMemory';

/** A running core process, whatever started it. */
export interface CoreChild {
  postMessage(message: HostRequest): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export interface CoreClientOptions {
  spawn: () => CoreChild;
  /**
   * After a crash, once a fresh core is running and the assessment that was open has been opened
   * in it again (or could not be). Calls made meanwhile wait, then go to the reopened file.
   */
  onRestart?: (outcome: RestartOutcome) => void;
  /** How long quitting waits for the last backup and the file to close before ending the process. */
  shutdownTimeoutMs?: number;
  /** Restarts allowed within `restartWindowMs` before giving up (a core that crashes at start). */
  maxRestarts?: number;
  restartWindowMs?: number;
}

/** What became of the open assessment when the core was restarted after a crash. */
export type RestartOutcome =
  | { kind: 'nothing-open' }
  | { kind: 'reopened'; path: string; readOnly: boolean; wasReadOnly: boolean }
  | { kind: 'reopen-failed'; path: string; message: string };

export const CORE_CRASHED_MESSAGE =
  'The part of Peer Challenge Studio that works on your file stopped unexpectedly, so that last action may not have been saved. It has been restarted and your assessment opened again: please check it and try again.';
export const CORE_GONE_MESSAGE =
  'The part of Peer Challenge Studio that works on your file keeps stopping, so it was not restarted. Please quit Peer Challenge Studio and start it again.';

type CoreMethodName = keyof CoreHandlers;
type Pending = (envelope: Envelope<unknown>) => void;
type OutgoingRequest = HostRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

function refusal(message: string): Envelope<never> {
  return { ok: false, error: { code: 'internal', message } };
}

function isReply(value: unknown): value is HostReply {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function toErrorCode(code: string): ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'internal';
}

export class CoreClient {
  private child: CoreChild | null = null;
  private ready = false;
  private readonly waiting: HostRequest[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly jobListeners = new Set<(event: JobEvent) => void>();
  /** Jobs queued or running in the current core: they get a 'failed' event if it crashes. */
  private readonly liveJobs = new Map<string, JobEvent>();
  private restarts: number[] = [];
  private stopping = false;
  private gone = false;
  /** The assessment open in the core, from the answers of the calls that open and close one. */
  private remembered: RememberedAssessment | null = null;

  constructor(private readonly options: CoreClientOptions) {
    this.start();
  }

  /** Runs one contract method in the core with raw arguments (the core validates them). Never throws. */
  async call(method: string, args: unknown): Promise<Envelope<unknown>> {
    const envelope = await this.request({ type: 'call', method, args });
    if (envelope.ok) this.remembered = rememberedAfter(this.remembered, method, envelope.value);
    return envelope;
  }

  /** The assessment the core has open, as far as the answers so far tell (null for none). */
  openAssessment(): RememberedAssessment | null {
    return this.remembered ? { ...this.remembered } : null;
  }

  /** One core method, typed against the contract: its result, or the AppError the core answered with. */
  async invoke<K extends CoreMethodName>(method: K, input: ArgsOf<K>): Promise<ResultOf<K>> {
    const envelope = await this.call(method, input);
    if (!envelope.ok) throw new AppError(toErrorCode(envelope.error.code), envelope.error.message);
    return envelope.value as ResultOf<K>;
  }

  onJobEvent(listener: (event: JobEvent) => void): () => void {
    this.jobListeners.add(listener);
    return () => this.jobListeners.delete(listener);
  }

  /** A stored file shown by a display capability, read from the core a chunk at a time; null when unknown or expired. */
  async openBlob(capability: string): Promise<{ size: number; mimeType: string | null; chunks: AsyncIterable<Uint8Array>; close(): void } | null> {
    const envelope = await this.request({ type: 'blob-open', capability });
    if (!envelope.ok || !envelope.value) return null;
    const { streamId, size, mimeType } = envelope.value as NonNullable<BlobOpened>;
    let finished = false;
    const close = () => {
      if (finished) return;
      finished = true;
      void this.request({ type: 'blob-close', streamId });
    };
    const request = this.request.bind(this);
    return {
      size,
      mimeType,
      close,
      chunks: {
        async *[Symbol.asyncIterator]() {
          while (!finished) {
            const next = await request({ type: 'blob-next', streamId });
            if (!next.ok) throw new Error(next.error.message);
            if (!next.value) {
              finished = true;
              return;
            }
            yield next.value as Uint8Array;
          }
        },
      },
    };
  }

  /**
   * Cancels the jobs, makes the last backup, closes the assessment (folding its WAL into the file)
   * and ends the process; ends it anyway after the timeout. Later calls are refused.
   */
  async shutDown(): Promise<void> {
    if (this.stopping) return;
    const child = this.child;
    if (!child || this.gone) {
      this.stopping = true;
      return;
    }
    const answered = this.request({ type: 'shutdown' });
    this.stopping = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((done) => {
      timer = setTimeout(done, this.options.shutdownTimeoutMs ?? 15_000);
    });
    await Promise.race([answered, timeout]);
    clearTimeout(timer);
    child.kill();
  }

  private request(message: OutgoingRequest): Promise<Envelope<unknown>> {
    if (this.gone) return Promise.resolve(refusal(CORE_GONE_MESSAGE));
    if (this.stopping) return Promise.resolve(refusal('Peer Challenge Studio is closing.'));
    const id = this.nextId++;
    const full = { ...message, id } as HostRequest;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      if (this.ready && this.child) this.child.postMessage(full);
      else this.waiting.push(full);
    });
  }

  private start(afterCrash = false): void {
    const child = this.options.spawn();
    this.child = child;
    this.ready = false;
    child.onMessage((message) => {
      if (this.child !== child || !isReply(message)) return;
      if (message.type === 'ready') {
        if (afterCrash) void this.restoreAfterRestart(child);
        else this.accept(child);
      } else if (message.type === 'reply') {
        const settle = this.pending.get(message.id);
        this.pending.delete(message.id);
        settle?.(message.envelope);
      } else if (message.type === 'job-event') {
        this.jobEvent(message.event);
      }
    });
    child.onExit((code) => {
      if (this.child !== child) return;
      this.child = null;
      this.ready = false;
      if (this.stopping) return this.settleAll(refusal('Peer Challenge Studio is closing.'));
      console.error(`Peer Challenge Studio: the core process stopped unexpectedly (exit code ${String(code)})`);
      this.settleAll(refusal(CORE_CRASHED_MESSAGE));
      this.failLiveJobs();
      this.restart();
    });
  }

  private restart(): void {
    const now = Date.now();
    const window = this.options.restartWindowMs ?? 60_000;
    this.restarts = this.restarts.filter((time) => now - time < window);
    if (this.restarts.length >= (this.options.maxRestarts ?? 3)) {
      this.gone = true;
      this.settleAll(refusal(CORE_GONE_MESSAGE));
      return;
    }
    this.restarts.push(now);
    this.start(true);
  }

  /** The core is listening: everything waiting goes to it, in order. */
  private accept(child: CoreChild): void {
    this.ready = true;
    for (const request of this.waiting.splice(0)) child.postMessage(request);
  }

  /**
   * A fresh core after a crash has nothing open. Before anything else reaches it (the page's
   * retried save, say), it opens the assessment that was open: the dead process's lock is
   * recognised as abandoned (same machine, process gone) and SQLite rolls back whatever the crash
   * left half-written. Opened read-only before, it is opened the same way: whether it is
   * read-only again depends on whether someone else still has it.
   */
  private async restoreAfterRestart(child: CoreChild): Promise<void> {
    const remembered = this.remembered;
    let outcome: RestartOutcome = { kind: 'nothing-open' };
    if (remembered) {
    const envelope = await this.send(child, { type: 'call', method: 'assessment-open', args: { path: remembered.path } });
      // It crashed again meanwhile: the next restart tries again, with the same memory.
      if (this.child !== child) return;
      if (envelope.ok) {
        const readOnly = Boolean((envelope.value as { readOnly?: unknown } | null)?.readOnly);
        this.remembered = { path: remembered.path, readOnly };
        outcome = { kind: 'reopened', path: remembered.path, readOnly, wasReadOnly: remembered.readOnly };
      } else {
        this.remembered = null;
        outcome = { kind: 'reopen-failed', path: remembered.path, message: envelope.error.message };
      }
    }
    this.accept(child);
    try {
      this.options.onRestart?.(outcome);
    } catch {
      // The shell's bookkeeping must not stop the restart.
    }
  }

  /** One request straight to `child`, ahead of the queue (only while restoring after a restart). */
  private send(child: CoreChild, message: OutgoingRequest): Promise<Envelope<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      child.postMessage({ ...message, id } as HostRequest);
    });
  }

  /** Answers every call still waiting (the core that had them has gone). */
  private settleAll(envelope: Envelope<unknown>): void {
    this.waiting.length = 0;
    for (const [id, settle] of [...this.pending]) {
      this.pending.delete(id);
      settle(envelope);
    }
  }

  private jobEvent(event: JobEvent): void {
    if (event.state === 'queued' || event.state === 'running') this.liveJobs.set(event.jobId, event);
    else this.liveJobs.delete(event.jobId);
    for (const listener of [...this.jobListeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error('Peer Challenge Studio: a job listener failed', error);
      }
    }
  }

  /** The jobs the crashed core was running end as failed, so no progress bar waits forever. */
  private failLiveJobs(): void {
    for (const event of [...this.liveJobs.values()]) {
      this.jobEvent({ ...event, state: 'failed', error: { code: 'internal', message: CORE_CRASHED_MESSAGE } });
    }
  }
}

/**
 * The core's handlers as the main process sees them: each forwards to the core process, typed
 * against the contract (so `{ ...remoteCoreHandlers(client), ...shellHandlers } satisfies Handlers`
 * still checks every method).
 */
export function remoteCoreHandlers(client: CoreClient): CoreHandlers {
  const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of Object.keys(coreContract) as CoreMethodName[]) {
    handlers[method] = (input) => client.invoke(method, input as ArgsOf<typeof method>);
  }
  return handlers as unknown as CoreHandlers;
}
