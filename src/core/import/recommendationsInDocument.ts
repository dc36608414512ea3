/**
 * The previous challenge's recommendations as a statement lists them: "A. Ensure the planned
 * refresh…", "B. Inform the above work…", or numbered "1)", "Recommendation 2:". Lines that wrap
 * (as text copied from a PDF does) are joined to the recommendation they continue, so each comes
 * back whole.
 *
 * Kept here for the importer; the recommendations register has its own parser for typed-in lists
 * (src/core/recommendations), to be reconciled when both are in.
 */

export interface RecommendationInDocument {
  /** "A", "B"… or "1", "2"… as the document has it. */
  label: string;
  text: string;
}

const ITEM = /^\s*(?:recommendation\s+)?([A-Z]|\d{1,2})\s*[.):\-–]\s+(\S.*)$/i;

function successor(label: string): string {
  return /^\d+$/.test(label) ? String(Number(label) + 1) : String.fromCharCode(label.toUpperCase().charCodeAt(0) + 1);
}

/**
 * The lettered or numbered items in `text`, in order. A list must start at A (or 1) and go on one
 * by one; anything else that looks like a label (a line starting "I." mid-sentence) continues the
 * item before it. A blank line ends an item; text after it that is not the next item is not part
 * of the list.
 */
export function parseRecommendationList(text: string): RecommendationInDocument[] {
  const items: RecommendationInDocument[] = [];
  let open = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/\s+/g, ' ').trim();
    if (line === '') {
      open = false;
      continue;
    }
    const match = ITEM.exec(line);
    const expected = items.length === 0 ? null : successor(items[items.length - 1]!.label);
    if (match) {
      const label = match[1]!.toUpperCase();
      const starts = items.length === 0 ? label === 'A' || label === '1' : label === expected;
      if (starts) {
        items.push({ label, text: match[2]!.trim() });
        open = true;
        continue;
      }
    }
    if (open && items.length > 0) {
      const last = items[items.length - 1]!;
      last.text = `${last.text} ${line}`;
    }
  }
  return items;
}
