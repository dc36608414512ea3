import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { Button } from 'react-aria-components';
import { ariaShortcutFor, shortcutFor } from '../ui/shortcuts';
import { OPEN_CITE_DIALOG_COMMAND } from './citeCommand';


/** The toolbar's "Cite evidence" button. */
export function CiteButton() {
  const [editor] = useLexicalComposerContext();
  return (
    <Button
      className="tool tool-text"
      aria-label={`Cite evidence (${shortcutFor('citeEvidence')})`}
      aria-keyshortcuts={ariaShortcutFor('citeEvidence')}
      onPress={() => editor.dispatchCommand(OPEN_CITE_DIALOG_COMMAND, undefined)}
    >
      Cite
    </Button>
  );
}
