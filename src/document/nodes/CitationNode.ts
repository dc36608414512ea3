import {
  $applyNodeReplacement,
  $createTextNode,
  ElementNode,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type SerializedElementNode,
} from 'lexical';
import { STATEMENT_NODE_TYPES } from '../nodeTypes';

export type SerializedCitationNode = SerializedElementNode & {
  /** The evidence item cited (evidence_items.id). */
  itemId: string;
  /** Where in it: a page ("12"), sheet, slide or part; null for the whole item. */
  locator: string | null;
  /** The passage quoted from it, if any, kept so the citation still says what it rests on. */
  quote: string | null;
};

/**
 * A citation of an evidence item in the statement: an inline element whose child text is the
 * item's number in the key documents list ("[6a]"), carrying the item, the page and the quoted
 * passage. Inline with real text (like a link) rather than a decorator, so the one document walk
 * counts, finds, searches and exports "[6a]" like any words, with no special case anywhere.
 * The number is refreshed from the key documents list when it changes.
 *
 * Saved as `{ type: "citation", version: 1, itemId, locator, quote, children: [text "[6a]"] }`.
 */
export class CitationNode extends ElementNode {
  __itemId: string;
  __locator: string | null;
  __quote: string | null;

  static override getType(): string {
    return STATEMENT_NODE_TYPES.citation;
  }

  static override clone(node: CitationNode): CitationNode {
    return new CitationNode(node.__itemId, node.__locator, node.__quote, node.__key);
  }

  constructor(itemId = '', locator: string | null = null, quote: string | null = null, key?: string) {
    super(key);
    this.__itemId = itemId;
    this.__locator = locator;
    this.__quote = quote;
  }

  getItemId(): string {
    return this.getLatest().__itemId;
  }

  getLocator(): string | null {
    return this.getLatest().__locator;
  }

  getQuote(): string | null {
    return this.getLatest().__quote;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('cite');
    element.className = config.theme['citation'] ?? 'pcs-citation';
    element.dataset['pcsCitation'] = this.__itemId;
    if (this.__quote) element.title = this.__quote;
    return element;
  }

  override updateDOM(prev: CitationNode, dom: HTMLElement): boolean {
    if (prev.__itemId !== this.__itemId) dom.dataset['pcsCitation'] = this.__itemId;
    if (prev.__quote !== this.__quote) dom.title = this.__quote ?? '';
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const element = document.createElement('cite');
    element.dataset['pcsCitation'] = this.__itemId;
    return { element };
  }

  static override importJSON(serializedNode: SerializedCitationNode): CitationNode {
    return $createCitationNode(serializedNode.itemId, serializedNode.locator, serializedNode.quote).updateFromJSON(serializedNode);
  }

  override exportJSON(): SerializedCitationNode {
    return {
      ...super.exportJSON(),
      type: CitationNode.getType(),
      version: 1,
      itemId: this.getItemId(),
      locator: this.getLocator(),
      quote: this.getQuote(),
    };
  }

  override isInline(): true {
    return true;
  }

  /** Typing at its edges goes outside it: the citation is one unit, not a place to write. */
  override canInsertTextBefore(): false {
    return false;
  }

  override canInsertTextAfter(): false {
    return false;
  }

  override canBeEmpty(): false {
    return false;
  }
}

/** A citation showing `label` (e.g. "[6a]"). */
export function $createCitationNode(itemId: string, locator: string | null = null, quote: string | null = null, label?: string): CitationNode {
  const node = $applyNodeReplacement(new CitationNode(itemId, locator, quote));
  if (label !== undefined) node.append($createTextNode(label));
  return node;
}

export function $isCitationNode(node: LexicalNode | null | undefined): node is CitationNode {
  return node instanceof CitationNode;
}
