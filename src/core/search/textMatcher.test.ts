import { describe, expect, it } from 'vitest';
import type { SerializedNode } from '../../shared/schemas/lexical';
import { doc, text } from '../testing/testFiles';
import { escapeRegExp, findNodeMatches, type MatchOptions } from './textMatcher';
import { collectTextNodes } from './textNodes';

function matchesIn(content: ReturnType<typeof doc>, query: string, options: Partial<MatchOptions> = {}): string[] {
  const document = collectTextNodes(content.root as SerializedNode);
  return findNodeMatches(document, { query, matchCase: false, wholeWord: false, ...options }).map(
    (m) => document.spans[m.spanIndex]!.node.text.slice(m.index, m.index + m.length),
  );
}

describe('escapeRegExp', () => {
  it('escapes every special character so the query is literal', () => {
    const special = '.*+?^${}()|[]\\/';
    expect(new RegExp(escapeRegExp(special), 'u').test(`x${special}y`)).toBe(true);
  });
});

describe('findNodeMatches', () => {
  it('ignores case unless asked', () => {
    const content = doc('Governance and governance and GOVERNANCE');
    expect(matchesIn(content, 'governance')).toEqual(['Governance', 'governance', 'GOVERNANCE']);
    expect(matchesIn(content, 'governance', { matchCase: true })).toEqual(['governance']);
  });

  it('finds whole words only when asked', () => {
    const content = doc('plan, plans, planning, plan. (plan) co-plan');
    expect(matchesIn(content, 'plan')).toHaveLength(6);
    expect(matchesIn(content, 'plan', { wholeWord: true })).toEqual(['plan', 'plan', 'plan', 'plan']);
  });

  it('treats letters beyond ASCII as word characters', () => {
    expect(matchesIn(doc('café cafés'), 'café', { wholeWord: true })).toEqual(['café']);
    expect(matchesIn(doc('naïve naïveté'), 'naïve', { wholeWord: true })).toEqual(['naïve']);
  });

  it('matches regular-expression characters literally', () => {
    const content = doc('Costs (net) rose to £1.5m [est.] in 2024/25 + VAT; a+b? c*d ^e$ {f} g|h \\i');
    for (const query of ['(net)', '£1.5m', '[est.]', '2024/25', '+ VAT', 'a+b?', 'c*d', '^e$', '{f}', 'g|h', '\\i']) {
      expect(matchesIn(content, query), query).toEqual([query]);
    }
    expect(matchesIn(doc('1x5m'), '1.5m')).toEqual([]);
  });

  it('applies whole-word boundaries only where the query has word characters at its edges', () => {
    expect(matchesIn(doc('a(net)b'), '(net)', { wholeWord: true })).toEqual(['(net)']);
    expect(matchesIn(doc('x£1.5m'), '£1.5m', { wholeWord: true })).toEqual(['£1.5m']);
    expect(matchesIn(doc('1.5mx'), '1.5m', { wholeWord: true })).toEqual([]);
  });

  it('judges whole words across differently formatted text nodes', () => {
    // "plan" in bold followed by plain "ning": not a whole word.
    const content = doc([text('plan', 1), text('ning and a '), text('plan', 1), text(' here')]);
    expect(matchesIn(content, 'plan', { wholeWord: true })).toEqual(['plan']);
  });

  it('does not find matches that span two text nodes (documented limitation)', () => {
    const content = doc([text('gover', 1), text('nance')]);
    expect(matchesIn(content, 'governance')).toEqual([]);
  });

  it('finds overlapping-start candidates after rejecting one for whole word', () => {
    expect(matchesIn(doc('aaa aa'), 'aa', { wholeWord: true })).toEqual(['aa']);
  });

  it('treats paragraphs as separate for whole words', () => {
    expect(matchesIn(doc('first plan', 'plan second'), 'plan', { wholeWord: true })).toHaveLength(2);
  });
});
