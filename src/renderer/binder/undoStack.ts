// The stack is shared with the recommendations register (src/renderer/data/undoStack.ts).
export { UndoStack, type UndoCommand as BinderCommand } from '../data/undoStack';
