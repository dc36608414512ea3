import { randomUUID } from 'node:crypto';
import { editorStateFromDom } from '../../document/fromHtml';
import { storeBytes } from '../blobs/blobStore';
import { MAX_CONTENT_LENGTH, MAX_TITLE_LENGTH } from '../../shared/constants';
import type { ImportMappingOverride, ImportResult, ImportTarget } from '../../shared/contracts/import';
import { AppError } from '../../shared/errors';
import type { SerializedEditorStateJSON, SerializedNode } from '../../shared/schemas/lexical';
import type { SectionKind } from '../../shared/schemas/section';
import type { OpenAssessment } from '../assessment/openAssessment';
import { focusAreaRange, textStats } from '../sections/sectionService';
import { FOCUS_AREA_GUIDANCE, FOCUS_AREA_WORD_TARGET } from '../sections/focusAreaGuidance';
import { addEvidencePlaceholders } from '../evidence/placeholders';
import { nowIso } from '../time';
import { renumberHeadingLevels } from './headingLevels';
import { createHtmlDom } from './htmlDom';
import { normaliseTitle, type ImportChapter } from './matchChapters';
import { findKeyDocuments, headlineBullets, type StatementImportPlan } from './planStatementImport';
import type { SourceSection } from './splitStatement';

/**
 * Writes a planned import into the open assessment, with the user's changes to the mapping.
 *
 * Every section's document is built first (the slow part, with progress and Cancel); then
 * everything is written in ONE transaction, so a cancel, a failure or a crash leaves the file as
 * it was. Nothing already in the assessment is overwritten: a chapter's imported text goes after
 * its own, and a subsection fills an empty one of the same title (a template's "Welcome from the
 * Chief Executive") or is added after the chapter's others.
 */

export interface Progress {
  step: string;
  done: number;
  total: number;
}
export interface LongOperation {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

export const IMPORT_CANCELLED = 'The import was cancelled. Nothing was changed.';

interface TopRow {
  id: string;
  kind: SectionKind;
  template_key: string | null;
  title: string;
  position: number;
}

/** The chapters of the open assessment, as an import maps onto them. */
export function importChapters(open: OpenAssessment): ImportChapter[] {
  return topRows(open).map((row) => ({ ref: row.template_key ?? row.id, kind: row.kind, title: row.title }));
}

function topRows(open: OpenAssessment): TopRow[] {
  return open.file.db
    .prepare('SELECT id, kind, template_key, title, position FROM sections WHERE parent_id IS NULL AND deleted_at IS NULL ORDER BY position')
    .all() as TopRow[];
}

/** The plan's proposal with the user's changes. */
export function finalTargets(plan: StatementImportPlan, overrides: readonly ImportMappingOverride[]): ImportTarget[] {
  const targets = plan.summary.parts.map((p) => p.proposed);
  const refs = new Set(plan.summary.chapters.map((c) => c.ref));
  for (const { index, target } of overrides) {
    if (index >= targets.length) throw new AppError('invalid-input', `The document has ${targets.length} parts, so there is no part ${index + 1} to move.`);
    if (target.kind !== 'focus-area' && !refs.has(target.ref)) {
      throw new AppError('invalid-input', 'One of the chosen chapters is no longer in the assessment. Show the mapping again and choose another.');
    }
    targets[index] = target;
  }
  return targets;
}

/** What will be written: built before the transaction. */
interface NewSection {
  title: string;
  content: SerializedEditorStateJSON;
  children: NewSection[];
}
interface ChapterWrite {
  /** Appended to the chapter's own text. */
  content: SerializedEditorStateJSON | null;
  sections: NewSection[];
}

const HEADLINES_OPEN = '<section data-pcs-block="headline-statements">';

/** What else the user confirmed: each is written in the same transaction as the sections. */
export interface ImportExtras {
  /** The key documents list becomes evidence placeholders. */
  keyDocuments?: boolean;
  /** The recommendations found go to the register. */
  recommendations?: boolean;
}

/** Where imported recommendations say they came from, in the register. */
export function recommendationSource(fileName: string): string {
  return `Previous statement (${fileName})`.slice(0, 200);
}

export async function applyStatementImport(
  open: OpenAssessment,
  plan: StatementImportPlan,
  overrides: readonly ImportMappingOverride[],
  { onProgress, signal }: LongOperation = {},
  extras: ImportExtras = {},
): Promise<ImportResult> {
  const targets = finalTargets(plan, overrides);
  const chapterKinds = new Map(plan.summary.chapters.map((c) => [c.ref, c.kind]));
  const total = plan.parts.reduce((n, part) => n + 1 + countSections(part.children), 0);
  let done = 0;
  const checkAbort = () => {
    if (signal?.aborted) throw new AppError('invalid-input', IMPORT_CANCELLED);
  };
  const dom = createHtmlDom();
  const convert = (html: string): SerializedEditorStateJSON => {
    // The document's own heading levels, renumbered to follow on from the section's title.
    const content = renumberHeadingLevels(editorStateFromDom(dom.parse(html)));
    if (JSON.stringify(content).length > MAX_CONTENT_LENGTH) {
      throw new AppError('invalid-input', 'One part of the document is too large for one section. Add headings in Word to split it, and import it again.');
    }
    return content;
  };
  const build = async (section: SourceSection, html = section.blocks.map((b) => b.html).join('')): Promise<NewSection> => {
    checkAbort();
    const { title, lead } = fitTitle(section.title);
    const content = convert(lead + html);
    onProgress?.({ step: 'Reading the document', done: ++done, total });
    // Let a Cancel (or the UI) in between sections.
    await Promise.resolve();
    const children: NewSection[] = [];
    for (const child of section.children) children.push(await build(child));
    return { title, content, children };
  };

  const chapterWrites = new Map<string, ChapterWrite>();
  const focusAreas: NewSection[] = [];
  try {
    for (const [index, part] of plan.parts.entries()) {
      const target = targets[index]!;
      const kind = target.kind === 'focus-area' ? 'focus-area' : chapterKinds.get(target.ref);
      const asHeadlines = (kind === 'theme' || kind === 'focus-area') && headlineBullets(part).length > 0;
      const blocksHtml = part.blocks.map((b, i) => (i === 0 && asHeadlines ? `${HEADLINES_OPEN}${b.html}</section>` : b.html)).join('');
      if (target.kind === 'focus-area') {
        focusAreas.push(await build(part, blocksHtml));
        continue;
      }
      const write = chapterWrites.get(target.ref) ?? { content: null, sections: [] };
      chapterWrites.set(target.ref, write);
      if (target.kind === 'subsection') {
        write.sections.push(await build(part, blocksHtml));
      } else {
        checkAbort();
        if (part.blocks.length > 0) write.content = appendContent(write.content, convert(blocksHtml));
        onProgress?.({ step: 'Reading the document', done: ++done, total });
        for (const child of part.children) write.sections.push(await build(child));
      }
    }
  } finally {
    dom.close();
  }
  checkAbort();
  onProgress?.({ step: 'Writing the sections', done: total, total });
  const keyDocuments = findKeyDocuments(plan.parts, targets, plan.summary.chapters);
  let placeholdersAdded = 0;
  let recommendationsAdded = 0;
  // Inside write's transaction: a failure here (a recommendation the register refuses) undoes the sections too.
  const alsoWrite = () => {
    // The document's pictures, stored in the assessment with the sections that show them.
    for (const image of (plan.images ?? new Map()).values()) storeBytes(open.file.db, image.data, image.mimeType);
    if (extras.keyDocuments && keyDocuments.length > 0) placeholdersAdded = addEvidencePlaceholders(open.file.db, keyDocuments).length;
    if (extras.recommendations && plan.summary.recommendations.length > 0) {
      recommendationsAdded = open.recommendations.apply(recommendationSource(plan.summary.fileName), plan.summary.recommendations).added.length;
    }
  };
  const result = write(open, chapterWrites, focusAreas, checkAbort, alsoWrite);
  return {
    ...result,
    keyDocuments,
    recommendations: plan.summary.recommendations,
    placeholdersAdded,
    recommendationsAdded,
  };
}

function countSections(sections: readonly SourceSection[]): number {
  return sections.reduce((n, s) => n + 1 + countSections(s.children), 0);
}

/** A heading too long for a section title keeps all its words: the title is cut, the whole heading opens the text. */
function fitTitle(heading: string): { title: string; lead: string } {
  const clean = heading.replace(/\s+/g, ' ').trim();
  if (clean === '') return { title: 'Untitled section', lead: '' };
  if (clean.length <= MAX_TITLE_LENGTH) return { title: clean, lead: '' };
  const escaped = clean.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return { title: `${clean.slice(0, MAX_TITLE_LENGTH - 1).trimEnd()}…`, lead: `<p><strong>${escaped}</strong></p>` };
}

function isEmptyDocument(content: SerializedEditorStateJSON): boolean {
  return textStats(content).plainText === '';
}

function appendContent(base: SerializedEditorStateJSON | null, more: SerializedEditorStateJSON): SerializedEditorStateJSON {
  if (!base || isEmptyDocument(base)) return more;
  if (isEmptyDocument(more)) return base;
  const root = base.root as SerializedNode & { children: SerializedNode[] };
  const moreRoot = more.root as SerializedNode & { children: SerializedNode[] };
  return { ...base, root: { ...root, children: [...root.children, ...moreRoot.children] } } as SerializedEditorStateJSON;
}

function write(
  open: OpenAssessment,
  chapterWrites: Map<string, ChapterWrite>,
  focusAreas: NewSection[],
  checkAbort: () => void,
  alsoWrite: () => void = () => {},
): Pick<ImportResult, 'chaptersFilled' | 'sectionsCreated' | 'focusAreasCreated'> {
  const db = open.file.db;
  const now = nowIso();
  const insert = db.prepare(`
    INSERT INTO sections (id, parent_id, position, kind, template_key, title, fixed, content_json,
                          plain_text, word_count, revision, created_at, updated_at, guidance_json, word_target)
    VALUES (?, ?, ?, ?, NULL, ?, 0, ?, ?, ?, 0, ?, ?, ?, ?)`);
  const update = db.prepare(
    'UPDATE sections SET content_json = ?, plain_text = ?, word_count = ?, revision = revision + 1, updated_at = ? WHERE id = ?',
  );
  const children = db.prepare(
    'SELECT id, title, content_json, position FROM sections WHERE parent_id = ? AND deleted_at IS NULL ORDER BY position',
  );
  const contentOf = db.prepare('SELECT content_json FROM sections WHERE id = ?');
  const setPosition = db.prepare('UPDATE sections SET position = ? WHERE id = ?');
  let created = 0;
  let filled = 0;

  const save = (id: string, content: SerializedEditorStateJSON) => {
    const { plainText, wordCount } = textStats(content);
    update.run(JSON.stringify(content), plainText, wordCount, now, id);
  };
  const addUnder = (parentId: string, sections: readonly NewSection[]) => {
    for (const section of sections) {
      checkAbort();
      const existing = children.all(parentId) as Array<{ id: string; title: string; content_json: string; position: number }>;
      const empty = existing.find(
        (row) => normaliseTitle(row.title) === normaliseTitle(section.title) && isEmptyDocument(JSON.parse(row.content_json) as SerializedEditorStateJSON),
      );
      let id: string;
      if (empty) {
        id = empty.id;
        save(id, section.content);
      } else {
        id = randomUUID();
        const { plainText, wordCount } = textStats(section.content);
        insert.run(id, parentId, existing.length, 'subsection', section.title, JSON.stringify(section.content), plainText, wordCount, now, now, null, null);
        created++;
      }
      addUnder(id, section.children);
    }
  };

  db.transaction(() => {
    const tops = topRows(open);
    const byRef = new Map(tops.map((row) => [row.template_key ?? row.id, row]));
    for (const [ref, chapterWrite] of chapterWrites) {
      const chapter = byRef.get(ref);
      if (!chapter) throw new AppError('invalid-input', 'One of the chosen chapters is no longer in the assessment. Show the mapping again and choose another.');
      if (chapterWrite.content) {
        const current = JSON.parse((contentOf.get(chapter.id) as { content_json: string }).content_json) as SerializedEditorStateJSON;
        save(chapter.id, appendContent(current, chapterWrite.content));
        filled++;
      }
      addUnder(chapter.id, chapterWrite.sections);
    }
    for (const area of focusAreas) {
      checkAbort();
      const order = topRows(open);
      const at = focusAreaRange(order).last;
      const id = randomUUID();
      const { plainText, wordCount } = textStats(area.content);
      insert.run(id, null, order.length, 'focus-area', area.title, JSON.stringify(area.content), plainText, wordCount, now, now, JSON.stringify(FOCUS_AREA_GUIDANCE), FOCUS_AREA_WORD_TARGET);
      const ids = order.map((row) => row.id);
      ids.splice(at, 0, id);
      ids.forEach((sid, position) => setPosition.run(position, sid));
      addUnder(id, area.children);
    }
    alsoWrite();
    checkAbort();
    open.store.touch(now);
  })();
  return { chaptersFilled: filled, sectionsCreated: created, focusAreasCreated: focusAreas.length };
}
