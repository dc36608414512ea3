import { ElementNode, TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { SerializedNode } from '../shared/schemas/lexical';
import { ALL_NODE_CLASSES, classifyNodeTypes, nodeTypes } from './registry';
import { visitDocument, type DocumentVisitor } from './visitor';

const text = (t: string): SerializedNode => ({ type: 'text', version: 1, text: t });
const node = (type: string, ...children: SerializedNode[]): SerializedNode => ({ type, version: 1, children });

/** Every event of a walk, as a line of a log. */
function log(root: SerializedNode, types = nodeTypes()): string[] {
  const events: string[] = [];
  const visitor: DocumentVisitor = {
    enterBlock: (n) => events.push(`<${n.type}>`),
    leaveBlock: (n) => events.push(`</${n.type}>`),
    enterInline: (n) => events.push(`<${n.type} inline>`),
    leaveInline: (n) => events.push(`</${n.type} inline>`),
    text: (n) => events.push(`"${n.text}"`),
    leaf: (n, t) => events.push(`${n.type} ${JSON.stringify(t)}`),
  };
  visitDocument(root, visitor, types);
  return events;
}

/** A citation as a later issue might add it: an inline element holding its label ("see 6a"). */
class TestCitationNode extends ElementNode {
  static override getType(): string {
    return 'test-citation';
  }
  static override clone(node: TestCitationNode): TestCitationNode {
    return new TestCitationNode(node.__key);
  }
  override isInline(): true {
    return true;
  }
}
/** A recommendation reference as a TextNode subclass (like Lexical's hashtags). */
class TestReferenceNode extends TextNode {
  static override getType(): string {
    return 'test-reference';
  }
  static override clone(node: TestReferenceNode): TestReferenceNode {
    return new TestReferenceNode(node.__text, node.__key);
  }
}

describe('the registry: how each node type is read, asked of its class', () => {
  it('knows every type the editor saves, each as the class says', () => {
    expect(Object.fromEntries([...nodeTypes()].map(([type, info]) => [type, info.kind]))).toEqual({
      paragraph: 'block',
      text: 'text',
      tab: 'text',
      linebreak: 'leaf',
      heading: 'block',
      quote: 'block',
      list: 'block',
      listitem: 'block',
      link: 'inline',
      autolink: 'inline',
      table: 'block',
      tablerow: 'block',
      tablecell: 'block',
      'headline-statements': 'block',
      'question-for-peers': 'block',
      'recommendation-reference': 'text',
      citation: 'inline',
      image: 'leaf',
      'recommendations-table': 'block',
    });
    expect(nodeTypes().get('linebreak')?.fixedText).toBe('\n');
    expect(nodeTypes().get('tab')?.fixedText).toBe('\t');
  });

  it('reads a new inline node class inline everywhere, once it is registered, with no walker touched', () => {
    const types = classifyNodeTypes([...ALL_NODE_CLASSES, TestCitationNode, TestReferenceNode]);
    expect(types.get('test-citation')?.kind).toBe('inline');
    expect(types.get('test-reference')?.kind).toBe('text');
    const paragraph = node(
      'paragraph',
      text('as '),
      node('test-citation', text('6a')),
      text(' shows, and '),
      { type: 'test-reference', version: 1, text: 'Recommendation B' },
    );
    expect(log(node('root', paragraph), types)).toEqual([
      '<paragraph>',
      '"as "',
      '<test-citation inline>',
      '"6a"',
      '</test-citation inline>',
      '" shows, and "',
      '"Recommendation B"',
      '</paragraph>',
    ]);
  });
});

describe('visitDocument: the one walk over saved JSON', () => {
  it('reports blocks, inline elements, text and leaves in document order; the root is neither', () => {
    const doc = node(
      'root',
      node('heading', text('Our governance')),
      node('paragraph', text('Robust '), node('link', text('scrutiny')), { type: 'linebreak', version: 1 }, text('works')),
      node('list', node('listitem', text('One'))),
    );
    expect(log(doc)).toEqual([
      '<heading>',
      '"Our governance"',
      '</heading>',
      '<paragraph>',
      '"Robust "',
      '<link inline>',
      '"scrutiny"',
      '</link inline>',
      'linebreak "\\n"',
      '"works"',
      '</paragraph>',
      '<list>',
      '<listitem>',
      '"One"',
      '</listitem>',
      '</list>',
    ]);
  });

  it('reports a picture as a leaf with no words, carrying its stored picture and alt text', () => {
    const image = { type: 'image', version: 1, blobId: 'b'.repeat(64), altText: 'A chart', width: 10, height: 5 };
    const leaves: Array<[SerializedNode, string]> = [];
    visitDocument(node('root', node('paragraph', text('See '), image, text(' above'))), { leaf: (n, t) => leaves.push([n, t]) });
    expect(leaves).toEqual([[image, '']]);
    expect(log(node('root', node('paragraph', text('See '), image)))).toEqual(['<paragraph>', '"See "', 'image ""', '</paragraph>']);
  });

  it('reads a type it does not know as text if it has text, else as a block (an old or damaged file)', () => {
    expect(log(node('root', node('mystery', { type: 'odd', version: 1, text: 'kept' })))).toEqual([
      '<mystery>',
      '"kept"',
      '</mystery>',
    ]);
  });

  it('walks a document nested far deeper than the call stack allows', () => {
    let deep: SerializedNode = text('bottom');
    for (let i = 0; i < 200_000; i++) deep = node('quote', deep);
    let texts = 0;
    let depth = 0;
    let maxDepth = 0;
    visitDocument(node('root', deep), {
      enterBlock: () => (maxDepth = Math.max(maxDepth, ++depth)),
      leaveBlock: () => depth--,
      text: () => texts++,
    });
    expect({ texts, maxDepth, depth }).toEqual({ texts: 1, maxDepth: 200_000, depth: 0 });
  });
});
