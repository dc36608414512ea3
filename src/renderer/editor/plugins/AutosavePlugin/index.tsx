import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HISTORY_MERGE_TAG } from 'lexical';
import type { AutoSaver } from '../../../save/autosave';
import { editorStateJSON } from '../../serialize';

/**
 * Queues the section's content for saving on every change to the document (not on mere
 * selection moves). The AutoSaver debounces, coalesces and retries.
 *
 * Nothing is serialised on the keystroke: the queue gets a thunk over the (immutable) editor
 * state, and only when the debounce fires is it turned into JSON and compared with what is
 * already in the file, so a large section costs nothing while the user is typing.
 */
export function AutosavePlugin({ sectionId, saver }: { sectionId: string; saver: AutoSaver }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    // What is in the file: only a real change to it is worth a save.
    let saved = JSON.stringify(editorStateJSON(editor.getEditorState()));
    return editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      if (prevEditorState.isEmpty() || tags.has('load')) return;
      saver.schedule(
        sectionId,
        () => {
          const json = editorStateJSON(editorState);
          const text = JSON.stringify(json);
          if (text === saved) return null;
          saved = text;
          return json;
        },
        // Lexical's own passes (a transform registered once a section is loaded marks its nodes
        // dirty) come tagged history-merge: nobody typed, so no "Saving…" unless it changed the text.
        { quiet: tags.has(HISTORY_MERGE_TAG) },
      );
    });
  }, [editor, sectionId, saver]);
  return null;
}
