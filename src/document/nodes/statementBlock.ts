import type { DOMConversionMap, EditorConfig, LexicalNode } from 'lexical';
import { addClassNamesToElement } from '@lexical/utils';

/**
 * What the statement's own blocks (headline statements, question for the peers) share: the
 * `data-pcs-block` attribute that marks them in the editor, in copied HTML and in pasted HTML,
 * and the accessible name that says which block the caret is in.
 */
export interface StatementBlock {
  /** The value of `data-pcs-block`. */
  attr: string;
  /** The accessible name, also used as the group's label. */
  label: string;
  /** The key of the block's class name in the editor theme. */
  themeKey: string;
}

/** The block's element in the editor: a labelled group. */
export function createBlockDOM(block: StatementBlock, config: EditorConfig): HTMLElement {
  const element = document.createElement('div');
  addClassNamesToElement(element, (config.theme as Record<string, string>)[block.themeKey]);
  element.dataset.pcsBlock = block.attr;
  element.setAttribute('role', 'group');
  element.setAttribute('aria-label', block.label);
  return element;
}

/** The block's element in copied HTML: `tag`, marked so that a paste brings the block back. */
export function exportBlockElement(block: StatementBlock, tag: string): HTMLElement {
  const element = document.createElement(tag);
  element.setAttribute('data-pcs-block', block.attr);
  element.setAttribute('aria-label', block.label);
  return element;
}

/** Pasted HTML: any of `tags` that carries the block's mark becomes the node `$create` makes. */
export function importBlockDOM(block: StatementBlock, tags: string[], $create: () => LexicalNode): DOMConversionMap {
  const match = (domNode: HTMLElement) =>
    domNode.getAttribute('data-pcs-block') === block.attr
      ? { conversion: () => ({ node: $create() }), priority: 3 as const }
      : null;
  return Object.fromEntries(tags.map((tag) => [tag, match]));
}
