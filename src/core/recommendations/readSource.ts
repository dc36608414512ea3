import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';

/**
 * The text of a feedback report or earlier statement, for the recommendations parser: DOCX
 * (mammoth's raw text: one paragraph per line, a blank line between paragraphs), PDF (pdfjs-dist,
 * lines rebuilt from the text positions, with a blank line where the gap between lines shows a
 * new paragraph) or plain text. The heavy libraries are loaded only when a file of theirs comes.
 */

export type SourceKind = 'docx' | 'pdf' | 'text';

/** How long operations report progress and are cancelled (the job lane wraps these). */
export interface OperationOptions {
  onProgress?: (progress: { step: string; done: number; total: number }) => void;
  signal?: AbortSignal;
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('invalid-input', 'Reading the report was cancelled. Nothing was saved.');
}

/** The largest report read; real feedback reports are well under 20 MB. */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;

export function sourceKind(fileName: string, bytes: Uint8Array): SourceKind {
  // The content decides first: a report saved with the wrong extension still reads.
  if (bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx') return 'docx';
  return 'text';
}

function unreadable(name: string, kind: string): AppError {
  return new AppError('invalid-input', `“${name}” could not be read as a ${kind}. It may be damaged, password-protected or not a ${kind} at all. Nothing was saved.`);
}

export async function readDocxText(bytes: Uint8Array, name = 'The document'): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return result.value;
  } catch (error) {
    throw Object.assign(unreadable(name, 'Word document'), { cause: error });
  }
}

interface PdfTextItem {
  str: string;
  transform: number[];
  height: number;
  hasEOL?: boolean;
}

export async function readPdfText(bytes: Uint8Array, name = 'The document', options: OperationOptions = {}): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // A copy: pdf.js takes ownership of (detaches) the buffer it is given. pdf.js 6 never compiles
  // code from a PDF (no eval option left to set); fonts and XFA stay off, nothing is fetched.
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, enableXfa: false, verbosity: 0 });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    throw Object.assign(unreadable(name, 'PDF'), { cause: error });
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      checkAborted(options.signal);
      options.onProgress?.({ step: 'Reading the PDF', done: n - 1, total: pdf.numPages });
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(pageText(content.items.flatMap((item) => ('str' in item ? [item] : []))));
      page.cleanup();
    }
    return pages.join('\n\n');
  } finally {
    await task.destroy();
  }
}

/** Rebuilds lines from text items (same baseline = same line) and marks paragraph gaps with a blank line. */
export function pageText(items: readonly PdfTextItem[]): string {
  const lines: Array<{ y: number; height: number; text: string }> = [];
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - y) < Math.max(2, last.height * 0.4)) last.text += item.str;
    else if (item.str.trim() !== '' || last === undefined) lines.push({ y, height: item.height || 10, text: item.str });
  }
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const previous = lines[i - 1];
    // Lines in a paragraph are about 1.2 line heights apart; a paragraph break leaves more.
    if (previous && previous.y - line.y > Math.max(previous.height, line.height) * 1.75) out.push('');
    out.push(line.text.trim());
  }
  return out.join('\n');
}

/**
 * The text of the file at `filePath` (standard input, '-', is read by the caller). Only reads, so
 * cancelling (`signal`) at any point leaves the assessment exactly as it was.
 */
export async function readSourceFile(
  filePath: string,
  options: OperationOptions & { /** What the user calls it (an upload's temporary file has another name). */ fileName?: string } = {},
): Promise<{ text: string; kind: SourceKind }> {
  checkAborted(options.signal);
  const name = options.fileName ?? path.basename(filePath);
  let bytes: Buffer;
  try {
    const stat = fs.statSync(filePath);
    if (!stat.isFile()) throw new AppError('invalid-input', `“${name}” is a folder, not a file.`);
    if (stat.size > MAX_SOURCE_BYTES) {
      throw new AppError('invalid-input', `“${name}” is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB, too large to read for recommendations.`);
    }
    bytes = fs.readFileSync(filePath);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('not-found', `“${name}” could not be found or read.`, { cause: error });
  }
  const kind = sourceKind(name, bytes);
  let text: string;
  if (kind === 'docx') text = await readDocxText(bytes, name);
  else if (kind === 'pdf') text = await readPdfText(bytes, name, options);
  else text = bytes.toString('utf8');
  checkAborted(options.signal);
  options.onProgress?.({ step: 'Read', done: 1, total: 1 });
  return { text, kind };
}
