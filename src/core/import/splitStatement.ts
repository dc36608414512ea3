import { IMAGE_BLOB_ATTRIBUTE } from '../../document/nodes/ImageNode';
import type { ListItemText } from './keyDocumentsInDocument';

/**
 * A Word statement (as mammoth's flat HTML, parsed) cut into parts at its top-level headings,
 * each part into sections at the next level down. Deeper headings stay inside a section's text,
 * as do bold, italic, lists, tables and links. Nothing is dropped: text before the first heading
 * is the preamble; empty bookmarks are the only thing left out.
 */

export interface SourceBlock {
  /** The block's HTML, as the section's content is built from. */
  html: string;
  /** Its words, one line per paragraph or list item. */
  text: string;
  /** For a list: its items, nested. */
  list?: ListItemText[];
}

export interface SourceSection {
  title: string;
  blocks: SourceBlock[];
  children: SourceSection[];
}

export interface SourcePart extends SourceSection {
  /** False for the text before the first heading. */
  hasHeading: boolean;
}

export type SplitMode = 'headings' | 'bold-lines' | 'single';

const HEADING = /^H([1-6])$/;

function headingLevel(element: Element): number | null {
  const match = HEADING.exec(element.tagName);
  return match ? Number(match[1]) : null;
}

/** A paragraph that is all bold and short: a heading typed without a heading style. */
export function isBoldLine(element: Element): boolean {
  if (element.tagName !== 'P') return false;
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text === '' || text.length > 120) return false;
  const bold = Array.from(element.querySelectorAll('strong, b')).map((b) => b.textContent ?? '').join('').replace(/\s+/g, ' ').trim();
  return bold === text;
}

function listItems(list: Element): ListItemText[] {
  return Array.from(list.children)
    .filter((li) => li.tagName === 'LI')
    .map((li) => {
      const own = Array.from(li.childNodes)
        .filter((n) => !(n.nodeType === 1 && /^(OL|UL)$/.test((n as Element).tagName)))
        .map((n) => n.textContent ?? '')
        .join('');
      const nested = Array.from(li.children).filter((c) => /^(OL|UL)$/.test(c.tagName)).flatMap((c) => listItems(c));
      return { text: own.replace(/\s+/g, ' ').trim(), children: nested };
    });
}

function blockText(element: Element): string {
  if (/^(OL|UL)$/.test(element.tagName)) {
    return Array.from(element.querySelectorAll('li'))
      .map((li) => Array.from(li.childNodes).filter((n) => !(n.nodeType === 1 && /^(OL|UL)$/.test((n as Element).tagName))).map((n) => n.textContent ?? '').join(''))
      .join('\n');
  }
  if (element.tagName === 'TABLE') return Array.from(element.querySelectorAll('td, th')).map((c) => c.textContent ?? '').join('\n');
  return element.textContent ?? '';
}

/**
 * Pictures the statement cannot hold (an EMF drawing, a linked file): the alt text stays as words,
 * marked as a picture; one with none leaves nothing to keep. Pictures read from the document
 * (naming their stored bytes) stay pictures.
 */
function pictureToWords(doc: Document): void {
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    if (img.hasAttribute(IMAGE_BLOB_ATTRIBUTE)) continue;
    const alt = (img.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
    if (alt) {
      const em = doc.createElement('em');
      em.textContent = `[Picture: ${alt}]`;
      img.replaceWith(em);
    } else {
      img.remove();
    }
  }
}

/**
 * Links: only web, mail and phone addresses and links within the document stay links. Anything
 * else (javascript:, file:, a UNC path) keeps its words and loses its target, so the statement
 * can never carry it on into an export.
 */
const SAFE_LINK = /^(https?:|mailto:|tel:|#)/i;
function defuseLinks(doc: Document): void {
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const href = (a.getAttribute('href') ?? '').trim();
    if (!SAFE_LINK.test(href)) a.removeAttribute('href');
  }
}

function isEmptyBookmark(element: Element): boolean {
  return element.tagName === 'A' && !element.getAttribute('href') && (element.textContent ?? '').trim() === '';
}

/** The heading levels that cut the document: the top one used, and the next one used below it. */
function cuttingLevels(elements: readonly Element[]): [number, number] | null {
  const used = [...new Set(elements.map(headingLevel).filter((l): l is number => l !== null))].sort();
  if (used.length === 0) return null;
  return [used[0]!, used[1] ?? 7];
}

export function splitStatement(doc: Document, mode: SplitMode): SourcePart[] {
  pictureToWords(doc);
  defuseLinks(doc);
  const elements = Array.from(doc.body.children).filter((e) => !isEmptyBookmark(e));
  const levels = mode === 'headings' ? cuttingLevels(elements) : null;
  const levelOf = (element: Element): number | null => {
    if (mode === 'bold-lines') return isBoldLine(element) ? 1 : null;
    if (!levels) return null;
    const level = headingLevel(element);
    if (level === levels[0]) return 1;
    if (level === levels[1]) return 2;
    return null;
  };

  const parts: SourcePart[] = [];
  let part: SourcePart | null = null;
  let section: SourceSection | null = null;
  for (const element of elements) {
    const level = levelOf(element);
    const title = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (level === 1 && title) {
      part = { title, hasHeading: true, blocks: [], children: [] };
      parts.push(part);
      section = null;
      continue;
    }
    if (level === 2 && title) {
      if (!part) {
        part = { title: '', hasHeading: false, blocks: [], children: [] };
        parts.push(part);
      }
      section = { title, blocks: [], children: [] };
      part.children.push(section);
      continue;
    }
    if (!part) {
      part = { title: '', hasHeading: false, blocks: [], children: [] };
      parts.push(part);
    }
    const block: SourceBlock = { html: element.outerHTML, text: blockText(element) };
    if (/^(OL|UL)$/.test(element.tagName)) block.list = listItems(element);
    (section ?? part).blocks.push(block);
  }
  return parts;
}

/** Whether the document has headings to cut at (else the plan offers bold lines or one section). */
export function hasHeadings(doc: Document): boolean {
  return doc.body.querySelector('h1, h2, h3, h4, h5, h6') !== null;
}

export function countBoldLines(doc: Document): number {
  return Array.from(doc.body.children).filter(isBoldLine).length;
}
