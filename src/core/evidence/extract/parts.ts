/**
 * Flowing text (Word, web pages, text files) has no pages, so it is cut into parts of about
 * `wordsPerPart` words at paragraph ends: a search hit then says "part 3" and the reader shows a
 * screenful, not the whole document.
 */
export function splitIntoParts(text: string, wordsPerPart = 500): string[] {
  const paragraphs = text.split(/\n+/).map((p) => p.trim()).filter((p) => p.length > 0);
  const parts: string[] = [];
  let current: string[] = [];
  let words = 0;
  for (const paragraph of paragraphs) {
    current.push(paragraph);
    words += paragraph.split(/\s+/).length;
    if (words >= wordsPerPart) {
      parts.push(current.join('\n'));
      current = [];
      words = 0;
    }
  }
  if (current.length > 0) parts.push(current.join('\n'));
  return parts;
}

/** The first non-empty line, trimmed and cut to a sensible title length; null when there is none. */
export function firstLine(text: string): string | null {
  const line = text.split('\n').map((l) => l.trim()).find((l) => l.length > 0);
  return line ? line.slice(0, 200) : null;
}
