import type { SerializedNode } from '../../shared/schemas/lexical';

/**
 * The text nodes of a Lexical document, with where each one sits in the document's text.
 *
 * Find and replace work on text nodes because that is what can be changed without disturbing
 * formatting. The joined text (blocks separated by a newline, as in plain text) gives the
 * context around a match for snippets and for whole-word checks across node boundaries.
 */
export interface TextSpan {
  node: SerializedNode & { text: string };
  /** Offset of the node's first character in `joined`. */
  start: number;
}

export interface DocumentText {
  joined: string;
  spans: TextSpan[];
}

const INLINE_TYPES = new Set(['text', 'link', 'autolink', 'linebreak', 'tab']);

export function collectTextNodes(root: SerializedNode): DocumentText {
  // Built as parts plus a running length: testing the end of a growing string (endsWith) makes
  // V8 flatten it each time, which is quadratic on a long section.
  const parts: string[] = [];
  let length = 0;
  let lastChar = '';
  const append = (value: string) => {
    if (value.length === 0) return;
    parts.push(value);
    length += value.length;
    lastChar = value[value.length - 1]!;
  };
  const newlineUnlessAtLineStart = () => {
    if (length > 0 && lastChar !== '\n') append('\n');
  };
  const spans: TextSpan[] = [];
  const visit = (node: SerializedNode) => {
    if (node.type === 'linebreak') {
      append('\n');
      return;
    }
    if (node.type === 'tab' && typeof node.text !== 'string') {
      append('\t');
      return;
    }
    if (typeof node.text === 'string') {
      spans.push({ node: node as TextSpan['node'], start: length });
      append(node.text);
      return;
    }
    const isBlock = !INLINE_TYPES.has(node.type) && node.type !== 'root';
    if (isBlock) newlineUnlessAtLineStart();
    for (const child of node.children ?? []) visit(child);
    if (isBlock) newlineUnlessAtLineStart();
  };
  visit(root);
  return { joined: parts.join(''), spans };
}
