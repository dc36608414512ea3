import { ExtractionError, type EvidenceKind } from './types';

const BY_EXTENSION: Record<string, EvidenceKind> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  pptx: 'pptx',
  html: 'html',
  htm: 'html',
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
};

const LABELS: Record<EvidenceKind, string> = {
  pdf: 'a PDF',
  docx: 'a Word document',
  xlsx: 'an Excel workbook',
  pptx: 'a PowerPoint presentation',
  html: 'a web page',
  text: 'a text file',
  markdown: 'a Markdown file',
};

export const SUPPORTED_TYPES_SENTENCE = 'PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), web pages (.html), text (.txt) and Markdown (.md)';

/** The kind a file name promises, or a clear refusal for a type we do not read. */
export function kindFromName(fileName: string): EvidenceKind {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName);
  const kind = match ? BY_EXTENSION[match[1]!.toLowerCase()] : undefined;
  if (!kind) {
    throw new ExtractionError(`This type of file cannot be added as evidence. The library takes ${SUPPORTED_TYPES_SENTENCE}.`);
  }
  return kind;
}

/** What the first bytes say the file really is. */
function sniff(head: Uint8Array): 'pdf' | 'zip' | 'text' | 'binary' {
  const ascii = Buffer.from(head.subarray(0, 1024)).toString('latin1');
  // A PDF may have a little junk before its header; readers accept it within the first 1 KB.
  if (ascii.includes('%PDF-')) return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  // Text: no NUL bytes (UTF-16 text files are rare enough to refuse clearly).
  return head.subarray(0, 8192).includes(0) ? 'binary' : 'text';
}

/**
 * Checks that the content matches the extension (a .pdf that is really a zip, an .exe renamed .docx),
 * so each file goes to the reader built for it. Which Office format a zip really holds is checked
 * by its reader, from the parts inside.
 */
export function checkContentMatchesName(kind: EvidenceKind, head: Uint8Array): void {
  const actual = sniff(head);
  const expected = kind === 'pdf' ? 'pdf' : kind === 'docx' || kind === 'xlsx' || kind === 'pptx' ? 'zip' : 'text';
  if (head.length === 0) throw new ExtractionError('The file is empty.');
  if (actual !== expected) {
    throw new ExtractionError(`The file’s name says it is ${LABELS[kind]}, but its content is not. It may be damaged or renamed.`);
  }
}
