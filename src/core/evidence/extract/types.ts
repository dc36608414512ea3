/** What an extractor can read, decided from the file's name and checked against its bytes. */
export type EvidenceKind = 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'html' | 'text' | 'markdown';

/** What a page number means for this kind of file: a PDF page, a sheet, a slide, or a part of flowing text. */
export type LocatorKind = 'page' | 'sheet' | 'slide' | 'part';

/** The text of one file, as the worker hands it back. */
export interface ExtractedDocument {
  kind: EvidenceKind;
  mime: string;
  /** From the document's properties or its first heading; null when it has neither. */
  title: string | null;
  locatorKind: LocatorKind;
  /** Text per page (sheet, slide, part), in order; page n is pages[n - 1]. */
  pages: string[];
}

/**
 * A file that cannot be read, with a reason a person can act on (no file name: the caller adds it).
 * `storable` says the file may still be kept in the library without text (nothing failed but the
 * reading); a refused file (wrong type, too large, a zip bomb) is not stored.
 */
export class ExtractionError extends Error {
  constructor(
    message: string,
    readonly storable = false,
  ) {
    super(message);
    this.name = 'ExtractionError';
  }
}

/** Limits on what extraction will take on, so one bad file cannot exhaust the machine. */
export interface ExtractionLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest total a zip container (DOCX, XLSX, PPTX) may inflate to, in bytes. */
  maxUnzippedBytes: number;
  /** Most entries a zip container may hold. */
  maxZipEntries: number;
  /** Time allowed per file before its worker is stopped, in milliseconds. */
  timeoutMs: number;
  /** Heap allowed to the worker, in megabytes. */
  maxHeapMb: number;
  /** Most pages (sheets, slides, parts) read from one file. */
  maxPages: number;
}

export const DEFAULT_LIMITS: ExtractionLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxUnzippedBytes: 250 * 1024 * 1024,
  maxZipEntries: 20_000,
  timeoutMs: 120_000,
  maxHeapMb: 768,
  maxPages: 10_000,
};

export const MIME_TYPES: Record<EvidenceKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  html: 'text/html',
  text: 'text/plain',
  markdown: 'text/markdown',
};
