import fs from 'node:fs';
import path from 'node:path';
import { $getRoot, $isElementNode, type LexicalNode } from 'lexical';
import { $isHeadingNode } from '@lexical/rich-text';
import { describe, expect, it } from 'vitest';
import type { SerializedEditorStateJSON, SerializedNode } from '../shared/schemas/lexical';
import { buildEditorState, editorStateToJSON, parseEditorState, readDocument } from './headless';
import { $isHeadlineStatementsNode } from './nodes/HeadlineStatementsNode';
import { nodeTypes } from './registry';
import { statementSections } from './testing/statementDocuments';

const seed = fs.readFileSync(path.resolve(process.cwd(), '../shared/seeds/003_914e2cca6af3a5ec.txt'), 'utf8');
const sections = statementSections(seed);

/** Every type, and every heading tag and list type, used anywhere in `states`. */
function typesUsed(states: SerializedEditorStateJSON[]): Set<string> {
  const used = new Set<string>();
  const stack: SerializedNode[] = states.map((state) => state.root as SerializedNode);
  while (stack.length > 0) {
    const node = stack.pop()!;
    used.add(node.type);
    if (node.type === 'heading') used.add(`heading:${String(node.tag)}`);
    if (node.type === 'list') used.add(`list:${String(node.listType)}`);
    if (node.type === 'text' && node.format !== 0) used.add('text:formatted');
    if (node.type === 'tablecell' && node.headerState !== 0) used.add('tablecell:header');
    if (node.type === 'list' && node.children?.some((item) => item.children?.some((c) => c.type === 'list'))) {
      used.add('list:nested');
    }
    stack.push(...(node.children ?? []));
  }
  return used;
}

describe('the document model without a browser (@lexical/headless, in Node)', () => {
  it('builds a real statement that uses every registered node type', () => {
    const used = typesUsed(sections);
    expect([...nodeTypes().keys()].filter((type) => !used.has(type))).toEqual([]);
    for (const variant of ['heading:h1', 'heading:h2', 'heading:h3', 'list:bullet', 'list:number', 'list:nested']) {
      expect(used, variant).toContain(variant);
    }
    expect(used).toContain('text:formatted');
    expect(used).toContain('tablecell:header');
  });

  it('round-trips every section JSON -> headless editor -> JSON unchanged', () => {
    for (const json of sections) {
      const copy = structuredClone(json);
      expect(editorStateToJSON(parseEditorState(json))).toEqual(copy);
      // And stays so: a second trip changes nothing either.
      expect(editorStateToJSON(parseEditorState(editorStateToJSON(parseEditorState(json))))).toEqual(copy);
    }
  });

  it('reads a saved document with Lexical’s own API', () => {
    const first = sections[0]!;
    const summary = readDocument(first, () => {
      const children = $getRoot().getChildren();
      return {
        opensWithHeadlines: $isHeadlineStatementsNode(children[0]),
        headings: children.filter((node: LexicalNode) => $isHeadingNode(node)).length,
        lastType: children.at(-1)?.getType(),
        allElements: children.every((node) => $isElementNode(node)),
      };
    });
    expect(summary).toEqual({ opensWithHeadlines: true, headings: expect.any(Number), lastType: 'question-for-peers', allElements: true });
  });

  it('builds a document as the editor would save it', () => {
    const built = buildEditorState(() => {
      /* nothing: an empty root */
    });
    expect(built.root).toMatchObject({ type: 'root', children: [] });
  });

  it('refuses a node type the app does not know, with Lexical’s message', () => {
    const unknown = { root: { type: 'root' as const, version: 1, children: [{ type: 'mystery', version: 1 }] } };
    expect(() => parseEditorState(unknown)).toThrow(/mystery/);
  });
});
