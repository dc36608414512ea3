import { JobEventSchema, type JobEvent } from '../../shared/contracts/jobs';

/**
 * Browser mode's job events: one long `GET /api-events` response read with fetch and a stream
 * reader (not EventSource, which cannot send our token header: the token never goes into an
 * address). Opened when the first listener subscribes, reopened after a pause if it drops.
 */
const RETRY_MS = 2000;

export function webJobEvents(token: string): (listener: (event: JobEvent) => void) => () => void {
  const listeners = new Set<(event: JobEvent) => void>();
  let open = false;

  const deliver = (message: string) => {
    const data = message
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice(6))
      .join('\n');
    if (!data) return;
    let parsed;
    try {
      parsed = JobEventSchema.safeParse(JSON.parse(data));
    } catch {
      return;
    }
    if (!parsed.success) return;
    for (const listener of [...listeners]) listener(parsed.data);
  };

  const connect = async () => {
    open = true;
    try {
      const response = await fetch('/api-events', { headers: { 'X-PCS-Token': token }, cache: 'no-store' });
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          deliver(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // The server stopped or the network dropped: try again shortly while anyone is listening.
    }
    open = false;
    if (listeners.size > 0) setTimeout(() => listeners.size > 0 && !open && void connect(), RETRY_MS);
  };

  return (listener) => {
    listeners.add(listener);
    if (!open) void connect();
    return () => {
      listeners.delete(listener);
    };
  };
}
