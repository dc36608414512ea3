import { useCallback, useEffect, useRef, useState } from 'react';
import { jobContract, type JobEvent, type JobKind, type JobOutput, type JobStartInput } from '../../shared/contracts/jobs';
import type { ArgsOf } from '../../shared/contract';
import { api, transport } from '../api';

export type JobView<K extends JobKind> =
  | { state: 'idle' }
  | { state: 'queued' | 'running'; jobId: string; progress: JobEvent['progress'] }
  | { state: 'done'; jobId: string; result: JobOutput<K> }
  | { state: 'failed'; jobId: string; message: string }
  | { state: 'cancelled'; jobId: string };

/**
 * One job of kind `kind` at a time: start it, follow its progress over whichever bridge carries
 * events, cancel it. Events that arrive before `job-start` has answered with the job's id are
 * kept and replayed, so a quick job's end is never missed.
 */
export function useJob<K extends JobKind>(kind: K) {
  const [view, setView] = useState<JobView<K>>({ state: 'idle' });
  const jobId = useRef<string | null>(null);
  const early = useRef<JobEvent[]>([]);

  const apply = useCallback(
    (event: JobEvent) => {
      if (event.kind !== kind) return;
      if (jobId.current === null) {
        early.current.push(event);
        return;
      }
      if (event.jobId !== jobId.current) return;
      switch (event.state) {
        case 'queued':
        case 'running':
          setView({ state: event.state, jobId: event.jobId, progress: event.progress });
          break;
        case 'done': {
          const parsed = jobContract[kind].output.safeParse(event.result);
          setView(
            parsed.success
              ? { state: 'done', jobId: event.jobId, result: parsed.data as JobOutput<K> }
              : { state: 'failed', jobId: event.jobId, message: 'The app’s engine answered in a way we did not understand.' },
          );
          break;
        }
        case 'failed':
          setView({ state: 'failed', jobId: event.jobId, message: event.error?.message ?? 'That did not work. Nothing was changed.' });
          break;
        case 'cancelled':
          setView({ state: 'cancelled', jobId: event.jobId });
          break;
      }
    },
    [kind],
  );

  useEffect(() => transport?.subscribeJobs(apply), [apply]);

  const start = useCallback(
    async (input: Extract<JobStartInput, { kind: K }>['input']) => {
      jobId.current = null;
      early.current = [];
      setView({ state: 'queued', jobId: '', progress: { step: 'Starting', done: 0, total: 0 } });
      try {
        const started = await api['job-start']({ kind, input } as ArgsOf<'job-start'>);
        jobId.current = started.jobId;
        const pending = early.current.filter((e) => e.jobId === started.jobId);
        early.current = [];
        setView((v) => (v.state === 'queued' ? { ...v, jobId: started.jobId } : v));
        for (const event of pending) apply(event);
      } catch (error) {
        setView({ state: 'failed', jobId: '', message: error instanceof Error ? error.message : String(error) });
      }
    },
    [apply, kind],
  );

  const cancel = useCallback(async () => {
    if (jobId.current) await api['job-cancel']({ jobId: jobId.current });
  }, []);

  const reset = useCallback(() => {
    jobId.current = null;
    setView({ state: 'idle' });
  }, []);

  return { view, start, cancel, reset };
}
