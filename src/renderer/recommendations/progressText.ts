import { plainTextDocument, type SerializedEditorStateJSON } from '../../shared/schemas/lexical';
import { editorStateText } from '../../document/plainText';

/**
 * The progress update is saved as a Lexical document (so it can become rich text later without
 * a migration); the register's editor edits it as plain text, one paragraph per line.
 */
export function progressToText(state: SerializedEditorStateJSON): string {
  return editorStateText(state).replace(/\n{2,}/g, '\n').trim();
}

export function textToProgress(text: string): SerializedEditorStateJSON {
  return plainTextDocument(text.split(/\r?\n/));
}
