import { describe, expect, it } from 'vitest';
import { snippetParts } from './search';

const OPEN = '\u0002';
const CLOSE = '\u0003';

describe('snippetParts', () => {
  it('runs a PDF’s printed lines together, and a word broken at a line’s hyphen stays one word', () => {
    // As FTS5 hands back a stretch of the 2023 statement's page 14.
    const snippet = `…our bold and long-\nterm ${OPEN}commitment${CLOSE} to improve social,\nenvironmental…`;
    expect(snippetParts(snippet)).toEqual([
      { text: '…our bold and long-term ', match: false },
      { text: 'commitment', match: true },
      { text: ' to improve social, environmental…', match: false },
    ]);
    expect(snippetParts(`a ${OPEN}long${CLOSE}-\n${OPEN}term${CLOSE} plan`).map((p) => p.text).join('')).toBe('a long-term plan');
    // A dash standing between words is not a broken word.
    expect(snippetParts('were introduced -\nCabinet Member').map((p) => p.text).join('')).toBe('were introduced - Cabinet Member');
  });
});
