import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMConversionMap,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { STATEMENT_NODE_TYPES } from '../nodeTypes';
import { importBlockDOM } from './statementBlock';

export type SerializedRecommendationsTableNode = Spread<
  {
    /** Only the recommendations from this source ("2022 progress review"); null for the whole register. */
    source: string | null;
  },
  SerializedLexicalNode
>;

/** What the block's element is marked with, in the editor and in copied HTML (so a paste brings it back). */
export const RECOMMENDATIONS_TABLE_ATTR = 'recommendations-table';

/**
 * How the page draws the table: the renderer installs a React view (reading its recommendations
 * store) with `setRecommendationsTableView`. This layer may not import React (the core reads these
 * nodes headlessly), so the node only asks for the view; headless, `decorate` is never called.
 */
export type RecommendationsTableView = (node: { source: string | null; nodeKey: NodeKey }) => unknown;
let view: RecommendationsTableView | null = null;
export function setRecommendationsTableView(next: RecommendationsTableView | null): void {
  view = next;
}

/**
 * "Recommendations table": a block, usually in the introduction, that stands for the register of
 * earlier recommendations (label, recommendation, status in words, progress). It saves no copy of
 * the register, only which part of it to show (`source`, optional), so it always reflects the
 * register: the editor draws it from the renderer's recommendations store, and the Word export
 * writes the register as it is at export time, in the block's place.
 *
 * Words: a decorator with no children, so the one document walk (../visitor) reports it as an
 * empty block, and word counts, find and replace and the search index see no words in it. That
 * is deliberate. The table's words are the register's, not the section's: counting them would
 * let a register edit blow a section's word target the writer never touched, and find and
 * replace would offer to change text that can only be changed in the register. The register has
 * its own filters for finding a recommendation.
 *
 * Saved as `{ type: "recommendations-table", version: 1, source: null }`.
 */
export class RecommendationsTableNode extends DecoratorNode<unknown> {
  __source: string | null;

  static override getType(): string {
    return STATEMENT_NODE_TYPES.recommendationsTable;
  }

  static override clone(node: RecommendationsTableNode): RecommendationsTableNode {
    return new RecommendationsTableNode(node.__source, node.__key);
  }

  constructor(source: string | null = null, key?: NodeKey) {
    super(key);
    this.__source = source;
  }

  getSource(): string | null {
    return this.getLatest().__source;
  }

  setSource(source: string | null): this {
    const writable = this.getWritable();
    writable.__source = source === null || source.trim() === '' ? null : source.trim();
    return writable;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('div');
    const className = (config.theme as Record<string, string | undefined>).recommendationsTable;
    if (className) element.className = className;
    element.dataset.pcsBlock = RECOMMENDATIONS_TABLE_ATTR;
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override decorate(): unknown {
    return view ? view({ source: this.__source, nodeKey: this.__key }) : null;
  }

  /** Copied HTML: a marked, empty `<div>`; pasted back into the app it is the block again. */
  override exportDOM(): DOMExportOutput {
    const element = document.createElement('div');
    element.setAttribute('data-pcs-block', RECOMMENDATIONS_TABLE_ATTR);
    if (this.__source !== null) element.setAttribute('data-source', this.__source);
    return { element };
  }

  static override importDOM(): DOMConversionMap | null {
    return importBlockDOM(RECOMMENDATIONS_TABLE_ATTR, ['div'], (element) => $createRecommendationsTableNode(element.getAttribute('data-source')));
  }

  static override importJSON(serializedNode: SerializedRecommendationsTableNode): RecommendationsTableNode {
    return $createRecommendationsTableNode(typeof serializedNode.source === 'string' ? serializedNode.source : null).updateFromJSON(
      serializedNode,
    );
  }

  override exportJSON(): SerializedRecommendationsTableNode {
    return { ...super.exportJSON(), type: RecommendationsTableNode.getType(), version: 1, source: this.__source };
  }

  /** Its words are the register's (see above), so it has no text content of its own. */
  override getTextContent(): string {
    return '';
  }
}

export function $createRecommendationsTableNode(source: string | null = null): RecommendationsTableNode {
  return $applyNodeReplacement(new RecommendationsTableNode(source === null || source.trim() === '' ? null : source.trim()));
}

export function $isRecommendationsTableNode(node: LexicalNode | null | undefined): node is RecommendationsTableNode {
  return node instanceof RecommendationsTableNode;
}
