import { z } from 'zod';
import { FilePathSchema } from '../schemas/assessment';
import { SectionIdSchema } from '../schemas/section';
import { BlobCapabilitySchema, FileRefSchema } from './files';
import { none, ok } from './common';

/**
 * Export: the statement as a Word document for the peers, and the evidence pack (a ZIP of every
 * evidence file named by its key-document number). `export-plan` says what to warn about before
 * anything is written; the two exports are long operations the job lane wraps with progress and
 * Cancel.
 */
export const ExportWarningSchema = z.object({
  kind: z.enum(['image-without-alt-text', 'image-missing', 'heading-level-skipped']),
  sectionTitle: z.string(),
  message: z.string(),
});
export type ExportWarning = z.infer<typeof ExportWarningSchema>;

export const ExportDocxOptionsSchema = z.object({
  /** Where the .docx goes; written to a temporary file beside it and renamed at the end. */
  outPath: FilePathSchema,
  /** The sections to export (each with its subsections); the whole statement when absent or empty. */
  sectionIds: z.array(SectionIdSchema).max(1000).optional(),
  /** A "DRAFT" watermark on every page. */
  draft: z.boolean().optional(),
  /** A council's Word template (.docx or .dotx) whose styles the document takes (the CLI's `--template`). */
  templatePath: FilePathSchema.optional(),
  /**
   * The same, chosen in the Export dialog: a file reference (a path in the desktop app, an upload
   * in browser mode) and the name the user knows it by, for messages about it.
   */
  template: z.object({ file: FileRefSchema, name: z.string().trim().min(1).max(255) }).optional(),
  /** A logo for the cover page (PNG or JPEG). */
  logoPath: FilePathSchema.optional(),
});
export type ExportDocxOptions = z.infer<typeof ExportDocxOptionsSchema>;

export const ExportDocxResultSchema = z.object({
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  headingCount: z.number().int().nonnegative(),
  warnings: z.array(ExportWarningSchema),
});

export const exportContract = {
  /**
   * The Export dialog is open: get ready, so that choosing Export starts at once (the core starts
   * the worker that packs the document and has it load the Word library meanwhile).
   */
  'export-prepare': { input: none, output: ok },
  /** What exporting these sections would warn about (pictures without alt text, skipped heading levels). */
  'export-plan': {
    input: z.object({ sectionIds: z.array(SectionIdSchema).max(1000).optional() }),
    output: z.object({
      title: z.string(),
      sectionCount: z.number().int().nonnegative(),
      warnings: z.array(ExportWarningSchema),
    }),
  },
  'export-docx': { input: ExportDocxOptionsSchema, output: ExportDocxResultSchema },
  'export-evidence-pack': {
    input: z.object({ outPath: FilePathSchema }),
    output: z.object({ path: z.string(), fileCount: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }),
  },
  /**
   * Browser mode: a short-lived address (`/blob/<capability>`) from which the browser downloads
   * what a finished export job wrote on the server's computer. Named by the job, never by a
   * path, so it cannot be used to read any other file. (The job id's pattern is repeated from
   * jobs.ts, which imports this file.)
   */
  'export-download-link': {
    input: z.object({ jobId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'That job is not known.') }),
    output: BlobCapabilitySchema.extend({ fileName: z.string() }),
  },
} as const;
