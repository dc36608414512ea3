import type { SectionKind } from '../../shared/schemas/section';

/**
 * Which of the assessment's chapters a Word heading is: the five themes, the introduction, the
 * recommendations and the key documents are recognised by title even when a council words them
 * differently ("Capacity for improvement & fit for the future", "Finance", "Our governance").
 *
 * Titles are normalised (case, "&" for "and", punctuation, -ize spellings), then compared with the
 * chapter's title and its synonyms: the same words score 1, a synonym found whole inside the
 * heading 0.9, and otherwise the share of the synonym's words the heading has, times 0.8.
 */

/** A chapter of the assessment a heading can be mapped to. */
export interface ImportChapter {
  /** The chapter's template key when it has one, else its section id. */
  ref: string;
  kind: SectionKind;
  title: string;
}

export interface ChapterMatch {
  ref: string;
  score: number;
}

const SYNONYMS: Record<string, string[]> = {
  'theme.local-priorities': ['local priorities and outcomes', 'local priorities', 'priorities and outcomes', 'our priorities and outcomes'],
  'theme.leadership': ['organisational and place leadership', 'place leadership', 'organisational leadership', 'leadership'],
  'theme.governance': ['governance and culture', 'governance', 'culture and governance'],
  'theme.finance': ['financial planning and management', 'financial planning', 'financial management', 'finance', 'financial sustainability'],
  'theme.capacity': ['capacity for improvement', 'capacity to improve', 'fit for the future', 'capacity'],
  introduction: ['introduction', 'why we invited the peers', 'why we commissioned the peer challenge'],
  recommendations: ['progress against the recommendations', 'progress against recommendations', 'progress since the last peer challenge'],
  documents: ['key and background documents', 'background documents', 'key documents', 'evidence', 'supporting documents', 'list of documents'],
};

const STOP_WORDS = new Set(['the', 'and', 'of', 'for', 'our', 'a', 'an', 'to', 'in', 'on', 'with', 'we', 'is']);

export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/&/g, ' and ')
    .replace(/[’']/g, '')
    .replace(/\b(organi)z(ation|ational|e|ed)\b/g, '$1s$2')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function words(text: string): string[] {
  return normaliseTitle(text)
    .split(' ')
    .filter((w) => w && !STOP_WORDS.has(w));
}

function phraseScore(heading: string, phrase: string): number {
  const h = normaliseTitle(heading);
  const p = normaliseTitle(phrase);
  if (h === p) return 1;
  if (` ${h} `.includes(` ${p} `)) return 0.9;
  const headingWords = new Set(words(heading));
  const phraseWords = words(phrase);
  if (phraseWords.length === 0) return 0;
  const shared = phraseWords.filter((w) => headingWords.has(w)).length;
  return (shared / phraseWords.length) * 0.8 * Math.min(1, phraseWords.length / Math.max(1, headingWords.size));
}

/** How well `heading` names `chapter`, from 0 to 1. */
export function chapterScore(heading: string, chapter: ImportChapter): number {
  const phrases = [chapter.title, ...(SYNONYMS[chapter.ref] ?? [])];
  return Math.max(...phrases.map((p) => phraseScore(heading, p)));
}

/** Below this a heading is not taken for a chapter; it stays a subsection where it stood. */
export const MATCH_THRESHOLD = 0.6;

/** The chapter `heading` names, if any (front matter is never matched by title: it is where things start). */
export function bestChapter(heading: string, chapters: readonly ImportChapter[]): ChapterMatch | null {
  let best: ChapterMatch | null = null;
  for (const chapter of chapters) {
    if (chapter.kind === 'front-matter' || chapter.kind === 'subsection') continue;
    const score = chapterScore(heading, chapter);
    if (score >= MATCH_THRESHOLD && (!best || score > best.score)) best = { ref: chapter.ref, score };
  }
  return best;
}
