import { ElementNode, type DOMConversionMap, type EditorConfig, type LexicalNode, type SerializedElementNode } from 'lexical';
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

/**
 * Pasted HTML: any of `tags` whose `data-pcs-block` is `attr` becomes the node `$create` makes
 * from it. Also used by the recommendations table, which is marked the same way.
 */
export function importBlockDOM(attr: string, tags: string[], $create: (element: HTMLElement) => LexicalNode): DOMConversionMap {
  const match = (domNode: HTMLElement) =>
    domNode.getAttribute('data-pcs-block') === attr
      ? { conversion: (element: HTMLElement) => ({ node: $create(element) }), priority: 3 as const }
      : null;
  return Object.fromEntries(tags.map((tag) => [tag, match]));
}

/**
 * What a statement block node is besides its own behaviour: drawn as its labelled group, never
 * redrawn in place, not indented, and saved as `{ type, version: 1, children }` like any element.
 * Lexical wants `getType`, `clone`, `importJSON` and `importDOM` as each node class's own
 * statics, so those stay in the subclasses.
 */
export abstract class StatementBlockNode extends ElementNode {
  /** Which block this node is. */
  abstract statementBlock(): StatementBlock;

  override createDOM(config: EditorConfig): HTMLElement {
    return createBlockDOM(this.statementBlock(), config);
  }

  override updateDOM(): boolean {
    return false;
  }

  override exportJSON(): SerializedElementNode {
    return { ...super.exportJSON(), type: this.getType(), version: 1 };
  }

  override canIndent(): false {
    return false;
  }
}
