import type Database from 'better-sqlite3';
import type { SearchHit, SnippetPart } from '../../shared/schemas/evidence';

/** Marks FTS5's snippet() puts around matches; control characters no extracted text keeps. */
const OPEN = '\u0002';
const CLOSE = '\u0003';

/**
 * A user's words as a safe FTS5 query: each word quoted (so `-`, `:`, `"`, `NEAR`, `*` in what
 * they type are words, never syntax), all required. A phrase in double quotes stays a phrase.
 * Null when there is nothing to search for.
 */
export function toFtsQuery(input: string): string | null {
  const terms: string[] = [];
  const re = /"([^"]+)"|(\S+)/g;
  for (const match of input.matchAll(re)) {
    const raw = (match[1] ?? match[2] ?? '').normalize('NFKC');
    const words = raw.match(/[\p{L}\p{N}]+/gu);
    if (!words) continue;
    terms.push(match[1] ? `"${words.join(' ')}"` : words.map((w) => `"${w}"`).join(' '));
  }
  return terms.length > 0 ? terms.join(' ') : null;
}

/** A hyphen at a line's end between two letters or digits (either side may carry a match's mark). */
const LINE_BREAK_HYPHEN = new RegExp(`([\\p{L}\\p{N}][${OPEN}${CLOSE}]?-)[ \\t]*\\n\\s*(?=[${OPEN}${CLOSE}]?[\\p{L}\\p{N}])`, 'gu');

export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  // A PDF's printed lines run together; a word broken at a line's end with a hyphen ("long-\nterm")
  // stays one word, hyphen kept (see ./readingText: which hyphens are only the line's is not known here).
  let rest = snippet.replace(LINE_BREAK_HYPHEN, '$1').replace(/\s+/g, ' ');
  while (rest.length > 0) {
    const open = rest.indexOf(OPEN);
    if (open < 0) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), match: false });
    const close = rest.indexOf(CLOSE, open);
    const end = close < 0 ? rest.length : close;
    parts.push({ text: rest.slice(open + 1, end), match: true });
    rest = close < 0 ? '' : rest.slice(close + 1);
  }
  // Neighbouring matches ("brownfield" "land" "grant") read better as one highlight.
  const merged: SnippetPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    const beforeLast = merged[merged.length - 2];
    if (last && last.match === part.match) last.text += part.text;
    else if (part.match && last && !last.match && /^\s+$/.test(last.text) && beforeLast?.match) {
      beforeLast.text += last.text + part.text;
      merged.pop();
    } else merged.push({ ...part });
  }
  return merged;
}

/**
 * One search over the evidence (per page) and the statement (per section), ranked by bm25, with
 * highlighted snippets and page numbers. Statement and evidence scores come from separate indexes;
 * they are merged by score, which both compute the same way.
 */
export function searchAll(
  db: Database.Database,
  query: string,
  options: { limit?: number; scope?: 'all' | 'evidence' | 'statement' } = {},
): SearchHit[] {
  const fts = toFtsQuery(query);
  if (!fts) return [];
  const limit = options.limit ?? 50;
  const scope = options.scope ?? 'all';
  const hits: SearchHit[] = [];
  if (scope !== 'statement') {
    const rows = db
      .prepare(
        `SELECT p.item_id AS itemId, i.title AS title, p.page AS page, i.locator_kind AS locatorKind,
                snippet(evidence_fts, 0, ?, ?, '…', 24) AS snippet, bm25(evidence_fts) AS score
           FROM evidence_fts
           JOIN evidence_pages p ON p.rowid = evidence_fts.rowid
           JOIN evidence_items i ON i.id = p.item_id
          WHERE evidence_fts MATCH ?
          ORDER BY score LIMIT ?`,
      )
      .all(OPEN, CLOSE, fts, limit) as Array<{ itemId: string; title: string; page: number; locatorKind: 'page'; snippet: string; score: number }>;
    for (const r of rows) hits.push({ source: 'evidence', itemId: r.itemId, title: r.title, page: r.page, locatorKind: r.locatorKind, snippet: snippetParts(r.snippet), score: r.score });
  }
  if (scope !== 'evidence') {
    const rows = db
      .prepare(
        `SELECT s.id AS sectionId, s.title AS title,
                snippet(sections_fts, 1, ?, ?, '…', 24) AS snippet, bm25(sections_fts) AS score
           FROM sections_fts
           JOIN sections s ON s.rowid = sections_fts.rowid
          WHERE sections_fts MATCH ? AND s.deleted_at IS NULL
          ORDER BY score LIMIT ?`,
      )
      .all(OPEN, CLOSE, fts, limit) as Array<{ sectionId: string; title: string; snippet: string; score: number }>;
    for (const r of rows) hits.push({ source: 'statement', sectionId: r.sectionId, title: r.title, snippet: snippetParts(r.snippet), score: r.score });
  }
  return hits.sort((a, b) => a.score - b.score).slice(0, limit);
}
