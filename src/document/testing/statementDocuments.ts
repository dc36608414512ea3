import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTabNode,
  $createTextNode,
  $getRoot,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createAutoLinkNode, $createLinkNode } from '@lexical/link';
import { $createCitationNode } from '../nodes/CitationNode';
import { $createTableCellNode, $createTableNode, $createTableRowNode, TableCellHeaderStates } from '@lexical/table';
import type { SerializedEditorStateJSON } from '../../shared/schemas/lexical';
import { buildEditorState } from '../headless';
import { $createHeadlineStatementsNode } from '../nodes/HeadlineStatementsNode';
import { $createQuestionForPeersNode } from '../nodes/QuestionForPeersNode';
import { $createRecommendationReferenceNode } from '../nodes/RecommendationReferenceNode';
import { $createImageNode } from '../nodes/ImageNode';
import { $createRecommendationsTableNode } from '../nodes/RecommendationsTableNode';

/**
 * Tests only: a real statement's lines (tests read ../shared/seeds/003_…txt, a council's 2023
 * position statement) built into sections that use every node type the app registers: headings,
 * quotes, bulleted and numbered lists with nesting, links and autolinks, tables with a header row,
 * headline statements, questions for the peers, a recommendation reference and a picture (in the first section),
 * headline statements, questions for the peers, a recommendation reference (in the first section)
 * and the recommendations table (in the second),
 * line breaks, tabs and bold text. Built with
 * Lexical itself (headlessly), so the JSON is exactly what the editor saves.
 */

const BOLD = 1;

/** The line's words as text nodes, a tab in the line as a tab node (the seed's contents pages have them). */
function $inline(line: string): LexicalNode[] {
  const nodes: LexicalNode[] = [];
  line.split('\t').forEach((part, i) => {
    if (i > 0) nodes.push($createTabNode());
    if (part.length > 0) nodes.push($createTextNode(part));
  });
  return nodes;
}

function $withText<T extends ElementNode>(element: T, line: string): T {
  element.append(...$inline(line));
  return element;
}

/** "Robust [scrutiny] works": the middle word a link, the first bold. */
function $paragraphWithLink(line: string): ElementNode {
  const words = line.split(' ');
  const middle = Math.floor(words.length / 2);
  const paragraph = $createParagraphNode();
  const first = $createTextNode(`${words.slice(0, middle).join(' ')} `).setFormat(BOLD);
  const link = $withText($createLinkNode('https://www.local.gov.uk/'), words[middle] ?? '');
  const rest = $createTextNode(` ${words.slice(middle + 1).join(' ')}`);
  return paragraph.append(first, link, rest);
}

/** A line broken in two with Shift+Enter. */
function $paragraphWithLineBreak(line: string): ElementNode {
  const cut = Math.floor(line.length / 2);
  return $createParagraphNode().append(...$inline(line.slice(0, cut)), $createLineBreakNode(), ...$inline(line.slice(cut)));
}

/** A bullet with a nested numbered list under it. */
function $nestedList(outer: string, inner: string[]): ElementNode {
  const numbered = $createListNode('number').append(...inner.map((line) => $withText($createListItemNode(), line)));
  return $createListNode('bullet').append(
    $withText($createListItemNode(), outer),
    $createListItemNode().append(numbered),
  );
}

function $table(rows: string[]): ElementNode {
  const header = $createTableRowNode().append(
    ...['What', 'Where we are'].map((label) =>
      $createTableCellNode(TableCellHeaderStates.ROW).append($withText($createParagraphNode(), label)),
    ),
  );
  const body = rows.map((line) => {
    const words = line.split(' ');
    const half = Math.ceil(words.length / 2);
    return $createTableRowNode().append(
      ...[words.slice(0, half), words.slice(half)].map((cell) =>
        $createTableCellNode().append($withText($createParagraphNode(), cell.join(' '))),
      ),
    );
  });
  return $createTableNode().append(header, ...body);
}

/**
 * One section from `lines`: headline statements first, a question for the peers last, and the
 * lines between made into the other kinds of node in turn (`turn` carries on from the last
 * section, so a short section still gets its share of every kind).
 */
function $section(lines: string[], turn: { n: number }, withReference = false, withTable = false): void {
  const root = $getRoot();
  const [first = '', second = '', ...rest] = lines;
  root.append(
    $createHeadlineStatementsNode().append(
      $createListNode('bullet').append($withText($createListItemNode(), first), $withText($createListItemNode(), second)),
    ),
  );
  const last = rest.pop() ?? '';
  for (let i = 0; i < rest.length; i++) {
    const line = rest[i]!;
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading) {
      root.append($withText($createHeadingNode(`h${heading[1]!.length}` as 'h1' | 'h2' | 'h3'), heading[2]!));
      continue;
    }
    switch (turn.n++ % 12) {
      case 0:
        root.append($nestedList(line, rest.slice(i + 1, i + 3)));
        i += 2;
        break;
      case 1:
        root.append($paragraphWithLink(line));
        break;
      case 2:
        root.append($paragraphWithLineBreak(line));
        break;
      case 3:
        root.append($withText($createQuoteNode(), line));
        break;
      case 4:
        root.append($table(rest.slice(i, i + 3)));
        i += 2;
        break;
      case 5: {
        const autolink = $withText($createAutoLinkNode('https://www.example.gov.uk/plan'), 'www.example.gov.uk/plan');
        // …and a citation of an evidence item, as the key documents list numbers it.
        const citation = $createCitationNode('evidence-item-6a', '12', 'Brownfield Land Grant', '[6a]');
        root.append($withText($createParagraphNode(), `${line} `).append(autolink, $createTextNode(' '), citation));
        break;
      }
      case 6:
        root.append($withText($createHeadingNode('h2'), line));
        break;
      case 7:
        root.append($withText($createHeadingNode('h3'), line));
        break;
      default:
        root.append($withText($createParagraphNode(), line));
    }
  }
  if (withReference) {
    root.append(
      $createParagraphNode().append(
        $createTextNode('We have acted on '),
        $createRecommendationReferenceNode('recommendation-b', 'B'),
        $createTextNode(' of the last challenge.'),
        // A picture (stored in the assessment), which has no words of its own.
        $createImageNode({ blobId: 'a'.repeat(64), altText: 'Chart of satisfaction with the council, 2019 to 2025', width: 800, height: 450 }),
      ),
    );
  }
  if (withTable) root.append($createRecommendationsTableNode());
  const cut = Math.floor(last.length / 2);
  root.append($createQuestionForPeersNode().append(...$inline(last.slice(0, cut)), $createLineBreakNode(), ...$inline(last.slice(cut))));
}

/** The statement's text split into `sectionCount` sections, each saved as the editor would save it. */
export function statementSections(text: string, sectionCount = 60): SerializedEditorStateJSON[] {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const size = Math.ceil(lines.length / sectionCount);
  const sections: SerializedEditorStateJSON[] = [];
  const turn = { n: 0 };
  for (let start = 0; start < lines.length; start += size) {
    const chunk = lines.slice(start, start + size);
    sections.push(buildEditorState(() => $section(chunk, turn, start === 0, start === size)));
  }
  return sections;
}
