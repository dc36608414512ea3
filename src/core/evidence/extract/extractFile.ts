import fs from 'node:fs';
import { extractDocx } from './docx';
import { extractHtml } from './html';
import { firstLine } from './parts';
import { extractPdf } from './pdf';
import { extractPptx } from './pptx';
import { checkContentMatchesName, kindFromName } from './sniff';
import { extractText } from './text';
import { ExtractionError, type ExtractedDocument, type ExtractionLimits } from './types';
import { extractXlsx } from './xlsx';

/**
 * Reads one file's text: the name says what it should be, the bytes must agree, then the reader
 * for that kind runs. Runs inside the extraction worker (./runExtraction), never on the window's
 * thread or the core's: a hostile file can hang or bloat only the worker, which is then stopped.
 */
export async function extractFile(filePath: string, fileName: string, limits: ExtractionLimits): Promise<ExtractedDocument> {
  const kind = kindFromName(fileName);
  const size = fs.statSync(filePath).size;
  if (size > limits.maxFileBytes) {
    throw new ExtractionError(`The file is ${formatMb(size)}, larger than the ${formatMb(limits.maxFileBytes)} the library takes.`);
  }
  const data = new Uint8Array(fs.readFileSync(filePath));
  checkContentMatchesName(kind, data.subarray(0, 8192));
  const extracted = await byKind(kind, data, limits);
  // eslint-disable-next-line no-control-regex -- NUL bytes from extractors are stripped on purpose.
  const pages = extracted.pages.map((p) => p.replace(/\u0000/g, ''));
  return { ...extracted, pages, title: extracted.title ?? firstLine(pages.join('\n')) };
}

function byKind(kind: ExtractedDocument['kind'], data: Uint8Array, limits: ExtractionLimits): Promise<ExtractedDocument> {
  switch (kind) {
    case 'pdf':
      return extractPdf(data, limits);
    case 'docx':
      return extractDocx(data, limits);
    case 'xlsx':
      return extractXlsx(data, limits);
    case 'pptx':
      return extractPptx(data, limits);
    case 'html':
      return extractHtml(data, limits);
    case 'text':
    case 'markdown':
      return extractText(data, limits, kind);
  }
}

/** "2 KB", "3.5 MB": sizes as a person reads them. */
export function formatMb(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
