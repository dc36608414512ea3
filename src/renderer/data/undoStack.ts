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

export class UndoStack {
  private done: UndoCommand[] = [];
  private undone: UndoCommand[] = [];
  private listeners = new Set<(command: UndoCommand) => void>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly limit = 100) {}

  /** Records an action that has just been done; anything undone before it can no longer be redone. */
  push(command: UndoCommand): void {
    this.done.push(command);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
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

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Undoes the last action; resolves to it, or null when there is nothing to undo. A failure stays undone-not. */
  undo(): Promise<UndoCommand | null> {
    return this.run(this.done, this.undone, (c) => c.undo());
  }

  redo(): Promise<UndoCommand | null> {
    return this.run(this.undone, this.done, (c) => c.redo());
  }

  private run(
    from: UndoCommand[],
    to: UndoCommand[],
    step: (c: UndoCommand) => Promise<void>,
  ): Promise<UndoCommand | null> {
    const next = this.queue.then(async () => {
      const command = from.pop();
      if (!command) return null;
      try {
        await step(command);
      } catch (e) {
        // Put it back so the stack still matches the file, then let the caller say why.
        from.push(command);
        throw e;
      }
      to.push(command);
      return command;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
