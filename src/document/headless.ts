import { createHeadlessEditor } from '@lexical/headless';
import type { EditorState, LexicalEditor } from 'lexical';
import type { SerializedEditorStateJSON } from '../shared/schemas/lexical';
import { EDITOR_NODES } from './registry';

/**
 * The statement's document model without a browser: a Lexical editor with every registered node
 * (./registry) and no DOM, for the core to read saved documents with Lexical's own API and to
 * build new ones (import from Word, templates, the DOCX export). Reading and building run
 * synchronously, so they fit the core's synchronous, transactional services.
 *
 * A node's DOM methods (createDOM, exportDOM) are never called here; HTML in or out needs a DOM
 * (e.g. `@lexical/headless/dom`), which is a decision for whoever needs it.
 */

/** A fresh headless editor that knows every node the statement uses. Errors are thrown, never logged and lost. */
export function createDocumentEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'pcs-document',
    nodes: [...EDITOR_NODES],
    onError: (error) => {
      throw error;
    },
  });
}

/**
 * Saved JSON as a Lexical editor state. Throws if the JSON names a node type the app does not
 * register, or a node's own `importJSON` rejects it.
 */
export function parseEditorState(json: SerializedEditorStateJSON, editor = createDocumentEditor()): EditorState {
  // Lexical's parser wants its own serialised type; ours is the same shape, checked by zod.
  return editor.parseEditorState(json as unknown as Parameters<LexicalEditor['parseEditorState']>[0]);
}

/** Runs `read` over a saved document with Lexical's `$` functions ($getRoot, $isHeadingNode…) available. */
export function readDocument<T>(json: SerializedEditorStateJSON, read: () => T): T {
  return parseEditorState(json).read(read);
}

/**
 * A new document: `build` runs in an update of an empty editor (append to `$getRoot()`) and the
 * result comes back as saved JSON, ready to store.
 */
export function buildEditorState(build: () => void): SerializedEditorStateJSON {
  const editor = createDocumentEditor();
  // `discrete` commits at once, so the state is there to read when update() returns.
  editor.update(build, { discrete: true });
  return editorStateToJSON(editor.getEditorState());
}

/** An editor state as saved JSON (its root's type is always "root"). */
export function editorStateToJSON(state: EditorState): SerializedEditorStateJSON {
  return state.toJSON() as unknown as SerializedEditorStateJSON;
}
