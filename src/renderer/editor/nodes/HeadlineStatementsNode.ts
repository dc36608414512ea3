import {
  $applyNodeReplacement,
  ElementNode,
  isHTMLElement,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type LexicalUpdateJSON,
  type SerializedElementNode,
} from 'lexical';
import { addClassNamesToElement } from '@lexical/utils';
import { STATEMENT_NODE_TYPES } from '../../../shared/lexical/nodeTypes';

/** The attribute that marks the block in the editor, in copied HTML and in pasted HTML. */
export const HEADLINE_STATEMENTS_ATTR = 'headline-statements';
export const HEADLINE_STATEMENTS_LABEL = 'Headline statements';

export type SerializedHeadlineStatementsNode = SerializedElementNode;

/**
 * The two to four short headline bullets that open a theme ("Our governance is robust").
 *
 * A container (a shadow root, like a table cell) holding one bulleted list, so the bullets edit
 * like any list: Enter makes a new bullet, Enter on an empty last bullet leaves the block (the
 * list makes a paragraph after itself, and HeadlineStatementsPlugin's transform lifts it out).
 * Saved as `{ type: "headline-statements", version: 1, children: [list] }`, so the core's
 * plain-text walk counts and finds its words like any others.
 */
export class HeadlineStatementsNode extends ElementNode {
  static override getType(): string {
    return STATEMENT_NODE_TYPES.headlineStatements;
  }

  static override clone(node: HeadlineStatementsNode): HeadlineStatementsNode {
    return new HeadlineStatementsNode(node.__key);
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('div');
    addClassNamesToElement(element, (config.theme as Record<string, string>).headlineStatements);
    element.dataset.pcsBlock = HEADLINE_STATEMENTS_ATTR;
    element.setAttribute('role', 'group');
    element.setAttribute('aria-label', HEADLINE_STATEMENTS_LABEL);
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }

  static override importDOM(): DOMConversionMap | null {
    const match = (domNode: HTMLElement) =>
      domNode.getAttribute('data-pcs-block') === HEADLINE_STATEMENTS_ATTR
        ? { conversion: $convertHeadlineStatementsElement, priority: 3 as const }
        : null;
    return { section: match, div: match };
  }

  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const { element } = super.exportDOM(editor);
    if (element && isHTMLElement(element)) {
      const section = document.createElement('section');
      section.setAttribute('data-pcs-block', HEADLINE_STATEMENTS_ATTR);
      section.setAttribute('aria-label', HEADLINE_STATEMENTS_LABEL);
      return { element: section };
    }
    return { element };
  }

  static override importJSON(serializedNode: SerializedHeadlineStatementsNode): HeadlineStatementsNode {
    return $createHeadlineStatementsNode().updateFromJSON(serializedNode);
  }

  override updateFromJSON(serializedNode: LexicalUpdateJSON<SerializedHeadlineStatementsNode>): this {
    return super.updateFromJSON(serializedNode);
  }

  override exportJSON(): SerializedHeadlineStatementsNode {
    return { ...super.exportJSON(), type: HeadlineStatementsNode.getType(), version: 1 };
  }

  // Behaviour: a block of its own that holds block children (the list).
  override isShadowRoot(): boolean {
    return true;
  }

  override canBeEmpty(): false {
    return false;
  }

  override canIndent(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }
}

function $convertHeadlineStatementsElement(): DOMConversionOutput {
  return { node: $createHeadlineStatementsNode() };
}

export function $createHeadlineStatementsNode(): HeadlineStatementsNode {
  return $applyNodeReplacement(new HeadlineStatementsNode());
}

export function $isHeadlineStatementsNode(node: LexicalNode | null | undefined): node is HeadlineStatementsNode {
  return node instanceof HeadlineStatementsNode;
}
