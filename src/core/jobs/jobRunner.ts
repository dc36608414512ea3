import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../../shared/errors';
import type { JobEvent, JobKind, JobProgress } from '../../shared/contracts/jobs';

/**
 * Runs long core operations as jobs: each reports progress and can be cancelled, and jobs for
 * the same assessment run one at a time, in the order they were started (two jobs writing the
 * same file at once could each see the other's half-done work).
 *
 * Every long operation has the same shape, `(input, { onProgress, signal })`, so anything written
 * that way can be registered as a job kind without change.
 */
export interface JobContext {
  onProgress?: (progress: JobProgress) => void;
  signal?: AbortSignal;
}

export type JobListener = (event: JobEvent) => void;

interface JobRecord {
  event: JobEvent;
  controller: AbortController;
}

/** The message a job's AbortSignal carries; a job that throws it ends as 'cancelled', not 'failed'. */
export const CANCELLED_MESSAGE = 'Cancelled. Nothing was changed.';

/** Finished jobs are remembered for `job-status` this long; a bounded list, not a leak. */
const MAX_FINISHED = 100;

export class JobRunner {
  private readonly jobs = new Map<string, JobRecord>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly listeners = new Set<JobListener>();
  private readonly finished: string[] = [];

  subscribe(listener: JobListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Queues `run` behind the other jobs for `queueKey` (the assessment's path) and answers at once
   * with the job's id; progress and the outcome arrive as events.
   */
  start(kind: JobKind, queueKey: string, run: (context: Required<JobContext>) => Promise<unknown>): string {
    const jobId = randomUUID();
    const controller = new AbortController();
    const record: JobRecord = {
      controller,
      event: { jobId, kind, state: 'queued', progress: { step: 'Waiting to start', done: 0, total: 0 } },
    };
    this.jobs.set(jobId, record);
    this.emit(record);
    const previous = this.queues.get(queueKey) ?? Promise.resolve();
    const next = previous.then(() => this.execute(record, run));
    this.queues.set(queueKey, next);
    void next.then(() => {
      if (this.queues.get(queueKey) === next) this.queues.delete(queueKey);
    });
    return jobId;
  }

  /** Asks a job to stop. A job already finished is left as it is. */
  cancel(jobId: string): void {
    const record = this.jobs.get(jobId);
    if (!record) throw new AppError('not-found', 'That job is not known: it may have finished a while ago.');
    if (record.event.state === 'queued' || record.event.state === 'running') record.controller.abort(new Error(CANCELLED_MESSAGE));
  }

  status(jobId: string): JobEvent {
    const record = this.jobs.get(jobId);
    if (!record) throw new AppError('not-found', 'That job is not known: it may have finished a while ago.');
    return record.event;
  }

  /** Cancels every job still waiting or running (the assessment is closing, or the app quitting). */
  cancelAll(): void {
    for (const record of this.jobs.values()) {
      if (record.event.state === 'queued' || record.event.state === 'running') record.controller.abort(new Error(CANCELLED_MESSAGE));
    }
  }

  /** Resolves once every queued job has ended. */
  async idle(): Promise<void> {
    while (this.queues.size > 0) await Promise.allSettled([...this.queues.values()]);
  }

  private async execute(record: JobRecord, run: (context: Required<JobContext>) => Promise<unknown>): Promise<void> {
    const { signal } = record.controller;
    if (signal.aborted) return this.finish(record, { state: 'cancelled' });
    record.event = { ...record.event, state: 'running', progress: { step: 'Starting', done: 0, total: 0 } };
    this.emit(record);
    const onProgress = (progress: JobProgress) => {
      if (record.event.state !== 'running') return;
      record.event = { ...record.event, progress: { ...progress } };
      this.emit(record);
    };
    try {
      const result = await run({ onProgress, signal });
      if (signal.aborted) return this.finish(record, { state: 'cancelled' });
      this.finish(record, { state: 'done', result });
    } catch (error) {
      if (signal.aborted) return this.finish(record, { state: 'cancelled' });
      if (!isAppError(error)) console.error(`Peer Challenge Studio: job ${record.event.kind} failed`, error);
      this.finish(record, {
        state: 'failed',
        error: isAppError(error)
          ? { code: error.code, message: error.message }
          : { code: 'internal', message: 'Something went wrong while doing that, and it was stopped. Nothing was changed.' },
      });
    }
  }

  private finish(record: JobRecord, outcome: Pick<JobEvent, 'state' | 'result' | 'error'>): void {
    record.event = { ...record.event, ...outcome };
    this.emit(record);
    this.finished.push(record.event.jobId);
    while (this.finished.length > MAX_FINISHED) this.jobs.delete(this.finished.shift()!);
  }

  private emit(record: JobRecord): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(record.event);
      } catch (error) {
        console.error('Peer Challenge Studio: a job listener failed', error);
      }
    }
  }
}

/** Throws the cancellation if `signal` has been aborted: call between steps of a long job. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('invalid-input', CANCELLED_MESSAGE);
}

/**
 * A pause between steps, for tests only: PCS_JOB_STEP_DELAY_MS makes every job step this much
 * slower, so an end-to-end test has time to see the progress bar and press Cancel. Returns at
 * once when unset (always, in normal use); ends early when the job is cancelled.
 */
export function testStepPause(signal: AbortSignal | undefined): Promise<void> {
  const ms = Number(process.env.PCS_JOB_STEP_DELAY_MS);
  if (!Number.isFinite(ms) || ms <= 0) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolvePromise();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
