import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { AutoSaver } from '../../../save/autosave';
import { editorStateJSON } from '../../serialize';

/**
 * Queues the section's content for saving on every change to the document (not on mere
 * selection moves). The AutoSaver debounces, coalesces and retries.
 */
export function AutosavePlugin({ sectionId, saver }: { sectionId: string; saver: AutoSaver }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    // What is in the file: only a real change to it is worth a save.
    let saved = JSON.stringify(editorStateJSON(editor.getEditorState()));
    return editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      if (prevEditorState.isEmpty() || tags.has('load')) return;
      const json = editorStateJSON(editorState);
      const text = JSON.stringify(json);
      if (text === saved) return;
      saved = text;
      saver.schedule(sectionId, () => json);
    });
  }, [editor, sectionId, saver]);
  return null;
}
