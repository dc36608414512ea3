import type { ServerResponse } from 'node:http';
import type { JobEvent } from '../shared/contracts/jobs';
import type { JobRunner } from '../core/jobs/jobRunner';

/**
 * `GET /api-events`: job events as a Server-Sent Events stream. The page reads it with fetch and
 * a stream reader rather than EventSource, because EventSource cannot send our token header and
 * the token must never be in an address.
 */
const HEARTBEAT_MS = 15_000;

export function streamJobEvents(res: ServerResponse, runner: JobRunner): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  // A comment first, so the page knows the stream is open.
  res.write(': connected\n\n');
  const send = (event: JobEvent) => {
    res.write(`event: job\ndata: ${JSON.stringify(event)}\n\n`);
  };
  const unsubscribe = runner.subscribe(send);
  const heartbeat = setInterval(() => res.write(': still here\n\n'), HEARTBEAT_MS);
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
