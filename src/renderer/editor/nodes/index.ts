import type { Klass, LexicalNode } from 'lexical';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { HeadlineStatementsNode } from './HeadlineStatementsNode';
import { QuestionForPeersNode } from './QuestionForPeersNode';

/**
 * Every node type the statement editor knows. Lexical's HTML import (paste from Word or the web)
 * can only keep what is registered here: headings, quotes, lists, links, tables, and the
 * statement's own blocks (headline statements, question for the peers).
 *
 * Custom nodes for later issues go in this folder, one file per node (as in the Lexical
 * playground: `XNode.ts` with `$createXNode`, `$isXNode`, `importJSON`/`exportJSON`, and a React
 * component beside it when it renders UI), and are added to this list. Still to come:
 *   - CitationNode: a reference to an evidence document ("see 6a")
 *   - RecommendationReferenceNode: a link to a previous challenge's recommendation ("Recommendation B")
 * The DOCX exporter walks the saved JSON headlessly, so each must serialise all it needs.
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
];
