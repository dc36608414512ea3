import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { Button } from 'react-aria-components';
import { OPEN_CITE_DIALOG_COMMAND } from './citeCommand';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The toolbar's "Cite evidence" button. */
export function CiteButton() {
  const [editor] = useLexicalComposerContext();
  return (
    <Button
      className="tool tool-text"
      aria-label={`Cite evidence (${isMac ? '⇧⌘E' : 'Ctrl+Shift+E'})`}
      aria-keyshortcuts={isMac ? 'Meta+Shift+E' : 'Control+Shift+E'}
      onPress={() => editor.dispatchCommand(OPEN_CITE_DIALOG_COMMAND, undefined)}
    >
      Cite
    </Button>
  );
}
