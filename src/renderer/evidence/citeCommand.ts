import { createCommand } from 'lexical';

/** Opens the Cite evidence dialog (toolbar button, Ctrl+Shift+E). */
export const OPEN_CITE_DIALOG_COMMAND = createCommand<void>('OPEN_CITE_DIALOG_COMMAND');
