/**
 * Finds a list of recommendations in text: a paste, or the text of a feedback report or an
 * earlier position statement (DOCX, PDF, TXT; see ./readSource).
 *
 * What it recognises, one item per label:
 * - letters: "A. …", "A) …", "(a) …"; numbers: "1. …", "1) …", "(1) …";
 *   "Recommendation B: …"; bullets "•", "-", "*", "▪", "◦", "–" (numbered 1, 2… in order);
 * - with no labels at all, one recommendation per line.
 * A line without a label right after an item (no blank line between) is the item's text wrapping
 * onto the next line and is joined to it, so wrapped items are kept whole. Labels of another kind
 * inside the list (sub-bullets under "1.") are kept as part of the item's text, not lost.
 *
 * In a document, the list is looked for under a heading that mentions recommendations ("Peer Team
 * Recommendations from the 2022 Revisit"): the first such heading followed by a list wins; the
 * list ends at the first paragraph after a blank line that has no label (the next heading).
 * Without such a heading, the whole text is taken as the list.
 *
 * Pure: it never saves anything. The caller shows what was recognised and saves only when the
 * user confirms (see ./register).
 */

export const MAX_RECOMMENDATIONS = 200;
/** Longer than any real recommendation; a longer "item" is almost certainly the rest of a document. */
export const MAX_RECOMMENDATION_LENGTH = 4000;

export interface ParsedRecommendation {
  label: string;
  text: string;
}

export type ParseProblemCode = 'empty' | 'none-found' | 'duplicate-labels' | 'too-many' | 'too-long';

export interface ParseProblem {
  code: ParseProblemCode;
  message: string;
}

export interface ParseResult {
  items: ParsedRecommendation[];
  /** The heading the list was found under, or null when the whole text was the list. */
  heading: string | null;
  /** Anything that stops the list being saved as it is; empty when it can be. */
  problems: ParseProblem[];
}

/** How many lines of introduction may come between a heading and its list. */
const MAX_INTRO_LINES = 8;

type LabelKind = 'letter' | 'number' | 'bullet';

interface LabelledLine {
  kind: LabelKind;
  label: string | null;
  rest: string;
}

const BULLET = /^[•\-*▪◦●–]\s+(.*)$/u;
const RECOMMENDATION_LABEL = /^recommendation\s+([A-Za-z]|\d{1,3})\s*[:.)\-–]\s*(.*)$/iu;
const PAREN_LABEL = /^\(([A-Za-z]|\d{1,3})\)\s+(.*)$/u;
const DOT_LABEL = /^([A-Za-z]|\d{1,3})[.)]\s+(.*)$/u;

function labelKind(label: string): LabelKind {
  return /^\d/.test(label) ? 'number' : 'letter';
}

/** The label at the start of a (trimmed) line, if it has one. */
export function readLabel(line: string): LabelledLine | null {
  const bullet = BULLET.exec(line);
  if (bullet) {
    // "• A. Ensure…" (a PDF's bullet in front of the report's own letter): the letter is the label.
    const inner = readLabel(bullet[1]!.trim());
    return inner && inner.kind !== 'bullet' ? inner : { kind: 'bullet', label: null, rest: bullet[1]! };
  }
  for (const pattern of [RECOMMENDATION_LABEL, PAREN_LABEL, DOT_LABEL]) {
    const match = pattern.exec(line);
    if (match && match[2]!.trim() !== '') return { kind: labelKind(match[1]!), label: match[1]!, rest: match[2]! };
  }
  return null;
}

/** Tidies text from any source: one kind of line ending, no non-breaking or zero-width spaces. */
function normalise(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, '')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim());
}

/** A line that looks like a heading about recommendations, not a line of the list or of a contents page. */
function isRecommendationsHeading(line: string): boolean {
  if (!/recommendation/i.test(line)) return false;
  if (line.length > 120 || readLabel(line) !== null) return false;
  // A table of contents line ("… Revisit….. 14") or a sentence is not the heading.
  if (/(\.{3,}|…)/u.test(line) || /[.;,]$/.test(line)) return false;
  return true;
}

function join(a: string, b: string): string {
  if (a === '') return b;
  // A word broken with a hyphen at the end of a line ("cross-\ncutting") stays one word.
  if (/[A-Za-z]-$/.test(a) && /^[a-z]/.test(b)) return a + b;
  return `${a} ${b}`;
}

/** Reads the labelled list starting at `start`; `untilUnlabelledParagraph` ends it at the next heading. */
function readList(lines: string[], start: number, untilUnlabelledParagraph: boolean): ParsedRecommendation[] {
  const items: Array<{ label: string | null; text: string }> = [];
  let kind: LabelKind | null = null;
  let blankBefore = false;
  let introLines = 0;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') {
      blankBefore = true;
      continue;
    }
    const labelled = readLabel(line);
    if (kind === null) {
      // Before the list: an introduction ("The following are the peer team's key recommendations…").
      if (labelled) {
        kind = labelled.kind;
        items.push({ label: labelled.label, text: labelled.rest });
      } else if (untilUnlabelledParagraph && ++introLines > MAX_INTRO_LINES) {
        // Pages of text before any list: this heading has none of its own.
        return [];
      }
    } else if (labelled && labelled.kind === kind) {
      items.push({ label: labelled.label, text: labelled.rest });
    } else if (blankBefore && untilUnlabelledParagraph && !labelled) {
      break;
    } else {
      const last = items[items.length - 1]!;
      last.text = join(last.text, line);
    }
    blankBefore = false;
  }
  return items.map((item, index) => ({ label: item.label ?? String(index + 1), text: item.text.trim() }));
}

/** One recommendation per non-empty line; a line starting in lower case continues the one before. */
function readOnePerLine(lines: string[]): ParsedRecommendation[] {
  const texts: string[] = [];
  for (const line of lines) {
    if (line === '') continue;
    if (texts.length > 0 && /^[a-z]/.test(line)) texts[texts.length - 1] = join(texts[texts.length - 1]!, line);
    else texts.push(line);
  }
  return texts.map((text, index) => ({ label: String(index + 1), text }));
}

function findList(lines: string[], from: ParseFrom): { items: ParsedRecommendation[]; heading: string | null } {
  for (let i = 0; i < lines.length; i++) {
    if (!isRecommendationsHeading(lines[i]!)) continue;
    const items = readList(lines, i + 1, true);
    if (items.length > 0) return { items, heading: lines[i]! };
  }
  // A whole report without such a heading has no list we can trust: its every line is not a recommendation.
  if (from === 'document') return { items: [], heading: null };
  const labelled = lines.some((line) => readLabel(line) !== null);
  return { items: labelled ? readList(lines, 0, false) : readOnePerLine(lines), heading: null };
}

/**
 * 'paste': the text is the list (a heading in it is still used). 'document': a whole report, in
 * which only a list under a recommendations heading counts.
 */
export type ParseFrom = 'paste' | 'document';

export function parseRecommendations(text: string, from: ParseFrom = 'paste'): ParseResult {
  const lines = normalise(text);
  if (lines.every((line) => line === '')) {
    return {
      items: [],
      heading: null,
      problems: [{ code: 'empty', message: 'There is nothing to read: the text is empty. Paste the list of recommendations, or choose a file that has them.' }],
    };
  }
  const { items, heading } = findList(lines, from);
  const problems: ParseProblem[] = [];
  if (items.length === 0) {
    problems.push({
      code: 'none-found',
      message:
        from === 'document'
          ? 'No recommendations were recognised in this document: no heading that mentions recommendations has a list under it. Copy the list from the report and paste it instead.'
          : 'No recommendations were recognised. Put each one on its own line, for example “A. Ensure…”, “1) …” or “• …”, or paste just the list.',
    });
  }
  const seen = new Map<string, number>();
  for (const item of items) seen.set(item.label.toUpperCase(), (seen.get(item.label.toUpperCase()) ?? 0) + 1);
  const duplicated = [...seen].filter(([, count]) => count > 1).map(([label]) => label);
  if (duplicated.length > 0) {
    problems.push({
      code: 'duplicate-labels',
      message: `${duplicated.length === 1 ? 'The label' : 'The labels'} ${listOf(duplicated)} ${duplicated.length === 1 ? 'is' : 'are'} used more than once. Give each recommendation its own label before saving.`,
    });
  }
  if (items.length > MAX_RECOMMENDATIONS) {
    problems.push({
      code: 'too-many',
      message: `This list has ${items.length} recommendations; up to ${MAX_RECOMMENDATIONS} can be added at once. Split it into smaller lists, or check that only the recommendations were chosen.`,
    });
  }
  const long = items.filter((item) => item.text.length > MAX_RECOMMENDATION_LENGTH).map((item) => item.label);
  if (long.length > 0) {
    problems.push({
      code: 'too-long',
      message: `${long.length === 1 ? 'Recommendation' : 'Recommendations'} ${listOf(long)} ${long.length === 1 ? 'is' : 'are'} longer than ${MAX_RECOMMENDATION_LENGTH.toLocaleString('en-GB')} characters, so the list probably runs into the text after it. Shorten ${long.length === 1 ? 'it' : 'them'} before saving.`,
    });
  }
  return { items, heading, problems };
}

/** "A", "A and B", "A, B and C". */
export function listOf(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;
}
