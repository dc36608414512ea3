import {
  $applyNodeReplacement,
  TextNode,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedTextNode,
  type Spread,
} from 'lexical';
import { STATEMENT_NODE_TYPES } from '../nodeTypes';

export type SerializedRecommendationReferenceNode = Spread<
  { recommendationId: string; label: string },
  SerializedTextNode
>;

/** The words a reference shows and exports: "Recommendation B". */
export function recommendationReferenceText(label: string): string {
  return `Recommendation ${label}`;
}

/**
 * An inline reference to a recommendation in the register ("Recommendation B"), so the
 * traceability view knows the section addresses it even without a link made by hand.
 *
 * A TextNode in token mode (like Lexical's hashtags and the playground's mentions): its words are
 * ordinary text to every reader of saved JSON (word counts, find, plain text, export), the caret
 * cannot go inside it, and Backspace removes it whole. Saved as
 * `{ type: "recommendation-reference", text: "Recommendation B", recommendationId, label, … }`.
 */
export class RecommendationReferenceNode extends TextNode {
  __recommendationId: string;
  __label: string;

  static override getType(): string {
    return STATEMENT_NODE_TYPES.recommendationReference;
  }

  static override clone(node: RecommendationReferenceNode): RecommendationReferenceNode {
    return new RecommendationReferenceNode(node.__recommendationId, node.__label, node.__text, node.__key);
  }

  constructor(recommendationId = '', label = '', text?: string, key?: NodeKey) {
    super(text ?? (label === '' ? '' : recommendationReferenceText(label)), key);
    this.__recommendationId = recommendationId;
    this.__label = label;
  }

  getRecommendationId(): string {
    return this.getLatest().__recommendationId;
  }

  getLabel(): string {
    return this.getLatest().__label;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = super.createDOM(config);
    element.classList.add('pcs-recommendation-reference');
    element.dataset.recommendationId = this.__recommendationId;
    return element;
  }

  static override importDOM(): DOMConversionMap | null {
    return {
      span: (domNode: HTMLElement) =>
        domNode.hasAttribute('data-recommendation-id')
          ? {
              conversion: (element: HTMLElement): DOMConversionOutput => ({
                node: $createRecommendationReferenceNode(
                  element.getAttribute('data-recommendation-id') ?? '',
                  element.getAttribute('data-recommendation-label') ?? '',
                ),
              }),
              priority: 2,
            }
          : null,
    };
  }

  override exportDOM(): DOMExportOutput {
    const span = document.createElement('span');
    span.setAttribute('data-recommendation-id', this.__recommendationId);
    span.setAttribute('data-recommendation-label', this.__label);
    span.textContent = this.getTextContent();
    return { element: span };
  }

  static override importJSON(serializedNode: SerializedRecommendationReferenceNode): RecommendationReferenceNode {
    return $createRecommendationReferenceNode(serializedNode.recommendationId, serializedNode.label).updateFromJSON(
      serializedNode,
    );
  }

  override exportJSON(): SerializedRecommendationReferenceNode {
    return {
      ...super.exportJSON(),
      type: RecommendationReferenceNode.getType(),
      version: 1,
      recommendationId: this.__recommendationId,
      label: this.__label,
    };
  }

  override canInsertTextBefore(): false {
    return false;
  }

  override canInsertTextAfter(): false {
    return false;
  }

  override isTextEntity(): true {
    return true;
  }
}

export function $createRecommendationReferenceNode(recommendationId: string, label: string): RecommendationReferenceNode {
  return $applyNodeReplacement(new RecommendationReferenceNode(recommendationId, label).setMode('token'));
}

export function $isRecommendationReferenceNode(node: LexicalNode | null | undefined): node is RecommendationReferenceNode {
  return node instanceof RecommendationReferenceNode;
}
