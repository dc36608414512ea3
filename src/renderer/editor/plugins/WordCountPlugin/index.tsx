import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { editorStateWordCount } from '../../../../document/plainText';
import { editorStateJSON } from '../../serialize';

/**
 * The live word count, from the same function the core uses for the stored count, so the two
 * always agree. Counted at most once per animation frame.
 */
export function WordCountPlugin({ onCount }: { onCount: (words: number) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let frame = 0;
    const count = () => {
      frame = 0;
      onCount(editorStateWordCount(editorStateJSON(editor.getEditorState())));
    };
    count();
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      if (!frame) frame = requestAnimationFrame(count);
    });
    return () => {
      off();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [editor, onCount]);
  return null;
}
