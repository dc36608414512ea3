import type { SerializedNode } from '../../shared/schemas/lexical';
import { visitDocument, type SerializedTextNode } from '../../document/visitor';

/**
 * The text nodes of a Lexical document, with where each one sits in the document's text.
 *
 * Find and replace work on text nodes because that is what can be changed without disturbing
 * formatting. The joined text (blocks separated by a newline, as in plain text) gives the
 * context around a match for snippets and for whole-word checks across node boundaries.
 * Built on the one document walk (src/document/visitor), so what is a block and what runs on
 * inline is what the word count and the export think too.
 */
export interface TextSpan {
  /** The saved node itself: replace all edits its `text` in place. */
  node: SerializedTextNode;
  /** Offset of the node's first character in `joined`. */
  start: number;
}

export interface DocumentText {
  joined: string;
  spans: TextSpan[];
}

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
  visitDocument(root, {
    enterBlock: newlineUnlessAtLineStart,
    leaveBlock: newlineUnlessAtLineStart,
    text(node) {
      spans.push({ node, start: length });
      append(node.text);
    },
    leaf(_node, text) {
      append(text);
    },
  });
  return { joined: parts.join(''), spans };
}
