/**
 * When to back up one open assessment: after edits, at most once per interval (10 minutes by
 * default), one at a time, and once more when it closes if anything changed since the last one.
 *
 * The first edit after a backup starts the clock; the backup follows one interval later, so a
 * burst of typing is one backup, not one per keystroke. If a backup fails (a full disk, say) the
 * edits stay marked and it is tried again an interval later, never in a tight loop.
 */

export interface SchedulerClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: SchedulerClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => {
    const handle = setTimeout(run, ms);
    // A pending backup must not keep a CLI or test process alive.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const DEFAULT_BACKUP_INTERVAL_MS = 10 * 60_000;

export class BackupScheduler<T> {
  /** When the first edit not yet in a backup was made; null when the last backup has everything. */
  private dirtySince: number | null = null;
  /** No automatic backup starts before this (an interval after the last one started). */
  private notBefore = 0;
  private timer: unknown = null;
  private running: Promise<T> | null = null;
  private state: 'open' | 'finishing' | 'closed' = 'open';

  constructor(
    private readonly makeBackup: () => Promise<T>,
    private readonly options: { intervalMs: number; clock: SchedulerClock; onError(error: unknown): void },
  ) {}

  /** True while there are edits that no backup holds yet. */
  get hasUnsavedEdits(): boolean {
    return this.dirtySince !== null;
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  /** Called after every change to the assessment. */
  noteEdit(): void {
    if (this.state === 'closed') return;
    if (this.dirtySince === null) this.dirtySince = this.options.clock.now();
    this.schedule();
  }

  /** A backup now, after any that is running; for "back up now" and for a first copy on open. */
  async backupNow(): Promise<T> {
    if (this.state === 'closed') throw new Error('The assessment is closed.');
    await this.settled();
    return this.run();
  }

  /**
   * For closing: lets a running backup finish, then makes a last one if there were edits since.
   * Never throws: a failed last backup is reported, and the file itself is safe either way.
   */
  async finish(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'finishing';
    this.cancelTimer();
    await this.settled();
    if (this.dirtySince !== null) await this.run().catch(() => undefined);
    this.state = 'closed';
  }

  /** For closing at once (the process is quitting): no further backups; one running is abandoned by the caller closing the file. */
  abandon(): void {
    this.state = 'closed';
    this.cancelTimer();
  }

  private schedule(): void {
    if (this.timer !== null || this.dirtySince === null || this.state !== 'open') return;
    const { clock, intervalMs } = this.options;
    const due = Math.max(this.dirtySince + intervalMs, this.notBefore);
    this.timer = clock.setTimeout(() => {
      this.timer = null;
      void this.runWhenDue();
    }, Math.max(0, due - clock.now()));
  }

  private async runWhenDue(): Promise<void> {
    if (this.running) {
      // One is under way; when it is done, schedule() looks again.
      return;
    }
    if (this.dirtySince === null || this.state !== 'open') return;
    await this.run().catch(() => undefined);
  }

  private run(): Promise<T> {
    this.cancelTimer();
    const { clock, intervalMs } = this.options;
    const startedAt = clock.now();
    const wasDirtySince = this.dirtySince;
    // Edits made while the copy is being made mark it dirty again: the next backup takes them.
    this.dirtySince = null;
    this.notBefore = startedAt + intervalMs;
    const running = this.makeBackup().then(
      (value) => value,
      (error: unknown) => {
        this.dirtySince = Math.min(this.dirtySince ?? startedAt, wasDirtySince ?? startedAt);
        if (this.state !== 'closed') this.options.onError(error);
        throw error;
      },
    );
    this.running = running;
    const clear = () => {
      if (this.running === running) this.running = null;
      this.schedule();
    };
    running.then(clear, clear);
    return running;
  }

  private async settled(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
