import type { SerializedNode } from '../shared/schemas/lexical';
import { nodeTypes, type NodeKind, type NodeTypeInfo } from './registry';

/**
 * The one walk over a saved Lexical document: word counts, plain text for search, find and
 * replace (and later the DOCX export and the figure check) are all built on it, so they all agree
 * on what is a block, what runs on inline and where the words are. Which is which comes from the
 * registry (./registry), i.e. from the node classes themselves.
 *
 * It works on the saved JSON, not on a live editor, so it is cheap enough for every keystroke's
 * word count and for scanning a whole statement, and runs anywhere (the page, the core).
 */

/** A node whose words are in `text` (text, tab). The walk hands over the node itself, so a caller may change it. */
export type SerializedTextNode = SerializedNode & { text: string };

export interface DocumentVisitor {
  /**
   * A block starts (paragraph, heading, list, list item, table cell, the statement's blocks). A
   * block decorator (the recommendations table) is a block with no children: enter, then leave.
   */
  enterBlock?(node: SerializedNode): void;
  /** The block `enterBlock` announced ends, after all its children. */
  leaveBlock?(node: SerializedNode): void;
  /** An inline element starts (a link): its children run on in the same line. */
  enterInline?(node: SerializedNode): void;
  leaveInline?(node: SerializedNode): void;
  /** A node that carries words (text, tab). */
  text?(node: SerializedTextNode): void;
  /** An inline node without words of its own: `text` is its fixed text ("\n" for a line break). */
  leaf?(node: SerializedNode, text: string): void;
}

/**
 * How the walk treats `node`. A type the app does not register (an old or damaged file) is text
 * if it carries text, else a block, so its words are still counted and found.
 */
export function nodeKind(node: SerializedNode, types: ReadonlyMap<string, NodeTypeInfo> = nodeTypes()): NodeKind {
  const info = types.get(node.type);
  if (info === undefined) return typeof node.text === 'string' ? 'text' : 'block';
  // A text-like node saved without its text (a tab): its fixed text stands in.
  if (info.kind === 'text' && typeof node.text !== 'string') return 'leaf';
  return info.kind;
}

/**
 * Walks `root` and its descendants in document order. The root itself is neither a block nor
 * inline: only its children are reported. `types` is the registry's (tests pass their own).
 *
 * Iterative, with an explicit stack, so a deeply nested document (a damaged or hostile file) can
 * never overflow the call stack.
 */
export function visitDocument(
  root: SerializedNode,
  visitor: DocumentVisitor,
  types: ReadonlyMap<string, NodeTypeInfo> = nodeTypes(),
): void {
  // Each frame: a container and the index of the next child to visit.
  const stack: Array<{ node: SerializedNode; kind: NodeKind | 'root'; next: number }> = [
    { node: root, kind: 'root', next: 0 },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const children = frame.node.children ?? [];
    if (frame.next >= children.length) {
      stack.pop();
      if (frame.kind === 'block') visitor.leaveBlock?.(frame.node);
      else if (frame.kind === 'inline') visitor.leaveInline?.(frame.node);
      continue;
    }
    const child = children[frame.next++]!;
    const kind = nodeKind(child, types);
    switch (kind) {
      case 'text':
        visitor.text?.(child as SerializedTextNode);
        break;
      case 'leaf':
        visitor.leaf?.(child, types.get(child.type)?.fixedText ?? '');
        break;
      case 'inline':
        visitor.enterInline?.(child);
        stack.push({ node: child, kind, next: 0 });
        break;
      case 'block':
        visitor.enterBlock?.(child);
        stack.push({ node: child, kind, next: 0 });
        break;
    }
  }
}
