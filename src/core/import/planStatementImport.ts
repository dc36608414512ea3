import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { countWords } from '../../document/plainText';
import { AppError } from '../../shared/errors';
import type { ImportPart, ImportPlanSummary, ImportSplitMode, ImportTarget } from '../../shared/contracts/import';
import { createHtmlDom } from './htmlDom';
import { placeholdersFromLines, placeholdersFromList, type EvidencePlaceholder } from './keyDocumentsInDocument';
import { bestChapter, type ImportChapter } from './matchChapters';
import { readDocxAsHtml, type DocxImage } from './readDocx';
import { parseRecommendationList, type RecommendationInDocument } from './recommendationsInDocument';
import { countBoldLines, hasHeadings, splitStatement, type SourcePart, type SourceSection } from './splitStatement';

/**
 * Reads a Word statement and proposes where each top-level part goes in the assessment. Writes
 * nothing: the user sees the plan (./applyStatementImport takes it with their changes).
 *
 * The proposal: a heading that names a chapter (see ./matchChapters) is that chapter, once; any
 * other heading becomes a subsection of the chapter it stands in (the front matter until the
 * first chapter is reached), so nothing is dropped or moved away from its neighbours.
 */

export interface StatementImportPlan {
  summary: ImportPlanSummary;
  /** The document's parts with their HTML, in order; `summary.parts[i]` describes `parts[i]`. */
  parts: SourcePart[];
  /** The document's pictures the parts name (by sha256), stored with the sections. */
  images: Map<string, DocxImage>;
}

export const NOT_A_STATEMENT = (name: string) =>
  `“${name}” does not look like a position statement: none of its headings is one of the five themes, the introduction or the key documents. Check where each part will go before importing, or choose another document.`;
export const NO_HEADINGS = (name: string) =>
  `“${name}” has no headings, so it cannot be split into sections by them. Import it as one section, or split it at its bold lines.`;

function sectionWords(section: SourceSection): number {
  return (
    countWords(section.blocks.map((b) => b.text).join(' ')) + section.children.reduce((n, child) => n + countWords(child.title) + sectionWords(child), 0)
  );
}

/** Up to six short bullets straight under the heading, before any paragraph. */
export function headlineBullets(part: SourceSection): string[] {
  const first = part.blocks[0];
  if (!first?.list || !/^<ul/i.test(first.html)) return [];
  const items = first.list;
  if (items.length === 0 || items.length > 6) return [];
  if (items.some((item) => item.children.length > 0 || item.text.length === 0 || item.text.length > 200)) return [];
  return items.map((item) => item.text);
}

function frontRef(chapters: readonly ImportChapter[]): string {
  return (chapters.find((c) => c.kind === 'front-matter') ?? chapters[0]!).ref;
}

/** The proposed mapping: see the module comment. */
export function proposeMapping(parts: readonly SourcePart[], chapters: readonly ImportChapter[], mode: ImportSplitMode): Array<{ target: ImportTarget; confidence: number }> {
  if (mode === 'single') {
    const intro = chapters.find((c) => c.kind === 'introduction') ?? chapters[0]!;
    return parts.map(() => ({ target: { kind: 'subsection', ref: intro.ref }, confidence: 0 }));
  }
  let current = frontRef(chapters);
  const claimed = new Set<string>();
  return parts.map((part) => {
    if (!part.hasHeading) return { target: { kind: 'chapter', ref: current }, confidence: 0 };
    const match = bestChapter(part.title, chapters);
    if (match && !claimed.has(match.ref)) {
      claimed.add(match.ref);
      current = match.ref;
      return { target: { kind: 'chapter', ref: match.ref }, confidence: match.score };
    }
    return { target: { kind: 'subsection', ref: current }, confidence: 0 };
  });
}

/** The key documents list, from the parts that go to the documents chapter. */
export function findKeyDocuments(parts: readonly SourcePart[], targets: readonly ImportTarget[], chapters: readonly ImportChapter[]): EvidencePlaceholder[] {
  const documentsRefs = new Set(chapters.filter((c) => c.kind === 'documents').map((c) => c.ref));
  for (const [i, part] of parts.entries()) {
    const target = targets[i]!;
    if (target.kind !== 'chapter' || !documentsRefs.has(target.ref)) continue;
    const sections = [part, ...part.children];
    for (const section of sections) {
      const list = section.blocks.find((b) => b.list && b.list.length > 0);
      if (list) {
        const start = Number(/start="(\d+)"/.exec(list.html)?.[1] ?? 1);
        return placeholdersFromList(list.list!, start);
      }
    }
    const byLines = placeholdersFromLines(sections.flatMap((s) => s.blocks.map((b) => b.text)).join('\n'));
    if (byLines.length > 0) return byLines;
  }
  return [];
}

/** The previous challenge's recommendations: the first section titled as such with a lettered or numbered list. */
export function findRecommendations(parts: readonly SourcePart[]): RecommendationInDocument[] {
  const visit = (section: SourceSection): RecommendationInDocument[] => {
    if (/recommendation/i.test(section.title)) {
      const found = parseRecommendationList(section.blocks.map((b) => b.text).join('\n\n'));
      if (found.length > 0) return found;
    }
    for (const child of section.children) {
      const found = visit(child);
      if (found.length > 0) return found;
    }
    return [];
  };
  for (const part of parts) {
    const found = visit(part);
    if (found.length > 0) return found;
  }
  return [];
}

export async function readStatementFile(docxPath: string, fileName?: string): Promise<{ data: Buffer; name: string; sha256: string }> {
  // An upload's temporary file has no name of its own: the user's file name comes with it.
  const name = fileName ?? path.basename(docxPath);
  let data: Buffer;
  try {
    const stat = await fs.promises.stat(docxPath);
    if (!stat.isFile()) throw new AppError('invalid-input', `“${name}” is a folder, not a Word document.`);
    data = await fs.promises.readFile(docxPath);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('not-found', `There is no file “${name}” in ${path.dirname(path.resolve(docxPath))}.`);
    throw new AppError('io', `“${name}” could not be read (${code ?? 'unknown error'}). Check that you may open it and try again.`, { cause: error });
  }
  return { data, name, sha256: createHash('sha256').update(data).digest('hex') };
}

export async function planStatementImport(
  docxPath: string,
  chapters: readonly ImportChapter[],
  options: { mode?: ImportSplitMode; fileName?: string } = {},
): Promise<StatementImportPlan> {
  if (chapters.length === 0) throw new AppError('invalid-input', 'The assessment has no chapters to import into.');
  const { data, name, sha256 } = await readStatementFile(docxPath, options.fileName);
  const { html, warnings: mammothWarnings, images } = await readDocxAsHtml(data, name);
  const dom = createHtmlDom();
  try {
    const doc = dom.parse(html);
    if ((doc.body.textContent ?? '').trim() === '') {
      throw new AppError('invalid-input', `“${name}” has no text to import.`);
    }
    const withHeadings = hasHeadings(doc);
    const boldLines = withHeadings ? 0 : countBoldLines(doc);
    const modes: ImportSplitMode[] = withHeadings ? ['headings'] : boldLines > 0 ? ['bold-lines', 'single'] : ['single'];
    const mode = options.mode && modes.includes(options.mode) ? options.mode : modes[0]!;
    if (options.mode && !modes.includes(options.mode)) {
      throw new AppError('invalid-input', withHeadings ? `“${name}” has headings, so it is split at them.` : NO_HEADINGS(name));
    }
    let parts = splitStatement(doc, mode);
    if (mode === 'single') {
      // One section: everything, in order, under the file's name.
      const title = path.basename(name, path.extname(name)).slice(0, 200) || 'Imported text';
      const all: SourcePart = { title, hasHeading: true, blocks: [], children: [] };
      for (const part of parts) {
        all.blocks.push(...part.blocks);
        all.children.push(...part.children);
      }
      parts = [all];
    }
    const proposals = proposeMapping(parts, chapters, mode);
    const targets = proposals.map((p) => p.target);
    const summaryParts: ImportPart[] = parts.map((part, index) => ({
      index,
      title: part.title,
      hasHeading: part.hasHeading,
      proposed: proposals[index]!.target,
      confidence: proposals[index]!.confidence,
      subsections: part.children.map((c) => c.title),
      headlineStatements: headlineBullets(part),
      words: countWords(part.title) + sectionWords(part),
    }));
    const themesMatched = proposals.filter((p) => p.target.kind === 'chapter' && p.confidence > 0).length;
    const looksLikeStatement = themesMatched >= 2;
    const warnings: string[] = [];
    if (!withHeadings) warnings.push(NO_HEADINGS(name));
    if (!looksLikeStatement) warnings.push(NOT_A_STATEMENT(name));
    if (mammothWarnings.some((w) => /image|picture/i.test(w))) warnings.push('Some pictures could not be read; their descriptions, where they had one, are kept as text.');
    return {
      parts,
      images,
      summary: {
        fileName: name,
        sha256,
        mode,
        modes,
        chapters: chapters.map((c) => ({ ref: c.ref, kind: c.kind, title: c.title })),
        parts: summaryParts,
        keyDocuments: findKeyDocuments(parts, targets, chapters),
        recommendations: findRecommendations(parts),
        looksLikeStatement,
        warnings,
      },
    };
  } finally {
    dom.close();
  }
}
