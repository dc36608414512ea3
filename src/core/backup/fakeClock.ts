import type { SchedulerClock } from './backupScheduler';

/** A clock for tests: time moves only when the test says, and timers fire as it passes them. */
export class FakeClock implements SchedulerClock {
  private timers: Array<{ id: number; at: number; run: () => void }> = [];
  private nextId = 1;

  constructor(public time = Date.UTC(2026, 10, 23, 14, 0, 0)) {}

  now(): number {
    return this.time;
  }

  setTimeout(run: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ id, at: this.time + ms, run });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Moves time on by `ms`, firing each timer that falls due on the way, in order. */
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.run();
    }
    this.time = target;
  }

  get pending(): number {
    return this.timers.length;
  }
}
