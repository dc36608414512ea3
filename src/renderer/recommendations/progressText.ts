import type { SerializedEditorStateJSON } from '../../shared/schemas/lexical';
import { editorStateText } from '../../document/plainText';

/**
 * The progress update is saved as a Lexical document (so it can become rich text later without
 * a migration); the register's editor edits it as plain text, one paragraph per line.
 */
export function progressToText(state: SerializedEditorStateJSON): string {
  return editorStateText(state).replace(/\n{2,}/g, '\n').trim();
}

export function textToProgress(text: string): SerializedEditorStateJSON {
  const lines = text.split(/\r?\n/);
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: lines.map((line) => ({
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        children: line === '' ? [] : [{ type: 'text', version: 1, text: line, format: 0, style: '', mode: 'normal', detail: 0 }],
      })),
    },
  } as unknown as SerializedEditorStateJSON;
}
