import { useEffect } from 'react';
import type { LexicalEditor } from 'lexical';
import { CitationNode } from '../../document/nodes/CitationNode';

/**
 * Gives the citation elements with these keys (all of them when none given) their focusability,
 * accessible name and tooltip, from the live nodes. Called when citations are made and again
 * when their numbers change.
 */
export function describeCitations(editor: LexicalEditor, keys?: Iterable<string>): void {
  editor.getEditorState().read(() => {
    const nodeMap = editor.getEditorState()._nodeMap;
    const all = keys ?? [...nodeMap].filter(([, node]) => node instanceof CitationNode).map(([key]) => key);
    for (const key of all) {
      const dom = editor.getElementByKey(key);
      const node = nodeMap.get(key) as CitationNode | undefined;
      if (!dom || !(node instanceof CitationNode)) continue;
      const quote = node.getQuote();
      const locator = node.getLocator();
      dom.tabIndex = 0;
      dom.setAttribute('aria-label', `Citation ${node.getTextContent()}${locator ? `, page ${locator}` : ''}${quote ? `: “${quote}”` : ''}`);
      if (quote) dom.title = `${locator ? `Page ${locator}: ` : ''}“${quote}”`;
    }
  });
}

/**
 * Citations show their passage on hover (the element's title) and to the keyboard: each citation
 * element is focusable, described by its passage, so a screen reader and a keyboard user reach
 * what it rests on too.
 */
export function useCitationPassages(editor: LexicalEditor): void {
  useEffect(
    () =>
      editor.registerMutationListener(CitationNode, (mutations) => {
        describeCitations(editor, [...mutations].filter(([, kind]) => kind !== 'destroyed').map(([key]) => key));
      }),
    [editor],
  );
}
