import { describe, expect, it } from 'vitest';
import type { SerializedEditorStateJSON, SerializedNode } from '../schemas/lexical';
import { countWords, editorStateText, editorStateWordCount } from './plainText';

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
