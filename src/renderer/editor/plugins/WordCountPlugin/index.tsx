import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { editorStateWordCount } from '../../../../document/plainText';
import { editorStateJSON } from '../../serialize';

/**
 * The live word count, from the same function the core uses for the stored count, so the two
 * always agree. Counted when the browser is idle after a change (at most COUNT_WAIT_MS later),
 * never on the keystroke itself: serialising a long section takes milliseconds a keystroke has
 * not got.
 */
const COUNT_WAIT_MS = 250;

export function WordCountPlugin({ onCount }: { onCount: (words: number) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let idle: number | null = null;
    const count = () => {
      idle = null;
      onCount(editorStateWordCount(editorStateJSON(editor.getEditorState())));
    };
    count();
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      if (idle === null) idle = requestIdleCallback(count, { timeout: COUNT_WAIT_MS });
    });
    return () => {
      off();
      if (idle !== null) cancelIdleCallback(idle);
    };
  }, [editor, onCount]);
  return null;
}
