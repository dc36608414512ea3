import {
  $isDecoratorNode,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  createEditor,
  LineBreakNode,
  ParagraphNode,
  TabNode,
  TextNode,
  type Klass,
  type LexicalNode,
} from 'lexical';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { HeadlineStatementsNode } from './nodes/HeadlineStatementsNode';
import { CitationNode } from './nodes/CitationNode';
import { QuestionForPeersNode } from './nodes/QuestionForPeersNode';
import { RecommendationReferenceNode } from './nodes/RecommendationReferenceNode';
import { ImageNode } from './nodes/ImageNode';
import { RecommendationsTableNode } from './nodes/RecommendationsTableNode';

/**
 * Every node type the statement knows: the one list the editor (src/renderer), the headless
 * editor (./headless) and every reader of saved JSON (./visitor: word counts, find and replace,
 * plain text for search, and later the DOCX export) take their node types from.
 *
 * Lexical's HTML import (paste from Word or the web) can only keep what is registered here:
 * headings, quotes, lists, links, tables, and the statement's own blocks (headline statements,
 * question for the peers).
 *
 * Custom nodes go in ./nodes, one file per node (as in the Lexical playground: `XNode.ts` with
 * `$createXNode`, `$isXNode`, `importJSON`/`exportJSON`; a React component that renders UI for it
 * stays in the renderer), and are added to this list, and nowhere else: how a reader treats a
 * node (block, inline, text) is read off the class below. CitationNode (an evidence item, "[6a]")
 * is inline with text. Still to come:
 *   - RecommendationReferenceNode: a link to a previous challenge's recommendation ("Recommendation B")
 * The DOCX exporter walks the saved JSON headlessly, so each must serialise all it needs, and
 * each class must be constructible with no arguments (as Lexical itself requires).
 */
export const EDITOR_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  HeadlineStatementsNode,
  QuestionForPeersNode,
  RecommendationReferenceNode,
  CitationNode,
  ImageNode,
  RecommendationsTableNode,
];

/** The nodes every Lexical editor has without registering them (the root aside). */
const CORE_NODES: ReadonlyArray<Klass<LexicalNode>> = [ParagraphNode, TextNode, TabNode, LineBreakNode];

/**
 * How a reader of saved JSON treats a node type:
 * - `block`: stands on its own line(s) (paragraph, heading, list, list item, table cell, our blocks);
 * - `inline`: an inline element whose children run on in the line (link, autolink);
 * - `text`: carries its words in `text` (text, tab, any TextNode subclass);
 * - `leaf`: an inline node with no `text` of its own and fixed text content (a line break is "\n").
 */
export type NodeKind = 'block' | 'inline' | 'text' | 'leaf';

export interface NodeTypeInfo {
  kind: NodeKind;
  /** What Lexical's `getTextContent()` gives for a fresh node ("\n" for a line break, "\t" for a tab). */
  fixedText: string;
}

/**
 * The kind of every registered type, asked of the classes themselves once, at load: a fresh
 * node of each class, made in a throwaway editor (nodes can only be made inside an update), says
 * whether it is text, a line break, inline or a block. So a new inline node (a citation) added to
 * EDITOR_NODES is counted, found and exported inline by every reader without touching them.
 */
export function classifyNodeTypes(classes: ReadonlyArray<Klass<LexicalNode>>): ReadonlyMap<string, NodeTypeInfo> {
  const kinds = new Map<string, NodeTypeInfo>();
  const editor = createEditor({
    namespace: 'pcs-node-kinds',
    nodes: [...classes],
    onError: (error) => {
      throw error;
    },
  });
  editor.update(
    () => {
      for (const klass of classes) {
        const node = new klass();
        const fixedText = node.getTextContent();
        let kind: NodeKind;
        if ($isTextNode(node)) kind = 'text';
        else if ($isLineBreakNode(node)) kind = 'leaf';
        else if ($isElementNode(node)) kind = node.isInline() ? 'inline' : 'block';
        else if ($isDecoratorNode(node)) kind = node.isInline() ? 'leaf' : 'block';
        else kind = 'block';
        kinds.set(klass.getType(), { kind, fixedText });
      }
    },
    { discrete: true },
  );
  return kinds;
}

/** Every node class a saved document may hold: Lexical's own and the registered ones. */
export const ALL_NODE_CLASSES: ReadonlyArray<Klass<LexicalNode>> = [...CORE_NODES, ...EDITOR_NODES];

let nodeTypesOnce: ReadonlyMap<string, NodeTypeInfo> | null = null;

/**
 * Every node type the app uses, by its saved `type`, with how readers treat it. Asked on the first
 * read rather than at load: making the throwaway editor costs about 15 ms, which a command that
 * reads no statement text (`pcs info`, `pcs check` of a file's soundness) need not pay.
 */
export function nodeTypes(): ReadonlyMap<string, NodeTypeInfo> {
  return (nodeTypesOnce ??= classifyNodeTypes(ALL_NODE_CLASSES));
}
