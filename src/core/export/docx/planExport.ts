import type { SerializedEditorStateJSON, SerializedNode } from '../../../shared/schemas/lexical';
import type { SectionKind, SectionSummary } from '../../../shared/schemas/section';
import type { ExportWarning } from '../../../shared/contracts/export';
import { nodeText } from '../../../document/plainText';
import { visitDocument } from '../../../document/visitor';
import { STATEMENT_NODE_TYPES } from '../../../document/nodeTypes';
import type { OpenAssessment } from '../../assessment/openAssessment';
import { AppError } from '../../../shared/errors';
import { isStoredPicture, ordinal } from '../../images/storedPicture';

/**
 * What an export will write, worked out before anything is written: the sections in binder order
 * with the heading level each title gets, the document's title, and the warnings the user sees
 * first (a picture without alt text, a heading level skipped).
 *
 * Only live sections are read (deleted ones are in the bin, not in `sections.list()`), and only
 * their content: a section's guidance is kept apart from its content and never reaches the file.
 */
export interface PlannedSection {
  id: string;
  title: string;
  kind: SectionKind;
  /** Word heading level of the title (1–6); the front matter chapter's own title is not written (0). */
  headingLevel: number;
  content: SerializedEditorStateJSON;
}

export interface ExportPlan {
  title: string;
  subject: string;
  councilName: string;
  /** The date on the cover, as "14 March 2026". */
  dateText: string;
  sections: PlannedSection[];
  /** Every heading the document will have, in order: section titles and headings in the text. */
  headings: Array<{ level: number; text: string }>;
  warnings: ExportWarning[];
}

export function documentTitle(kind: 'full' | 'progress', year: number): string {
  return kind === 'progress'
    ? `LGA Corporate Peer Challenge Progress Review: Position Statement ${year}`
    : `LGA Corporate Peer Challenge: Position Statement ${year}`;
}

function longDate(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The chosen sections with everything inside them, in binder order; all of them when none are chosen. */
function chosen(list: SectionSummary[], sectionIds: readonly string[] | undefined): SectionSummary[] {
  if (!sectionIds || sectionIds.length === 0) return list;
  const known = new Set(list.map((s) => s.id));
  const missing = sectionIds.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw new AppError('not-found', 'Some of the chosen sections no longer exist. Choose the sections again.');
  }
  const keep = new Set(sectionIds);
  // Binder order lists a parent before its children, so one pass takes in whole subtrees.
  return list.filter((s) => {
    if (keep.has(s.id) || (s.parentId !== null && keep.has(s.parentId))) {
      keep.add(s.id);
      return true;
    }
    return false;
  });
}

/** Whether the section's text holds a picture (which has no words of its own). */
function hasPicture(content: SerializedEditorStateJSON): boolean {
  let found = false;
  const check = (node: SerializedNode) => {
    if (node.type === STATEMENT_NODE_TYPES.image) found = true;
  };
  visitDocument(content.root as SerializedNode, { enterBlock: check, leaf: check });
  return found;
}

/** Whether the section's text holds a recommendations table block (which has no words of its own). */
export function hasRecommendationsTableBlock(content: SerializedEditorStateJSON): boolean {
  let found = false;
  visitDocument(content.root as SerializedNode, {
    enterBlock(node) {
      if (node.type === STATEMENT_NODE_TYPES.recommendationsTable) found = true;
    },
  });
  return found;
}

/**
 * Whether the export can write this picture: its bytes are in the assessment and are a picture
 * (the same test the export's reading of the pictures makes), or it is an older inline data: URL.
 */
function pictureAvailable(open: OpenAssessment, node: SerializedNode): boolean {
  if (typeof node.blobId === 'string' && node.blobId !== '') return isStoredPicture(open.file.db, node.blobId);
  return typeof node.src === 'string' && /^data:image\/(png|jpe?g|gif);base64,./i.test(node.src);
}

export function planExport(open: OpenAssessment, options: { sectionIds?: readonly string[]; now?: Date; hasKeyDocuments?: boolean; hasRecommendations?: boolean } = {}): ExportPlan {
  const summary = open.summary();
  const list = open.sections.list();
  const byId = new Map(list.map((s) => [s.id, s]));
  const frontMatterIds = new Set(list.filter((s) => s.kind === 'front-matter').map((s) => s.id));
  const underFrontMatter = (s: SectionSummary): boolean => {
    for (let p = s.parentId; p !== null; p = byId.get(p)?.parentId ?? null) if (frontMatterIds.has(p)) return true;
    return false;
  };

  const visit = summary.visitDate ? new Date(`${summary.visitDate}T00:00:00Z`) : (options.now ?? new Date());
  const title = documentTitle(summary.kind, visit.getUTCFullYear());
  const sections: PlannedSection[] = [];
  const headings: ExportPlan['headings'] = [];
  const warnings: ExportWarning[] = [];
  let previousLevel = 0;
  const addHeading = (level: number, text: string, sectionTitle: string) => {
    if (level > previousLevel + 1) {
      warnings.push({
        kind: 'heading-level-skipped',
        sectionTitle,
        message: `The heading “${text}” in “${sectionTitle}” is at level ${level} but follows a level ${previousLevel || 'none'} heading, so a level is skipped. Screen reader users navigate by these levels.`,
      });
    }
    headings.push({ level, text });
    previousLevel = level;
  };

  // Sections whose text has no words but something to show (a picture, a recommendations table
  // block), and every chapter above one: they are written, headings included.
  const wordlessContent = new Set<string>();
  for (const s of list) {
    if (s.totalWordCount > 0) continue;
    const content = open.sections.get(s.id).content;
    if (!hasPicture(content) && !(options.hasRecommendations && hasRecommendationsTableBlock(content))) continue;
    for (let id: string | null = s.id; id !== null && !wordlessContent.has(id); id = byId.get(id)?.parentId ?? null) wordlessContent.add(id);
  }

  for (const s of chosen(list, options.sectionIds)) {
    // A section with no words in it or below it (a template's placeholder left unwritten) would
    // be a bare heading in front of the peers.
    // The documents chapter stays when the key documents list will be written into it.
    // So does the introduction when the recommendations table will be written into it.
    const filledByExport = (s.kind === 'documents' && options.hasKeyDocuments) || (s.kind === 'introduction' && options.hasRecommendations);
    if (s.totalWordCount === 0 && !filledByExport && !wordlessContent.has(s.id)) continue;
    // The "Front matter" chapter is a folder in the binder, not a heading in the document: its
    // sections (the welcomes, our place) stand as chapters of their own.
    const headingLevel = s.kind === 'front-matter' ? 0 : s.depth + 1 - (underFrontMatter(s) ? 1 : 0);
    const content = open.sections.get(s.id).content;
    sections.push({ id: s.id, title: s.title, kind: s.kind, headingLevel, content });
    if (headingLevel > 0) addHeading(headingLevel, s.title, s.title);
    const base = headingLevel;
    let pictureNumber = 0;
    const checkPicture = (node: SerializedNode) => {
      pictureNumber++;
      const alt = typeof node.altText === 'string' ? node.altText.replace(/\s+/g, ' ').trim() : '';
      if (!pictureAvailable(open, node)) {
        // Named by its alt text when it has one, else by where it is, so it can be found and added again.
        const which = alt !== '' ? `The picture “${alt.length > 80 ? `${alt.slice(0, 79)}…` : alt}”` : `The ${ordinal(pictureNumber)} picture`;
        warnings.push({
          kind: 'image-missing',
          sectionTitle: s.title,
          message: `${which} in “${s.title}” could not be found in the assessment and will be left out.`,
        });
        // (No alt text warning as well: the picture is not written.)
        return;
      }
      if (alt !== '') return;
      warnings.push({
        kind: 'image-without-alt-text',
        sectionTitle: s.title,
        message: `A picture in “${s.title}” has no alt text. Add a short description so that people who cannot see it know what it shows.`,
      });
    };
    visitDocument(content.root as SerializedNode, {
      enterBlock(node) {
        if (node.type === 'heading') {
          const tag = typeof node.tag === 'string' ? Number(node.tag.slice(1)) || 1 : 1;
          addHeading(Math.min(base + tag, 6), nodeText(node).trim(), s.title);
        } else if (node.type === 'image') checkPicture(node);
      },
      // A picture saved as an inline node (a decorator) is reported as a leaf.
      leaf(node) {
        if (node.type === 'image') checkPicture(node);
      },
    });
  }

  return {
    title,
    subject: `Position statement of ${summary.councilName} for its LGA Corporate Peer Challenge`,
    councilName: summary.councilName,
    dateText: longDate(visit),
    sections,
    headings,
    warnings,
  };
}
