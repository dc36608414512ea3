import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SerializedEditorStateJSON, SerializedNode } from '../shared/schemas/lexical';
import { countWords, editorStateText, editorStateWordCount } from './plainText';
import { statementSections } from './testing/statementDocuments';

const text = (t: string): SerializedNode => ({ type: 'text', version: 1, text: t });
const block = (type: string, ...children: SerializedNode[]): SerializedNode => ({ type, version: 1, children });
const state = (...children: SerializedNode[]): SerializedEditorStateJSON => ({
  root: { type: 'root', version: 1, children },
});

describe('plain text from saved Lexical JSON', () => {
  it('puts blocks on their own lines and keeps inline runs together', () => {
    const s = state(
      block('heading', text('Our governance')),
      block('paragraph', text('Robust '), block('link', text('scrutiny')), text(' works.')),
      block('list', block('listitem', text('One')), block('listitem', text('Two'))),
    );
    expect(editorStateText(s)).toBe('Our governance\nRobust scrutiny works.\nOne\nTwo');
  });

  it('counts words as a reader would', () => {
    expect(countWords("The council's co-operative budget is £2.5m in 2024–25.")).toBe(8);
    expect(countWords('   ')).toBe(0);
    expect(editorStateWordCount(state(block('paragraph', text('Hello'), { type: 'linebreak', version: 1 }, text('world'))))).toBe(2);
  });

  it('stays linear on a long section (a whole statement in one section)', () => {
    const paragraphs = Array.from({ length: 20_000 }, (_, i) => block('paragraph', text(`Paragraph ${i} of text.`)));
    const s = state(...paragraphs);
    expect(editorStateWordCount(s)).toBe(20_000 * 4);
    expect(editorStateText(s).split('\n')).toHaveLength(20_000);
  });
});

/**
 * The walk this module had before the document layer (src/shared/lexical/plainText.ts at
 * 4cb5eb0), frozen here to prove the walk on ./visitor changed no count: its own list of inline
 * types is exactly what the registry now derives from the node classes.
 */
const FROZEN_INLINE_TYPES = new Set([
  'text',
  'link',
  'autolink',
  'linebreak',
  'tab',
  // Added since the freeze: a TextNode subclass, inline by its class (the old walk did not know it).
  'recommendation-reference',
  // 'citation' joined later (src/document/nodes/CitationNode.ts): the old walk would have listed it inline too.
  'citation',
]);
function frozenAppendText(node: SerializedNode, parts: string[]): void {
  if (node.type === 'linebreak') {
    parts.push('\n');
    return;
  }
  if (node.type === 'tab') {
    parts.push('\t');
    return;
  }
  if (typeof node.text === 'string') {
    parts.push(node.text);
    return;
  }
  for (const child of node.children ?? []) {
    if (FROZEN_INLINE_TYPES.has(child.type)) {
      frozenAppendText(child, parts);
    } else {
      const last = parts[parts.length - 1];
      if (last !== undefined && last !== '' && !last.endsWith('\n')) parts.push('\n');
      frozenAppendText(child, parts);
      parts.push('\n');
    }
  }
}
function frozenEditorStateText(s: SerializedEditorStateJSON): string {
  const parts: string[] = [];
  frozenAppendText(s.root as SerializedNode, parts);
  return parts.join('').replace(/\n{2,}/g, '\n').trim();
}

describe('on the real 2023 statement, with every node type', () => {
  const seed = fs.readFileSync(path.resolve(process.cwd(), '../shared/seeds/003_914e2cca6af3a5ec.txt'), 'utf8');
  const sections = statementSections(seed);

  it('gives the same plain text and word counts as the walk it replaced', () => {
    expect(sections.length).toBeGreaterThan(50);
    let total = 0;
    for (const section of sections) {
      expect(editorStateText(section)).toBe(frozenEditorStateText(section));
      expect(editorStateWordCount(section)).toBe(countWords(frozenEditorStateText(section)));
      total += editorStateWordCount(section);
    }
    // Every word of the seed is in the statement (plus the autolinks' and table headers' own).
    expect(total).toBeGreaterThan(countWords(seed));
  });

  it('keeps a link, a tab and a line break inside their line, and blocks on their own', () => {
    const text = sections.map(editorStateText).join('\n');
    expect(text).toContain('www.example.gov.uk/plan');
    expect(text).toMatch(/\S\t\S/);
    expect(text).not.toContain('\n\n');
  });
});
