import type { EditorState } from 'lexical';
import type { SerializedEditorStateJSON } from '../../shared/schemas/lexical';

/** The editor state as saved in the file (Lexical's JSON; its root's type is always "root"). */
export function editorStateJSON(state: EditorState): SerializedEditorStateJSON {
  return state.toJSON() as unknown as SerializedEditorStateJSON;
}
