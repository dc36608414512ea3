import {
  ExternalHyperlink,
  ImageRun,
  InternalHyperlink,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import type { SerializedEditorStateJSON, SerializedNode } from '../../../shared/schemas/lexical';
import { STATEMENT_NODE_TYPES } from '../../../document/nodeTypes';
import { visitDocument, type SerializedTextNode } from '../../../document/visitor';
import { BULLET_LIST, HEADLINE_STYLE, NUMBERED_LIST, QUESTION_STYLE, QUOTE_STYLE } from './houseStyle';
import { headingLevel } from './headingLevels';
import { IMAGE_SIZE_FRACTION, isImageSize, type ImageSize } from '../../../document/nodes/imageSizes';

/**
 * One section's saved content as docx paragraphs and tables, built on the document layer's one
 * walk (src/document/visitor): the exporter only says what each block and inline becomes.
 *
 * Anything the walk reports that this file does not know (a node type added later) still gives
 * its words: an unknown block becomes a paragraph, unknown inline content runs on as text.
 */

/** The citation node the evidence work adds (src/document/nodes/CitationNode.ts), by its saved fields. */
export const CITATION_TYPE = 'citation';
export interface CitationFields {
  itemId?: string;
  label?: string;
  locator?: string;
  quote?: string;
}

export type Block = Paragraph | Table;

export interface ContentContext {
  /** Heading level of the section's title (1 for a chapter), so an h1 in its text is one below it. */
  sectionLevel: number;
  /** The key document's bookmark for an evidence item, or undefined when it is not in the list. */
  bookmarkFor(itemId: string): string | undefined;
  /** The key document's number ("6a"), shown as the citation; undefined when not in the list. */
  numberFor?(itemId: string): string | undefined;
  /** A new numbering instance, so each numbered list restarts at 1. */
  nextListInstance(): number;
  /** A stored picture's bytes, or undefined when it is not in the assessment. */
  imageFor?(blobId: string): ExportImage | undefined;
  /**
   * The register as it is now, as a table, for a recommendations table block (all of it, or one
   * source's); nothing when the register is empty or has nothing from that source.
   */
  recommendationsTable?(source: string | null): Block[];
}

// Lexical's text format bits.
const BOLD = 1;
const ITALIC = 2;
const STRIKETHROUGH = 4;
const UNDERLINE = 8;
const CODE = 16;
const SUBSCRIPT = 32;
const SUPERSCRIPT = 64;

function textRun(node: SerializedNode, text: string): TextRun {
  const format = typeof node.format === 'number' ? node.format : 0;
  return new TextRun({
    text,
    bold: (format & BOLD) !== 0 || undefined,
    italics: (format & ITALIC) !== 0 || undefined,
    strike: (format & STRIKETHROUGH) !== 0 || undefined,
    underline: (format & UNDERLINE) !== 0 ? {} : undefined,
    font: (format & CODE) !== 0 ? 'Consolas' : undefined,
    subScript: (format & SUBSCRIPT) !== 0 || undefined,
    superScript: (format & SUPERSCRIPT) !== 0 || undefined,
  });
}

/** The "[6a]" a citation shows, linked to its key document's entry when that is in the list. */
export function citationChild(node: SerializedNode, context: ContentContext): ParagraphChild {
  const fields = node as SerializedNode & CitationFields;
  const label = (fields.itemId ? context.numberFor?.(fields.itemId) : undefined) ?? fields.label ?? fields.itemId ?? '?';
  const text = `[${label}${fields.locator ? `, ${fields.locator}` : ''}]`;
  const anchor = fields.itemId ? context.bookmarkFor(fields.itemId) : undefined;
  if (!anchor) return new TextRun({ text });
  return new InternalHyperlink({ anchor, children: [new TextRun({ text, style: 'Hyperlink' })] });
}

/** A stored picture's bytes and kind, for the export (read from the assessment's blob store). */
export interface ExportImage {
  // A Uint8Array: a Buffer arrives as one after crossing to the worker thread.
  data: Uint8Array;
  type: 'png' | 'jpg' | 'gif';
  width: number;
  height: number;
}

/**
 * The largest a picture is drawn, in pixels at 96 per inch: the page's text width (A4 less
 * 2 cm margins, about 17 cm) and most of its height, so a picture never runs off the page.
 */
export const MAX_IMAGE_WIDTH = 640;
export const MAX_IMAGE_HEIGHT = 860;

/**
 * A picture's size on the page. With a size chosen in the editor, that share of the text width
 * (a small picture is enlarged to it); without one, its own size, scaled down (never up) to fit.
 * Either way its shape is kept and it stays within the page's height.
 */
export function fitImage(width: number, height: number, size?: ImageSize | null): { width: number; height: number } {
  if (!(width > 0 && height > 0)) return { width: 400, height: 300 };
  if (size) {
    const w = Math.max(1, Math.round(MAX_IMAGE_WIDTH * IMAGE_SIZE_FRACTION[size]));
    const h = Math.max(1, Math.round((w * height) / width));
    if (h <= MAX_IMAGE_HEIGHT) return { width: w, height: h };
    return { width: Math.max(1, Math.round((MAX_IMAGE_HEIGHT * width) / height)), height: MAX_IMAGE_HEIGHT };
  }
  const scale = Math.min(1, MAX_IMAGE_WIDTH / width, MAX_IMAGE_HEIGHT / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * A picture node as a docx ImageRun with its alt text (Word's "description", read by screen
 * readers, and its title). Stored pictures are named by blob id; an older data: URL is read too.
 * A picture whose bytes are missing is left out (the warning list says so before writing).
 */
function imageChild(node: SerializedNode, context: ContentContext): ParagraphChild | null {
  const alt = typeof node.altText === 'string' ? node.altText.trim() : '';
  let image: ExportImage | undefined;
  if (typeof node.blobId === 'string' && node.blobId !== '') image = context.imageFor?.(node.blobId);
  else {
    const src = typeof node.src === 'string' ? node.src : '';
    const match = /^data:image\/(png|jpe?g|gif);base64,(.+)$/i.exec(src);
    if (match) {
      const type = match[1]!.toLowerCase().startsWith('jp') ? 'jpg' : (match[1]!.toLowerCase() as 'png' | 'gif');
      image = { type, data: Buffer.from(match[2]!, 'base64'), width: 0, height: 0 };
    }
  }
  if (!image) return null;
  const own = {
    width: typeof node.width === 'number' && node.width > 0 ? node.width : image.width,
    height: typeof node.height === 'number' && node.height > 0 ? node.height : image.height,
  };
  return new ImageRun({
    type: image.type,
    data: image.data,
    transformation: fitImage(own.width, own.height, isImageSize(node.size) ? node.size : null),
    altText: { name: alt || 'Picture', description: alt, title: alt },
  });
}

interface ParagraphFrame {
  kind: 'paragraph';
  node: SerializedNode;
  options: Omit<IParagraphOptions, 'children'>;
  children: ParagraphChild[];
}
interface ListFrame {
  kind: 'list';
  node: SerializedNode;
  reference: string;
  instance: number;
  level: number;
  headline: boolean;
}
interface CellFrame {
  kind: 'cell';
  node: SerializedNode;
  blocks: Block[];
}
interface RowFrame {
  kind: 'row';
  node: SerializedNode;
  cells: TableCell[];
  header: boolean;
}
interface TableFrame {
  kind: 'table';
  node: SerializedNode;
  rows: TableRow[];
}
interface OtherFrame {
  kind: 'other';
  node: SerializedNode;
}
interface InlineFrame {
  kind: 'inline';
  node: SerializedNode;
  children: ParagraphChild[];
}
type Frame = ParagraphFrame | ListFrame | CellFrame | RowFrame | TableFrame | OtherFrame | InlineFrame;

export function contentToDocx(content: SerializedEditorStateJSON, context: ContentContext): Block[] {
  const out: Block[] = [];
  const stack: Frame[] = [];
  /** Inside a citation: its own children (if it has any) are not written again. */
  let inCitation = 0;

  const nearest = <K extends Frame['kind']>(...kinds: K[]): Extract<Frame, { kind: K }> | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const frame = stack[i]!;
      if ((kinds as string[]).includes(frame.kind)) return frame as Extract<Frame, { kind: K }>;
    }
    return undefined;
  };
  const emit = (block: Block) => {
    const cell = nearest('cell');
    (cell ? cell.blocks : out).push(block);
  };
  /** Where inline content goes: the open link, else the open paragraph (one is opened if need be). */
  const inlineSink = (): ParagraphChild[] => {
    const top = stack[stack.length - 1];
    if (top?.kind === 'inline' || top?.kind === 'paragraph') return top.children;
    // Text straight inside a cell or an unknown block: give it a paragraph of its own.
    const frame: ParagraphFrame = { kind: 'paragraph', node: { type: 'implicit', version: 1 }, options: {}, children: [] };
    stack.push(frame);
    return frame.children;
  };
  const closeImplicit = () => {
    const top = stack[stack.length - 1];
    if (top?.kind === 'paragraph' && top.node.type === 'implicit') {
      stack.pop();
      emit(new Paragraph({ ...top.options, children: top.children }));
    }
  };
  const paragraphFrame = (node: SerializedNode, options: ParagraphFrame['options']): ParagraphFrame => ({
    kind: 'paragraph',
    node,
    options,
    children: [],
  });

  visitDocument(content.root as SerializedNode, {
    enterBlock(node) {
      if (inCitation > 0 || node.type === CITATION_TYPE) {
        if (node.type === CITATION_TYPE && inCitation === 0) inlineSink().push(citationChild(node, context));
        inCitation++;
        return;
      }
      closeImplicit();
      switch (node.type) {
        case 'paragraph':
          stack.push(paragraphFrame(node, {}));
          return;
        case 'heading': {
          const tag = typeof node.tag === 'string' ? node.tag : 'h1';
          stack.push(paragraphFrame(node, { heading: headingLevel(context.sectionLevel + Number(tag.slice(1) || 1)) }));
          return;
        }
        case 'quote':
          stack.push(paragraphFrame(node, { style: QUOTE_STYLE }));
          return;
        case STATEMENT_NODE_TYPES.questionForPeers:
          stack.push(paragraphFrame(node, { style: QUESTION_STYLE }));
          return;
        case 'list': {
          const outer = nearest('list');
          const ordered = node.listType === 'number';
          const headline = outer?.headline ?? nearest('other')?.node.type === STATEMENT_NODE_TYPES.headlineStatements;
          stack.push({
            kind: 'list',
            node,
            reference: ordered ? NUMBERED_LIST : BULLET_LIST,
            instance: context.nextListInstance(),
            level: outer ? outer.level + 1 : 0,
            headline,
          });
          return;
        }
        case 'listitem': {
          const list = nearest('list');
          stack.push(
            paragraphFrame(node, {
              numbering: list
                ? { reference: list.reference, level: Math.min(list.level, 8), instance: list.instance }
                : undefined,
              style: list?.headline ? HEADLINE_STYLE : undefined,
            }),
          );
          return;
        }
        case 'table':
          stack.push({ kind: 'table', node, rows: [] });
          return;
        case 'tablerow':
          stack.push({ kind: 'row', node, cells: [], header: false });
          return;
        case 'tablecell':
          stack.push({ kind: 'cell', node, blocks: [] });
          return;
        case STATEMENT_NODE_TYPES.recommendationsTable:
          // The block saves no copy of the register: the table is the register at export time.
          for (const block of context.recommendationsTable?.(typeof node.source === 'string' ? node.source : null) ?? []) emit(block);
          stack.push({ kind: 'other', node });
          return;
        case 'image': {
          const image = imageChild(node, context);
          if (image) emit(new Paragraph({ children: [image] }));
          stack.push({ kind: 'other', node });
          return;
        }
        default:
          // The statement's own containers (headline statements) and unknown blocks: their
          // children are written as they come; text straight inside gets a paragraph (inlineSink).
          stack.push({ kind: 'other', node });
      }
    },
    leaveBlock(node) {
      if (inCitation > 0) {
        inCitation--;
        return;
      }
      closeImplicit();
      const frame = stack.pop();
      if (!frame || frame.node !== node) throw new Error('The document walk and the exporter lost step.');
      switch (frame.kind) {
        case 'paragraph': {
          // A list item that only holds a nested list has no line of its own.
          if (frame.node.type === 'listitem' && frame.children.length === 0) return;
          emit(new Paragraph({ ...frame.options, children: frame.children }));
          return;
        }
        case 'cell': {
          const row = nearest('row');
          const headerState = typeof node.headerState === 'number' ? node.headerState : 0;
          if (row && (headerState & 1) !== 0) row.header = true;
          const blocks = frame.blocks.length > 0 ? frame.blocks : [new Paragraph({})];
          row?.cells.push(
            new TableCell({
              children: blocks,
              shading: (headerState & 1) !== 0 ? { type: 'clear', fill: 'DCE4F0', color: 'auto' } : undefined,
            }),
          );
          return;
        }
        case 'row': {
          const table = nearest('table');
          // A header row repeats at the top of every page the table runs onto.
          const isHeader = frame.header && table !== undefined && table.rows.length === 0;
          table?.rows.push(new TableRow({ children: frame.cells, tableHeader: isHeader || undefined, cantSplit: true }));
          return;
        }
        case 'table':
          if (frame.rows.length > 0) {
            emit(new Table({ rows: frame.rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
            // Word needs a paragraph between two tables, and it spaces the table from what follows.
            emit(new Paragraph({}));
          }
          return;
        default:
          return;
      }
    },
    enterInline(node) {
      if (inCitation > 0 || node.type === CITATION_TYPE) {
        if (node.type === CITATION_TYPE && inCitation === 0) inlineSink().push(citationChild(node, context));
        inCitation++;
        return;
      }
      inlineSink();
      stack.push({ kind: 'inline', node, children: [] });
    },
    leaveInline(node) {
      if (inCitation > 0) {
        inCitation--;
        return;
      }
      const frame = stack.pop();
      if (!frame || frame.kind !== 'inline') throw new Error('The document walk and the exporter lost step.');
      const url = typeof node.url === 'string' ? node.url : '';
      const sink = inlineSink();
      if ((node.type === 'link' || node.type === 'autolink') && /^(https?:|mailto:)/i.test(url)) {
        sink.push(
          new ExternalHyperlink({
            link: url,
            children: frame.children.map((child) => (child instanceof TextRun ? child : child)),
          }),
        );
      } else {
        sink.push(...frame.children);
      }
    },
    text(node: SerializedTextNode) {
      if (inCitation > 0) return;
      if (node.type === CITATION_TYPE) {
        inlineSink().push(citationChild(node, context));
        return;
      }
      if (node.type === 'tab') {
        inlineSink().push(new TextRun({ children: ['\t'] }));
        return;
      }
      const inLink = stack[stack.length - 1]?.kind === 'inline';
      const run = inLink ? linkRun(node) : textRun(node, node.text);
      inlineSink().push(run);
    },
    leaf(node, text) {
      if (inCitation > 0) return;
      if (node.type === CITATION_TYPE) inlineSink().push(citationChild(node, context));
      else if (node.type === 'linebreak') inlineSink().push(new TextRun({ break: 1 }));
      else if (node.type === 'image') {
        const image = imageChild(node, context);
        if (image) inlineSink().push(image);
      }
      else if (text !== '') inlineSink().push(new TextRun({ text }));
    },
  });
  closeImplicit();
  return out;
}

/** Link text in Word's Hyperlink character style (underlined, in the link colour). */
function linkRun(node: SerializedTextNode): TextRun {
  const format = typeof node.format === 'number' ? node.format : 0;
  return new TextRun({ text: node.text, style: 'Hyperlink', bold: (format & BOLD) !== 0 || undefined });
}
