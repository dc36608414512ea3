import fs from 'node:fs/promises';
import path from 'node:path';
import {
  AlignmentType,
  Bookmark,
  Document,
  Footer,
  Header,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import JSZip from 'jszip';
import { AppError } from '../../../shared/errors';
import type { ExportDocxOptions, ExportWarning } from '../../../shared/contracts/export';
import type { OpenAssessment } from '../../assessment/openAssessment';
import { checkAborted, type ExportRun } from '../exportRun';
import { contentToDocx, type Block, type ExportImage } from './contentToDocx';
import { readBlob } from '../../blobs/blobStore';
import { sniffImage } from '../../images/imageInfo';
import { headingLevel } from './headingLevels';
import { COVER_SUBTITLE_STYLE, COVER_TITLE_STYLE, HEADING_COLOUR, HOUSE_FONT, houseNumbering, houseStyles, stylesWithTemplate } from './houseStyle';
import { hasRecommendationsTableBlock, planExport, type ExportPlan } from './planExport';
import { visitDocument } from '../../../document/visitor';
import { STATEMENT_NODE_TYPES } from '../../../document/nodeTypes';
import type { SerializedNode } from '../../../shared/schemas/lexical';

/**
 * File → Export to Word, and `pcs export --docx`: the statement as a council document for the
 * peers. Cover page, contents, the sections in binder order (titles as Word headings by depth,
 * their text through the document layer's walk), the key documents with the bookmarks citations
 * link to, a header with the title and "Page X of Y" below.
 *
 * A long operation: it reports progress per section, stops when `signal` aborts, and writes to a
 * temporary file renamed into place at the end, so a cancelled or failed export leaves nothing.
 */


/** An entry in "Key and background documents": what citations link to. */
export interface KeyDocument {
  /** Null on a family's heading line ("6. Budget and Budget Monitoring Report"), which nothing cites. */
  itemId: string | null;
  /** "6a" */
  number: string;
  title: string;
}

/** A line of the recommendations table in the introduction. */
export interface RecommendationRow {
  /** Where it came from ("2022 progress review"): a table block may show one source only. */
  source?: string;
  label: string;
  text: string;
  /** In words ("In progress"). */
  status: string;
  /** The progress update as plain text. */
  progress: string;
}

export interface ExportSources {
  /** The evidence library's key documents list (src/core/evidence keyDocumentsList). */
  keyDocuments?: readonly KeyDocument[];
  /** The recommendations register, written as a table at the end of the introduction. */
  recommendations?: readonly RecommendationRow[];
}

export interface ExportDocxResult {
  path: string;
  bytes: number;
  headingCount: number;
  warnings: ExportWarning[];
}


/** A bookmark name Word accepts: letters, digits and underscores, starting with a letter, at most 40. */
export function keyDocumentBookmark(itemId: string): string {
  return `kd_${itemId.replace(/[^A-Za-z0-9_]/g, '_')}`.slice(0, 40);
}

/** `shownName`: the name the user knows the file by (a browser upload's own file name is meaningless). */
async function readTemplateStyles(templatePath: string, shownName = path.basename(templatePath)): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await fs.readFile(templatePath));
  } catch {
    throw new AppError(
      'invalid-input',
      `“${shownName}” is not a Word document or template (.docx or .dotx), so its styles could not be used.`,
    );
  }
  const styles = await zip.file('word/styles.xml')?.async('string').catch(() => undefined);
  // A damaged styles part would otherwise fail deep inside the writer with no useful message.
  if (!styles || !/<w:styles[\s>]/.test(styles)) {
    throw new AppError('invalid-input', `“${shownName}” has no styles to take, so it cannot be used as the council's template.`);
  }
  return styles;
}

function logoRun(data: Buffer, fileName: string): ImageRun {
  const type = /\.png$/i.test(fileName) ? 'png' : /\.jpe?g$/i.test(fileName) ? 'jpg' : null;
  if (!type) throw new AppError('invalid-input', 'Choose a PNG or JPEG picture for the logo.');
  return new ImageRun({
    type,
    data,
    transformation: { width: 180, height: 90 },
    altText: { name: 'Council logo', description: 'Council logo', title: 'Council logo' },
  });
}

function coverPage(plan: ExportPlan, logo: ImageRun | null, draft: boolean): FileChild[] {
  const children: FileChild[] = [];
  if (logo) children.push(new Paragraph({ children: [logo] }));
  children.push(
    new Paragraph({ style: COVER_TITLE_STYLE, children: [new TextRun(plan.title)] }),
    new Paragraph({ style: COVER_SUBTITLE_STYLE, children: [new TextRun({ text: plan.councilName, bold: true })] }),
    new Paragraph({ style: COVER_SUBTITLE_STYLE, children: [new TextRun(plan.dateText)] }),
  );
  if (draft) children.push(new Paragraph({ style: COVER_SUBTITLE_STYLE, children: [new TextRun({ text: 'Draft', bold: true })] }));
  children.push(new Paragraph({ children: [new PageBreak()] }));
  return children;
}

function contentsPage(): FileChild[] {
  return [
    // Not a Heading style, so "Contents" does not list itself; still bold and large.
    new Paragraph({
      children: [new TextRun({ text: 'Contents', bold: true, size: 40, color: HEADING_COLOUR, font: HOUSE_FONT })],
      spacing: { after: 240 },
    }),
    // Filled in from the headings as it is written (linked to each heading), and marked to
    // update when Word opens the file, which writes the page numbers.
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-3' }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

function keyDocumentsTable(documents: readonly KeyDocument[]): Block[] {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['No.', 'Document'].map(
      (label) =>
        new TableCell({
          shading: { type: 'clear', fill: 'DCE4F0', color: 'auto' },
          children: [new Paragraph({ children: [new TextRun({ text: label, bold: true })] })],
        }),
    ),
  });
  const rows = documents.map((d) => {
    // A family's heading line is bold and has no bookmark (nothing cites the family itself);
    // its lettered members below it carry the bookmarks citations link to.
    const family = d.itemId === null;
    const numberRun = new TextRun({ text: d.number, bold: family || undefined });
    return new TableRow({
      cantSplit: true,
      children: [
        new TableCell({
          width: { size: 12, type: WidthType.PERCENTAGE },
          children: [
            new Paragraph({
              children: [d.itemId ? new Bookmark({ id: keyDocumentBookmark(d.itemId), children: [numberRun] }) : numberRun],
            }),
          ],
        }),
        new TableCell({
          children: [new Paragraph({ indent: /[a-z]$/.test(d.number) ? { left: 284 } : undefined, children: [new TextRun({ text: d.title, bold: family || undefined })] })],
        }),
      ],
    });
  });
  return [new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } }), new Paragraph({})];
}

function headerCell(label: string): TableCell {
  return new TableCell({
    shading: { type: 'clear', fill: 'DCE4F0', color: 'auto' },
    children: [new Paragraph({ children: [new TextRun({ text: label, bold: true })] })],
  });
}

/**
 * The previous challenge's recommendations and where each stands: where a recommendations table
 * block stands in the text, or (a statement without the block) at the end of the introduction.
 * The header row repeats at the top of each page the table runs onto.
 */
export function recommendationsTable(recommendations: readonly RecommendationRow[], source: string | null = null): Block[] {
  if (source !== null) recommendations = recommendations.filter((r) => r.source === source);
  if (recommendations.length === 0) return [];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['', 'Recommendation', 'Status', 'Progress'].map(headerCell),
  });
  const rows = recommendations.map(
    (r) =>
      new TableRow({
        children: [
          new TableCell({ width: { size: 6, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [new TextRun({ text: r.label, bold: true })] })] }),
          new TableCell({ width: { size: 40, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [new TextRun(r.text)] })] }),
          new TableCell({ width: { size: 14, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [new TextRun(r.status)] })] }),
          new TableCell({
            width: { size: 40, type: WidthType.PERCENTAGE },
            children: (r.progress ? r.progress.split(/\n+/) : ['']).map((line) => new Paragraph({ children: [new TextRun(line)] })),
          }),
        ],
      }),
  );
  return [
    new Paragraph({
      children: [new TextRun({ text: source === null ? 'Recommendations from our last peer challenge' : `Recommendations: ${source}`, bold: true })],
      spacing: { before: 240, after: 120 },
    }),
    new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } }),
    new Paragraph({}),
  ];
}

/** What the export will write, read from the assessment (the only step that needs its database). */
export function planStatementDocx(open: OpenAssessment, options: Pick<ExportDocxOptions, 'sectionIds'>, sources: ExportSources = {}): PackPlan {
  const plan = planExport(open, {
    sectionIds: options.sectionIds,
    hasKeyDocuments: (sources.keyDocuments ?? []).length > 0,
    hasRecommendations: (sources.recommendations ?? []).length > 0,
  });
  return { ...plan, images: readPictures(open, plan) };
}

/** A plan with the stored pictures' bytes: all the packing step needs, so it can run in a worker thread. */
export type PackPlan = ExportPlan & { images: Record<string, ExportImage> };

/**
 * Every stored picture the planned sections show, read once each on the core's thread (the
 * worker that packs the document has no database). A picture whose bytes are missing or not a
 * picture is left out; the plan's warnings say so before writing.
 */
function readPictures(open: OpenAssessment, plan: ExportPlan): Record<string, ExportImage> {
  const images: Record<string, ExportImage> = {};
  const take = (node: SerializedNode) => {
    if (node.type !== STATEMENT_NODE_TYPES.image || typeof node.blobId !== 'string' || node.blobId === '' || node.blobId in images) return;
    const data = readBlob(open.file.db, node.blobId);
    const sniffed = data ? sniffImage(data) : null;
    if (data && sniffed && 'width' in sniffed) images[node.blobId] = { data, type: sniffed.kind, width: sniffed.width, height: sniffed.height };
  };
  for (const section of plan.sections) visitDocument(section.content.root, { enterBlock: take, leaf: take });
  return images;
}

/** The document, built in memory; `exportStatementDocx` writes it. Exposed for the benchmark. */
export async function buildStatementDocx(
  open: OpenAssessment,
  options: Omit<ExportDocxOptions, 'outPath'>,
  run: ExportRun = {},
  sources: ExportSources = {},
): Promise<{ buffer: Buffer; plan: PackPlan }> {
  const plan = planStatementDocx(open, options, sources);
  return { buffer: await packStatementDocx(plan, options, run, sources), plan };
}

/**
 * Builds the Word document from a plan and packs it. Packing (Packer.toBuffer, which writes the
 * XML and zips it) is most of an export's time: about 30-90 ms of 50-115 ms for the whole 2023
 * statement, against about 10 ms each for the plan and for building the document's objects.
 * Reads nothing from the assessment, so the job lane runs it in a worker thread (../exportWorker.ts).
 */
export async function packStatementDocx(
  plan: PackPlan,
  options: Omit<ExportDocxOptions, 'outPath' | 'sectionIds'>,
  run: ExportRun = {},
  sources: ExportSources = {},
): Promise<Buffer> {
  const keyDocuments = sources.keyDocuments ?? [];
  const total = plan.sections.length + 2;
  run.onProgress?.({ step: 'Preparing', done: 0, total });
  const template = options.templatePath ? stylesWithTemplate(await readTemplateStyles(options.templatePath, options.template?.name)) : undefined;
  const logo = options.logoPath ? logoRun(await fs.readFile(options.logoPath), options.logoPath) : null;

  const recommendations = sources.recommendations ?? [];
  const bookmarks = new Map(keyDocuments.flatMap((d) => (d.itemId ? [[d.itemId, keyDocumentBookmark(d.itemId)] as const] : [])));
  // Citations show the entry's number in the list ("[6a]"), whatever label they were saved with.
  const numbers = new Map(keyDocuments.flatMap((d) => (d.itemId ? [[d.itemId, d.number] as const] : [])));
  // A statement with a recommendations table block gets the table there (each block its own);
  // one without gets it at the end of the introduction, as before the block existed.
  let recommendationsWritten = recommendations.length === 0 || plan.sections.some((s) => hasRecommendationsTableBlock(s.content));
  let listInstance = 0;
  // The pictures' bytes came with the plan (read on the core's thread, once each).
  const imageFor = (blobId: string): ExportImage | undefined => plan.images[blobId];
  const body: FileChild[] = [...coverPage(plan, logo, options.draft === true), ...contentsPage()];
  let firstChapter = true;
  for (const [i, section] of plan.sections.entries()) {
    checkAborted(run.signal);
    if (section.headingLevel > 0) {
      // Each chapter starts on a new page (the contents page ends with its own break).
      const newPage = section.headingLevel === 1 && !firstChapter;
      firstChapter = false;
      body.push(
        new Paragraph({ heading: headingLevel(section.headingLevel), pageBreakBefore: newPage, children: [new TextRun(section.title)] }),
      );
    }
    body.push(
      ...contentToDocx(section.content, {
        sectionLevel: Math.max(section.headingLevel, 1),
        bookmarkFor: (itemId) => bookmarks.get(itemId),
        numberFor: (itemId) => numbers.get(itemId),
        nextListInstance: () => ++listInstance,
        imageFor,
        recommendationsTable: (source) => recommendationsTable(recommendations, source),
      }),
    );
    if (section.kind === 'documents' && keyDocuments.length > 0) body.push(...keyDocumentsTable(keyDocuments));
    if (section.kind === 'introduction' && !recommendationsWritten) {
      body.push(...recommendationsTable(recommendations));
      recommendationsWritten = true;
    }
    run.onProgress?.({ step: `Writing “${section.title}”`, done: i + 1, total });
  }

  const headerChildren = [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: plan.title, size: 18, color: '444444' })],
    }),
  ];
  const document = new Document({
    title: plan.title,
    subject: plan.subject,
    creator: plan.councilName,
    lastModifiedBy: plan.councilName,
    description: `${plan.title}, ${plan.councilName}`,
    externalStyles: template?.externalStyles,
    styles: template?.styles ?? houseStyles(),
    numbering: houseNumbering(),
    features: { updateFields: true },
    sections: [
      {
        properties: {
          titlePage: true,
          // The footer ("Page X of Y") sits 1 cm from the edge, clear of the text above it.
          page: { margin: { top: 1134, bottom: 1418, left: 1134, right: 1134, footer: 567 } },
        },
        headers: {
          // The cover carries no running header, but the watermark goes on it too.
          first: new Header({ children: options.draft ? [new Paragraph({ children: [draftWatermark()] })] : [] }),
          default: new Header({
            children: options.draft ? [...headerChildren, new Paragraph({ children: [draftWatermark()] })] : headerChildren,
          }),
        },
        footers: {
          first: new Footer({ children: [] }),
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 20 }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  checkAborted(run.signal);
  run.onProgress?.({ step: 'Packing the Word file', done: total - 1, total });
  return Packer.toBuffer(document);
}

function draftWatermark(): TextWatermark {
  return new TextWatermark({ text: 'DRAFT', font: HOUSE_FONT, color: 'C0C0C0', opacity: 0.5 });
}

/** How the document is built and packed: here, or in a worker thread (the job lane's choice). */
export type PackDocx = typeof packStatementDocx;

export async function exportStatementDocx(
  open: OpenAssessment,
  options: ExportDocxOptions,
  run: ExportRun = {},
  sources: ExportSources = {},
  pack: PackDocx = packStatementDocx,
): Promise<ExportDocxResult> {
  const plan = planStatementDocx(open, options, sources);
  const buffer = await pack(plan, options, run, sources);
  checkAborted(run.signal);
  const outPath = path.resolve(options.outPath);
  const temp = path.join(path.dirname(outPath), `.${path.basename(outPath)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(temp, buffer);
    checkAborted(run.signal);
    await fs.rename(temp, outPath);
  } catch (error) {
    await fs.rm(temp, { force: true });
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('invalid-input', `The folder “${path.dirname(outPath)}” does not exist. Choose another place to save.`);
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
      throw new AppError('invalid-input', `“${path.basename(outPath)}” could not be written. If it is open in Word, close it and export again.`);
    }
    throw error;
  }
  const total = plan.sections.length + 2;
  run.onProgress?.({ step: 'Done', done: total, total });
  return { path: outPath, bytes: buffer.length, headingCount: plan.headings.length, warnings: plan.warnings };
}
