/**
 * An evidence page's text as a person reads it: in paragraphs, not in the PDF's printed lines.
 *
 * A PDF's text comes out one printed line per line ("…in the\nborough to deliver…"), which reads
 * as ragged short lines. This joins a line to the one before when the break is plainly only where
 * the printed line ran out, and otherwise keeps the break, so a heading, a list item or a line
 * that ends a sentence stays a paragraph of its own. It is deliberately cautious: a wrong join runs
 * a heading into its text, a wrong break only leaves a short line.
 *
 * Display only: what is stored and indexed is the extracted text as it was (no migration).
 */

/** A line that starts an item of a list: a bullet, a dash and a space, or "1." / "a)" / "(iv)". */
const LIST_ITEM = /^(?:[•●▪◦■□➢►‣∙·*]|[-–—](?=\s)|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)](?=\s))/iu;

/** A line that ends a sentence or a clause that introduces what follows (closing quotes and brackets aside). */
const ENDS_SENTENCE = /[.!?:;]["'’”)\]]*$/u;

/** A line that ends in the middle of a phrase: a comma, an ampersand or a dash standing apart ("homes –"). */
const ENDS_MID_PHRASE = /(?:[,&]|\s[-–—])$/u;

/**
 * Words no sentence or heading ends with (articles, prepositions, conjunctions, possessives): a
 * line that ends with one carries on on the next, whatever that starts with ("…in the\n2030 Vision").
 */
const CARRIES_ON = new Set(
  (
    'a an the and or but nor of to in on at by for from with into onto as than that which whose ' +
    'our their its your his her my between across through towards per via including within'
  ).split(' '),
);

/** A word cut at the end of a line with a hyphen: "commu-" (a letter before the hyphen, none after). */
const CUT_WORD = /(\p{L}+)-$/u;

function lastWord(line: string): string {
  return (/([\p{L}\p{N}'’.]+)$/u.exec(line)?.[1] ?? '').toLowerCase();
}

/** Every word of the text, lower case: how the document itself spells a word tells a cut word from a compound. */
function vocabulary(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}+(?:-\p{L}+)*/gu) ?? []).flatMap((w) => [w, ...w.split('-')]));
}

/**
 * `next` joined onto `previous` when the line break between them is only the printed line's end;
 * null when it is a paragraph's (or a list item's, a heading's) end.
 */
function joinLines(previous: string, next: string, words: ReadonlySet<string>): string | null {
  if (LIST_ITEM.test(next)) return null;
  const cut = CUT_WORD.exec(previous);
  if (cut && /^\p{Ll}/u.test(next)) {
    // "long-\nterm" is long-term; only a word the document spells whole elsewhere, and never
    // with the hyphen, loses it ("commu-\nnity" is community). Otherwise the hyphen stays.
    const head = cut[1]!.toLowerCase();
    const tail = (/^\p{L}+/u.exec(next)?.[0] ?? '').toLowerCase();
    const whole = words.has(head + tail) && !words.has(`${head}-${tail}`);
    return whole ? previous.slice(0, -1) + next : previous + next;
  }
  // "2022-\n2025", "Sefton-\nWide": a hyphen between two words or numbers stays, with no space.
  if (/[\p{L}\p{N}]-$/u.test(previous) && /^[\p{L}\p{N}]/u.test(next)) return previous + next;
  if (ENDS_SENTENCE.test(previous)) return null;
  if (/^\p{Ll}/u.test(next)) return `${previous} ${next}`;
  if (ENDS_MID_PHRASE.test(previous) || CARRIES_ON.has(lastWord(previous))) return `${previous} ${next}`;
  // "…elected annually\n(three years in every four)": a bracket goes on from a word.
  if (/^\(/.test(next) && /\p{Ll}$/u.test(previous)) return `${previous} ${next}`;
  // "- Adopted our Homeless and Rough Sleeping\nStrategy.": a list item whose sentence is still
  // open, and a line of a few words that ends it.
  if (LIST_ITEM.test(previous) && ENDS_SENTENCE.test(next) && next.split(' ').length <= 3) return `${previous} ${next}`;
  return null;
}

/**
 * The page's paragraphs. `wrapped` says its lines are printed lines (a PDF's); otherwise each line
 * is already a paragraph (Word, a spreadsheet, a web page) and only the empty ones are left out.
 * Blank lines always end a paragraph.
 */
export function readingParagraphs(text: string, { wrapped = true }: { wrapped?: boolean } = {}): string[] {
  const lines = text.split(/\r?\n/).map((line) => line.replace(/\s+/g, ' ').trim());
  if (!wrapped) return lines.filter((line) => line !== '');
  const words = vocabulary(text);
  const paragraphs: string[] = [];
  let current: string | null = null;
  for (const line of lines) {
    if (line === '') {
      if (current !== null) paragraphs.push(current);
      current = null;
      continue;
    }
    const joined: string | null = current === null ? line : joinLines(current, line, words);
    if (joined === null) paragraphs.push(current!);
    current = joined ?? line;
  }
  if (current !== null) paragraphs.push(current);
  return paragraphs;
}
