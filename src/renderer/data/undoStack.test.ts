import { describe, expect, it } from 'vitest';
import { UndoStack, type UndoCommand } from './undoStack';

function counter(log: string[], name: string): UndoCommand {
  return {
    label: name,
    undo: async () => void log.push(`undo ${name}`),
    redo: async () => void log.push(`redo ${name}`),
  };
}

describe('UndoStack', () => {
  it('undoes in reverse order, redoes, and a new action clears what could be redone', async () => {
    const log: string[] = [];
    const stack = new UndoStack();
    stack.push(counter(log, 'a'));
    stack.push(counter(log, 'b'));
    await Promise.all([stack.undo(), stack.undo(), stack.undo()]);
    expect(log).toEqual(['undo b', 'undo a']);
    expect(stack.canUndo).toBe(false);
    expect((await stack.redo())?.label).toBe('a');
    stack.push(counter(log, 'c'));
    expect(stack.canRedo).toBe(false);
    expect((await stack.undo())?.label).toBe('c');
  });

  it('keeps a command that failed to undo, so it can be tried again', async () => {
    const stack = new UndoStack();
    let fail = true;
    stack.push({ label: 'x', undo: async () => { if (fail) throw new Error('no'); }, redo: async () => undefined });
    await expect(stack.undo()).rejects.toThrow('no');
    expect(stack.canUndo).toBe(true);
    fail = false;
    expect((await stack.undo())?.label).toBe('x');
  });

  /** A command whose undo and redo take a while, like a call to the core. */
  const slow = (log: string[], name: string): UndoCommand => {
    const later = (what: string) => () => new Promise<void>((done) => setTimeout(() => void (log.push(what), done()), 20));
    return { label: name, undo: later(`undo ${name}`), redo: later(`redo ${name}`) };
  };

  it('undo then redo called back to back, with the undo still in flight, redoes (Ctrl+Z Ctrl+Y at once)', async () => {
    const log: string[] = [];
    const stack = new UndoStack();
    stack.push(slow(log, 'a'));
    const undone = stack.undo();
    // The undo has not pushed its redo entry yet, but a redo asked for now must wait for it, not be refused.
    expect(stack.canRedo).toBe(true);
    expect(stack.canUndo).toBe(false);
    const redone = stack.redo();
    expect((await undone)?.label).toBe('a');
    expect((await redone)?.label).toBe('a');
    expect(log).toEqual(['undo a', 'redo a']);
    expect(stack.canUndo).toBe(true);
    expect(stack.canRedo).toBe(false);
  });

  it('a second undo waits for the first, and each undoes its own action', async () => {
    const log: string[] = [];
    const stack = new UndoStack();
    stack.push(slow(log, 'a'));
    stack.push(slow(log, 'b'));
    const first = stack.undo();
    expect(stack.canUndo).toBe(true);
    const second = stack.undo();
    expect(stack.canUndo).toBe(false);
    expect([(await first)?.label, (await second)?.label]).toEqual(['b', 'a']);
    expect(log).toEqual(['undo b', 'undo a']);
  });

  it('an action still being done is queued too: an undo asked for meanwhile undoes it, after it is done', async () => {
    const log: string[] = [];
    const stack = new UndoStack();
    const deleting = stack.perform(async () => {
      await new Promise((done) => setTimeout(done, 20));
      log.push('delete');
      stack.push(slow(log, 'delete'));
    });
    expect(stack.canUndo).toBe(true);
    const undone = stack.undo();
    await deleting;
    expect((await undone)?.label).toBe('delete');
    expect(log).toEqual(['delete', 'undo delete']);
  });

  it('a failed undo leaves the stack as it was, and what was queued after it finds its place', async () => {
    const stack = new UndoStack();
    stack.push({ label: 'x', undo: async () => { throw new Error('no'); }, redo: async () => undefined });
    const undone = stack.undo();
    expect(stack.canRedo).toBe(true);
    const redone = stack.redo();
    await expect(undone).rejects.toThrow('no');
    expect(await redone).toBeNull();
    expect(stack.canUndo).toBe(true);
    expect(stack.canRedo).toBe(false);
  });
});
