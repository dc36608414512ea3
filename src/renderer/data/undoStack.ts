/**
 * Undo and redo for actions outside the text: the binder's (add, rename, move, delete, word
 * target) and the recommendations register's (add, edit, delete, link). Each action is a command
 * that knows how to undo and redo itself through the API; the text has its own undo in the
 * editor. Runs one at a time, in order, so a quick Ctrl+Z Ctrl+Z cannot interleave.
 */
export interface UndoCommand {
  /** What it did, for the toast: "Deleted “Scrutiny”". */
  label: string;
  /** A delete: its message keeps an Undo button until the next action. */
  keepUndo?: boolean;
  /** Said nothing when done (a batch of typing): undoable with Ctrl+Z, but no message each time. */
  quiet?: boolean;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

/** A call waiting its turn in the queue (or running): what it will do to the two stacks. */
interface Pending {
  kind: 'undo' | 'redo' | 'perform' | 'performed';
}

export class UndoStack {
  private done: UndoCommand[] = [];
  private undone: UndoCommand[] = [];
  private listeners = new Set<(command: UndoCommand) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  /** Oldest first; each leaves the list in the same step as it changes the stacks. */
  private pending: Pending[] = [];
  private running: Pending | null = null;

  constructor(private readonly limit = 100) {}

  /** Records an action that has just been done; anything undone before it can no longer be redone. */
  push(command: UndoCommand): void {
    this.done.push(command);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
    // The action being performed has recorded itself: it now counts in `done`, not as pending.
    if (this.running?.kind === 'perform') this.running.kind = 'performed';
    for (const listener of this.listeners) listener(command);
  }

  /** Called with each action pushed (to say what happened, with an Undo); returns the unsubscribe. */
  onPush(listener: (command: UndoCommand) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Forgets everything (another assessment opened: its actions cannot be undone here). */
  clear(): void {
    this.done = [];
    this.undone = [];
  }

  /**
   * Whether an undo asked for now will find something: counting the undos, redos and actions
   * still queued or in flight as done, so Ctrl+Y pressed while the Ctrl+Z before it is still
   * talking to the core is not refused (and a second Ctrl+Z is not either).
   */
  get canUndo(): boolean {
    return this.projected().done > 0;
  }

  get canRedo(): boolean {
    return this.projected().undone > 0;
  }

  /**
   * Does an action in its turn, after the undos and redos asked for before it, so an undo asked
   * for while it is in flight waits for it (and undoes it, once it has pushed its command).
   */
  perform<T>(action: () => Promise<T>): Promise<T> {
    const entry: Pending = { kind: 'perform' };
    return this.enqueue(entry, action);
  }

  /** Undoes the last action; resolves to it, or null when there is nothing to undo. A failure stays undone-not. */
  undo(): Promise<UndoCommand | null> {
    return this.step({ kind: 'undo' }, () => this.done, () => this.undone, (c) => c.undo());
  }

  redo(): Promise<UndoCommand | null> {
    return this.step({ kind: 'redo' }, () => this.undone, () => this.done, (c) => c.redo());
  }

  /** The stack sizes once everything queued has run (assuming it succeeds). */
  private projected(): { done: number; undone: number } {
    let done = this.done.length;
    let undone = this.undone.length;
    for (const { kind } of this.pending) {
      if (kind === 'undo' && done > 0) [done, undone] = [done - 1, undone + 1];
      else if (kind === 'redo' && undone > 0) [done, undone] = [done + 1, undone - 1];
      else if (kind === 'perform') [done, undone] = [done + 1, 0];
    }
    return { done, undone };
  }

  private step(
    entry: Pending,
    from: () => UndoCommand[],
    to: () => UndoCommand[],
    run: (c: UndoCommand) => Promise<void>,
  ): Promise<UndoCommand | null> {
    return this.enqueue(entry, async () => {
      // Left on its stack while it runs (the projection counts it there) and moved only once it
      // worked, so a failure leaves the stack matching the file and the caller says why.
      const command = from().at(-1);
      if (!command) return null;
      await run(command);
      const at = from().lastIndexOf(command);
      if (at >= 0) {
        from().splice(at, 1);
        to().push(command);
      }
      return command;
    });
  }

  private enqueue<T>(entry: Pending, work: () => Promise<T>): Promise<T> {
    this.pending.push(entry);
    const settle = () => {
      this.pending.splice(this.pending.indexOf(entry), 1);
      this.running = null;
    };
    const next = this.queue.then(async () => {
      this.running = entry;
      try {
        return await work();
      } finally {
        settle();
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
