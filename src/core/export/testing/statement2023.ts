import mammoth from 'mammoth';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexicalDocument, lexicalElement, lexicalParagraph, lexicalText, type SerializedNode } from '../../../shared/schemas/lexical';
import type { SectionSummary } from '../../../shared/schemas/section';
import type { OpenAssessment } from '../../assessment/openAssessment';

/**
 * Tests and the benchmark: the real 2023 position statement (a council's, in ../shared/corpus) put
 * into an assessment made from the built-in template, by a deliberately simple reading of the
 * Word file (mammoth to HTML, then headings, paragraphs and lists). Not the importer: level-1
 * headings that name a chapter (the five themes, the introduction, the documents) go to that
 * chapter, other level-1 headings before the introduction become front-matter sections, level-2
 * headings become subsections of the current chapter, deeper headings stay in the text.
 */

export const STATEMENT_2023_DOCX = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../../shared/corpus/lga-peer-challenge-self-assessment-2023.docx',
);

/** The statement's blocks as mammoth reads them. */
export type SourceBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string; bold: boolean }
  | { kind: 'list'; ordered: boolean; items: string[] };

const decode = (html: string): string =>
  html
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

export async function readStatement2023(file = STATEMENT_2023_DOCX): Promise<SourceBlock[]> {
  const { value: html } = await mammoth.convertToHtml({ path: file });
  const blocks: SourceBlock[] = [];
  // Top-level elements only: mammoth writes flat HTML (no nested lists in this file but nested ones are flattened).
  for (const m of html.matchAll(/<(h[1-6]|p|ul|ol|table)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    const tag = m[1]!;
    const inner = m[2]!;
    if (tag.startsWith('h')) {
      const text = decode(inner);
      if (text) blocks.push({ kind: 'heading', level: Number(tag[1]), text });
    } else if (tag === 'p') {
      const text = decode(inner);
      if (text) blocks.push({ kind: 'paragraph', text, bold: /^<strong>[\s\S]*<\/strong>$/.test(inner.trim()) });
    } else if (tag === 'ul' || tag === 'ol') {
      const items = [...inner.matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/g)].map((li) => decode(li[1]!)).filter(Boolean);
      if (items.length > 0) blocks.push({ kind: 'list', ordered: tag === 'ol', items });
    }
  }
  return blocks;
}

export function blockNode(block: SourceBlock, headingOffset: number): SerializedNode {
  switch (block.kind) {
    case 'heading':
      return lexicalElement('heading', [lexicalText(block.text)], { tag: `h${Math.min(Math.max(block.level - headingOffset, 1), 6)}` });
    case 'paragraph':
      return lexicalParagraph([lexicalText(block.text, block.bold ? 1 : 0)]);
    case 'list':
      return lexicalElement(
        'list',
        block.items.map((item, i) => lexicalElement('listitem', [lexicalText(item)], { value: i + 1 })),
        { listType: block.ordered ? 'number' : 'bullet', start: 1, tag: block.ordered ? 'ol' : 'ul' },
      );
  }
}

export const documentOf = lexicalDocument;

const normal = (title: string) =>
  title
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Fills `open` (made from the cpc-2024 template) with the 2023 statement; returns the sections it wrote. */
export async function fillWithStatement2023(open: OpenAssessment, blocks?: SourceBlock[]): Promise<SectionSummary[]> {
  const source = blocks ?? (await readStatement2023());
  const chapters = open.sections.list().filter((s) => s.depth === 0);
  const frontMatter = chapters.find((s) => s.kind === 'front-matter')!;
  const chapterFor = (title: string): SectionSummary | undefined => {
    const t = normal(title);
    return chapters.find((c) => c.kind !== 'front-matter' && (t === normal(c.title) || t.startsWith(normal(c.title))));
  };
  const contents = new Map<string, SerializedNode[]>();
  let chapter: SectionSummary | null = null;
  let target: string | null = null;
  /** The level-1 section open now: level-2 headings before the introduction go inside it. */
  let h1Section: string | null = null;
  let skipping = false;
  let seenTitle = false;
  let seenIntroduction = false;
  const into = (id: string) => {
    target = id;
    if (!contents.has(id)) contents.set(id, []);
  };
  for (const block of source) {
    if (block.kind === 'heading' && block.level === 1) {
      skipping = false;
      const match = chapterFor(block.text);
      if (/^contents$/i.test(block.text)) {
        skipping = true; // the original's own contents page: the export writes its own
        continue;
      }
      if (!seenTitle) {
        seenTitle = true; // the title page heading: the export writes its own cover
        continue;
      }
      if (match) {
        chapter = match;
        seenIntroduction ||= match.kind === 'introduction';
        into(match.id);
        h1Section = match.id;
        continue;
      }
      // Another level-1 heading: before the introduction a front-matter section of its own
      // (the welcomes match the template's), after it a subsection of the current chapter.
      const parent: SectionSummary = seenIntroduction && chapter ? chapter : frontMatter;
      const existing = open.sections.list().find((s) => s.parentId === parent.id && normal(s.title) === normal(block.text));
      into(existing?.id ?? open.sections.add(parent.id, block.text.slice(0, 200)).id);
      h1Section = target;
      if (!seenIntroduction) chapter = null;
      continue;
    }
    if (skipping) continue;
    if (block.kind === 'heading' && block.level === 2 && target !== null) {
      const parentId = chapter?.id ?? h1Section ?? frontMatter.id;
      into(open.sections.add(parentId, block.text.slice(0, 200)).id);
      continue;
    }
    if (target === null) continue;
    contents.get(target)!.push(blockNode(block, 2));
  }
  for (const [id, children] of contents) {
    if (children.length > 0) open.sections.saveContent(id, documentOf(children));
  }
  return open.sections.list();
}
