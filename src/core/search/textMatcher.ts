import type { DocumentText } from './textNodes';

/**
 * Literal (not regular-expression) matching with the find options the UI offers.
 * The query is escaped, so "£1.5m (net)" finds exactly that text.
 */
export interface MatchOptions {
  query: string;
  matchCase: boolean;
  wholeWord: boolean;
}

export interface NodeMatch {
  /** Which span in DocumentText.spans. */
  spanIndex: number;
  /** Offset within that node's text. */
  index: number;
  length: number;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

export function buildPattern(options: MatchOptions): RegExp {
  return new RegExp(escapeRegExp(options.query), options.matchCase ? 'gu' : 'giu');
}

/**
 * Every match inside a single text node, in document order.
 * Whole-word boundaries are judged on the joined text, so "plan" in a bold "plan" followed by
 * plain "ning" is not a whole word. A match that spans two text nodes (e.g. half bold) is not
 * found: replacing it would have to choose one node's formatting, so we leave it alone.
 */
export function findNodeMatches(document: DocumentText, options: MatchOptions): NodeMatch[] {
  const pattern = buildPattern(options);
  const matches: NodeMatch[] = [];
  document.spans.forEach((span, spanIndex) => {
    const text = span.node.text;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const length = match[0].length;
      if (options.wholeWord) {
        // Like \b: a boundary is only needed where the match itself starts or ends with a word
        // character, so "(net)" is a whole word in "a(net)b" but "net" is not in "nets".
        const before = document.joined[span.start + match.index - 1];
        const after = document.joined[span.start + match.index + length];
        const first = match[0][0];
        const last = match[0][length - 1];
        if ((isWordChar(first) && isWordChar(before)) || (isWordChar(last) && isWordChar(after))) {
          // Try again one character on: a later, overlapping start may still be a whole word.
          pattern.lastIndex = match.index + 1;
          continue;
        }
      }
      matches.push({ spanIndex, index: match.index, length });
      if (length === 0) pattern.lastIndex++;
    }
  });
  return matches;
}
