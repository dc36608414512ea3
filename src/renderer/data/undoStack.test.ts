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
});
