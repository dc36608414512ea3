import { z } from 'zod';
import { AssessmentSummarySchema, CreateAssessmentInputSchema, FilePathSchema } from '../schemas/assessment';
import { SECTION_KINDS } from '../schemas/section';
import { FileRefSchema } from './files';

/**
 * Import from Word (File › Import from Word; `pcs import-statement`), and a new assessment from a
 * previous one. Planning reads the document and proposes where each of its top-level headings
 * goes; nothing is written until `import-statement-apply`, with the user's changes to the mapping.
 */

/** Where a top-level part of the Word document goes. `ref` names a chapter: its template key, or its id. */
export const ImportTargetSchema = z.discriminatedUnion('kind', [
  /** The part is the chapter: its text opens the chapter, its subheadings become the chapter's subsections. */
  z.object({ kind: z.literal('chapter'), ref: z.string().min(1).max(100) }),
  /** The part becomes one subsection of the chapter (its subheadings, subsections of that). */
  z.object({ kind: z.literal('subsection'), ref: z.string().min(1).max(100) }),
  /** The part becomes a focus area of its own, after the themes. */
  z.object({ kind: z.literal('focus-area') }),
]);
export type ImportTarget = z.infer<typeof ImportTargetSchema>;

export const ImportSplitModeSchema = z.enum(['headings', 'bold-lines', 'single']);
export type ImportSplitMode = z.infer<typeof ImportSplitModeSchema>;

export const ImportChapterSchema = z.object({ ref: z.string(), kind: z.enum(SECTION_KINDS), title: z.string() });

export const ImportPartSchema = z.object({
  index: z.number().int().nonnegative(),
  /** The heading as the document has it ("" for the text before the first heading). */
  title: z.string(),
  hasHeading: z.boolean(),
  /** What the importer proposes, and how sure it is (1: the same words). */
  proposed: ImportTargetSchema,
  confidence: z.number().min(0).max(1),
  /** Its subheadings, which become subsections. */
  subsections: z.array(z.string()),
  /** Short bullets straight under the heading: the theme's headline statements, if the part is a theme. */
  headlineStatements: z.array(z.string()),
  words: z.number().int().nonnegative(),
});
export type ImportPart = z.infer<typeof ImportPartSchema>;

export const EvidencePlaceholderSchema = z.object({ number: z.string(), letter: z.string().nullable(), title: z.string() });
export const RecommendationInDocumentSchema = z.object({ label: z.string(), text: z.string() });

export const ImportPlanSchema = z.object({
  fileName: z.string(),
  /** The document's SHA-256, so applying can tell the file changed since the plan was shown. */
  sha256: z.string(),
  mode: ImportSplitModeSchema,
  /** How the document can be cut: by headings, or (when it has none) on bold lines or as one section. */
  modes: z.array(ImportSplitModeSchema),
  chapters: z.array(ImportChapterSchema),
  parts: z.array(ImportPartSchema),
  /** The key and background documents list: evidence placeholders waiting for their files. */
  keyDocuments: z.array(EvidencePlaceholderSchema),
  /** The previous challenge's recommendations found in the document, for the register (confirmed first). */
  recommendations: z.array(RecommendationInDocumentSchema),
  /** False for a document that does not look like a position statement (a letter, say). */
  looksLikeStatement: z.boolean(),
  warnings: z.array(z.string()),
});
export type ImportPlanSummary = z.infer<typeof ImportPlanSchema>;

export const ImportMappingOverrideSchema = z.object({ index: z.number().int().nonnegative(), target: ImportTargetSchema });
export type ImportMappingOverride = z.infer<typeof ImportMappingOverrideSchema>;

export const ImportResultSchema = z.object({
  chaptersFilled: z.number().int().nonnegative(),
  sectionsCreated: z.number().int().nonnegative(),
  focusAreasCreated: z.number().int().nonnegative(),
  keyDocuments: z.array(EvidencePlaceholderSchema),
  recommendations: z.array(RecommendationInDocumentSchema),
  /** Evidence placeholders added to the library (when asked for). */
  placeholdersAdded: z.number().int().nonnegative().default(0),
  /** Recommendations added to the register (when asked for); those already there are left as they are. */
  recommendationsAdded: z.number().int().nonnegative().default(0),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

const DocxPathSchema = z.string().trim().min(1, 'Choose a Word document to import.').max(4096);

/**
 * The Word document: a path (the CLI, Electron) or a FileRef (`transport.fileRef(file)`: browser
 * mode's upload, which the web layer swaps for its temporary file's path), with the user's own
 * file name for messages, since an upload's temporary file has none.
 */
const DocxSourceShape = {
  path: DocxPathSchema.optional(),
  file: FileRefSchema.optional(),
  fileName: z.string().trim().min(1).max(255).optional(),
};
const NEEDS_DOCUMENT = { message: 'Choose a Word document to import.', path: ['path'] };
const hasDocument = (input: { path?: string; file?: unknown }) => input.path !== undefined || input.file !== undefined;

export const ImportStatementPlanInputSchema = z
  .object({ ...DocxSourceShape, mode: ImportSplitModeSchema.optional() })
  .refine(hasDocument, NEEDS_DOCUMENT);

export const ImportStatementApplyInputSchema = z
  .object({
    ...DocxSourceShape,
    mode: ImportSplitModeSchema.optional(),
    overrides: z.array(ImportMappingOverrideSchema).max(10_000).default([]),
    /** The plan's sha256: refused if the document changed since the plan was shown. */
    sha256: z.string().max(64).optional(),
    /** The key documents list becomes evidence placeholders: only when the user ticked it. */
    includeKeyDocuments: z.boolean().default(false),
    /** The recommendations found go to the register: only when the user ticked it. */
    includeRecommendations: z.boolean().default(false),
  })
  .refine(hasDocument, NEEDS_DOCUMENT);
export type ImportStatementApplyInput = z.output<typeof ImportStatementApplyInputSchema>;

export const importContract = {
  /** Reads a Word statement and proposes a mapping for the open assessment. Writes nothing. */
  'import-statement-plan': { input: ImportStatementPlanInputSchema, output: ImportPlanSchema },
  /** Imports it into the open assessment with the user's changes to the mapping: all or nothing. */
  'import-statement-apply': { input: ImportStatementApplyInputSchema, output: ImportResultSchema },
  /**
   * A new assessment from a previous one: its structure and text, its evidence library and its
   * recommendations (as earlier recommendations); statuses, comments and verdicts cleared.
   */
  'import-previous-assessment': {
    input: CreateAssessmentInputSchema.omit({ templateId: true }).extend({ previousPath: FilePathSchema }),
    output: AssessmentSummarySchema,
  },
} as const;
