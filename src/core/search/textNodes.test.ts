import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statementSections } from '../../document/testing/statementDocuments';
import type { SerializedNode } from '../../shared/schemas/lexical';
import { findNodeMatches } from './textMatcher';
import { collectTextNodes, type DocumentText, type TextSpan } from './textNodes';

/**
 * The walk this module had before the document layer (src/core/search/textNodes.ts at 4cb5eb0),
 * frozen here to prove that find and replace, now on src/document/visitor, see exactly the same
 * text nodes, offsets and joined text.
 */
// 'citation' joined later (src/document/nodes/CitationNode.ts): the old walk would have listed it inline too.
const FROZEN_INLINE_TYPES = new Set(['text', 'link', 'autolink', 'linebreak', 'tab', 'citation']);
function frozenCollectTextNodes(root: SerializedNode): DocumentText {
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
    const isBlock = !FROZEN_INLINE_TYPES.has(node.type) && node.type !== 'root';
    if (isBlock) newlineUnlessAtLineStart();
    for (const child of node.children ?? []) visit(child);
    if (isBlock) newlineUnlessAtLineStart();
  };
  visit(root);
  return { joined: parts.join(''), spans };
}

describe('collectTextNodes on the real 2023 statement, with every node type', () => {
  const seed = fs.readFileSync(path.resolve(process.cwd(), '../shared/seeds/003_914e2cca6af3a5ec.txt'), 'utf8');
  const sections = statementSections(seed);

  it('finds the same text nodes at the same offsets as the walk it replaced', () => {
    for (const section of sections) {
      const root = section.root as SerializedNode;
      const now = collectTextNodes(root);
      const before = frozenCollectTextNodes(root);
      expect(now.joined).toBe(before.joined);
      expect(now.spans.length).toBe(before.spans.length);
      // The very same node objects (replace all edits them in place), at the same offsets.
      now.spans.forEach((span, i) => {
        expect(span.node).toBe(before.spans[i]!.node);
        expect(span.start).toBe(before.spans[i]!.start);
      });
    }
  });

  it('gives the same find results for every option', () => {
    let total = 0;
    for (const query of ['council', 'Council', 'plan', 'www.example', '.....', 'and the']) {
      for (const matchCase of [false, true]) {
        for (const wholeWord of [false, true]) {
          for (const section of sections) {
            const root = section.root as SerializedNode;
            const options = { query, matchCase, wholeWord };
            const now = findNodeMatches(collectTextNodes(root), options);
            expect(now).toEqual(findNodeMatches(frozenCollectTextNodes(root), options));
            total += now.length;
          }
        }
      }
    }
    expect(total).toBeGreaterThan(500);
  });
});
