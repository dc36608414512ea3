import { $applyNodeReplacement, type DOMConversionMap, type DOMExportOutput, type LexicalNode, type SerializedElementNode } from 'lexical';
import { STATEMENT_NODE_TYPES } from '../nodeTypes';
import { exportBlockElement, importBlockDOM, StatementBlockNode, type StatementBlock } from './statementBlock';

const HEADLINE_STATEMENTS: StatementBlock = {
  attr: 'headline-statements',
  label: 'Headline statements',
  themeKey: 'headlineStatements',
};

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
export class HeadlineStatementsNode extends StatementBlockNode {
  static override getType(): string {
    return STATEMENT_NODE_TYPES.headlineStatements;
  }

  static override clone(node: HeadlineStatementsNode): HeadlineStatementsNode {
    return new HeadlineStatementsNode(node.__key);
  }

  override statementBlock(): StatementBlock {
    return HEADLINE_STATEMENTS;
  }

  /** In HTML, a `<section data-pcs-block="headline-statements">` around the list. */
  static override importDOM(): DOMConversionMap | null {
    return importBlockDOM(HEADLINE_STATEMENTS.attr, ['section', 'div'], $createHeadlineStatementsNode);
  }

  override exportDOM(): DOMExportOutput {
    return { element: exportBlockElement(HEADLINE_STATEMENTS, 'section') };
  }

  static override importJSON(serializedNode: SerializedHeadlineStatementsNode): HeadlineStatementsNode {
    return $createHeadlineStatementsNode().updateFromJSON(serializedNode);
  }

  // Behaviour: a block of its own that holds block children (the list).
  override isShadowRoot(): boolean {
    return true;
  }

  override canBeEmpty(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }
}

export function $createHeadlineStatementsNode(): HeadlineStatementsNode {
  return $applyNodeReplacement(new HeadlineStatementsNode());
}

export function $isHeadlineStatementsNode(node: LexicalNode | null | undefined): node is HeadlineStatementsNode {
  return node instanceof HeadlineStatementsNode;
}
