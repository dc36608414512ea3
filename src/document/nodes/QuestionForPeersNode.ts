import {
  $applyNodeReplacement,
  $createParagraphNode,
  $isParagraphNode,
  type DOMConversionMap,
  type DOMExportOutput,
  type LexicalNode,
  type ParagraphNode,
  type RangeSelection,
  type SerializedElementNode,
} from 'lexical';
import { STATEMENT_NODE_TYPES } from '../nodeTypes';
import { exportBlockElement, importBlockDOM, StatementBlockNode, type StatementBlock } from './statementBlock';

const QUESTION_FOR_PEERS: StatementBlock = {
  attr: 'question-for-peers',
  label: 'Question for the peers',
  themeKey: 'questionForPeers',
};

export type SerializedQuestionForPeersNode = SerializedElementNode;

/**
 * The question the council puts to the peers at the end of a theme ("We ask the peers to…").
 *
 * A block with inline children, like a quote: Enter at the end leaves it for a new paragraph,
 * Backspace at its start turns it back into a paragraph, Shift+Enter is a line break inside it.
 * Saved as `{ type: "question-for-peers", version: 1, children: [text…] }`.
 */
export class QuestionForPeersNode extends StatementBlockNode {
  static override getType(): string {
    return STATEMENT_NODE_TYPES.questionForPeers;
  }

  static override clone(node: QuestionForPeersNode): QuestionForPeersNode {
    return new QuestionForPeersNode(node.__key);
  }

  override statementBlock(): StatementBlock {
    return QUESTION_FOR_PEERS;
  }

  /** In HTML, an `<aside data-pcs-block="question-for-peers">` holding the text. */
  static override importDOM(): DOMConversionMap | null {
    return importBlockDOM(QUESTION_FOR_PEERS.attr, ['aside', 'div', 'p'], $createQuestionForPeersNode);
  }

  override exportDOM(): DOMExportOutput {
    const aside = exportBlockElement(QUESTION_FOR_PEERS, 'aside');
    if (this.isEmpty()) aside.append(document.createElement('br'));
    return { element: aside };
  }

  static override importJSON(serializedNode: SerializedQuestionForPeersNode): QuestionForPeersNode {
    return $createQuestionForPeersNode().updateFromJSON(serializedNode);
  }

  // Behaviour

  /** Enter: what follows the caret goes into a new, ordinary paragraph after the question. */
  override insertNewAfter(selection: RangeSelection, restoreSelection = true): ParagraphNode {
    // The blank paragraph already below (there is one after an inserted question): use it.
    const next = this.getNextSibling();
    if ($isParagraphNode(next) && next.isEmpty()) return next;
    const paragraph = $createParagraphNode();
    paragraph.setTextFormat(selection.format);
    paragraph.setTextStyle(selection.style);
    paragraph.setDirection(this.getDirection());
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }

  /** Backspace at the start: back to an ordinary paragraph, keeping the words. */
  override collapseAtStart(): true {
    this.toParagraph();
    return true;
  }

  /** Back to an ordinary paragraph, keeping the words (and the caret, if it is in them). */
  toParagraph(): ParagraphNode {
    const paragraph = $createParagraphNode();
    paragraph.setDirection(this.getDirection());
    return this.replace(paragraph, true);
  }

  override canMergeWhenEmpty(): true {
    return true;
  }
}

export function $createQuestionForPeersNode(): QuestionForPeersNode {
  return $applyNodeReplacement(new QuestionForPeersNode());
}

export function $isQuestionForPeersNode(node: LexicalNode | null | undefined): node is QuestionForPeersNode {
  return node instanceof QuestionForPeersNode;
}
