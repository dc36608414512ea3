/**
 * The "Key and background documents" list of a statement: numbered documents, some of them
 * families with lettered parts (6a–6c, 11a–11f). Each becomes an evidence placeholder waiting for
 * its file; attaching the file later keeps the number.
 */

export interface EvidencePlaceholder {
  /** "6" */
  number: string;
  /** "a" for 6a; null for the numbered document (or family) itself. */
  letter: string | null;
  title: string;
}

/** One list item as the importer sees it: its own words and its nested items. */
export interface ListItemText {
  text: string;
  children: ListItemText[];
}

/** A nested Word list (numbers, with letters inside): numbered from `start`, lettered from a. */
export function placeholdersFromList(items: readonly ListItemText[], start = 1): EvidencePlaceholder[] {
  const out: EvidencePlaceholder[] = [];
  items.forEach((item, index) => {
    const number = String(start + index);
    const own = stripLabel(item.text);
    if (own) out.push({ number, letter: null, title: own });
    item.children.forEach((child, childIndex) => {
      const title = stripLabel(child.text);
      if (title) out.push({ number, letter: String.fromCharCode(97 + childIndex), title });
    });
  });
  return out;
}

const LINE = /^\s*(\d{1,3})\s*([a-z])?\s*[.):]?\s+(\S.*)$/i;

/** The same list typed as lines ("6a Budget monitoring report"): a letter goes with the last number. */
export function placeholdersFromLines(text: string): EvidencePlaceholder[] {
  const out: EvidencePlaceholder[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = LINE.exec(line);
    if (!match) continue;
    out.push({ number: match[1]!, letter: match[2]?.toLowerCase() ?? null, title: match[3]!.trim() });
  }
  return out;
}

/** "6a. Budget report" or "(b) Budget report" typed into a numbered list item: the words only. */
function stripLabel(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\(?(\d{1,3}[a-z]?|[a-z])\)?[.)]\s+/i, '')
    .replace(/[.\s]+$/, '');
}
