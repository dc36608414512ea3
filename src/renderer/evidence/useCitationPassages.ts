import { useEffect } from 'react';
import type { LexicalEditor } from 'lexical';
import { CitationNode } from '../../document/nodes/CitationNode';

/**
 * Citations show their passage on hover (the element's title) and to the keyboard: each citation
 * element is focusable, described by its passage, so a screen reader and a keyboard user reach
 * what it rests on too.
 */
export function useCitationPassages(editor: LexicalEditor): void {
  useEffect(
    () =>
      editor.registerMutationListener(CitationNode, (mutations) => {
        editor.getEditorState().read(() => {
          for (const [key, kind] of mutations) {
            if (kind === 'destroyed') continue;
            const dom = editor.getElementByKey(key);
            const node = editor.getEditorState()._nodeMap.get(key) as CitationNode | undefined;
            if (!dom || !node) continue;
            const quote = node.getQuote();
            const locator = node.getLocator();
            dom.tabIndex = 0;
            dom.setAttribute('aria-label', `Citation ${dom.textContent ?? ''}${locator ? `, page ${locator}` : ''}${quote ? `: “${quote}”` : ''}`);
            if (quote) dom.title = `${locator ? `Page ${locator}: ` : ''}“${quote}”`;
          }
        });
      }),
    [editor],
  );
}
