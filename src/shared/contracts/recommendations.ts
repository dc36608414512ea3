import { z } from 'zod';
import { EditorStateSchema } from '../schemas/lexical';
import { SectionIdSchema } from '../schemas/section';
import { FileRefSchema } from './files';

/**
 * The register of recommendations from earlier challenges (issue #11): the list, its import
 * (plan, then apply once the user has confirmed what was recognised), progress updates, links to
 * the sections and evidence that answer each one, and the traceability view with its gaps.
 */

export const RECOMMENDATION_STATUSES = ['not-started', 'in-progress', 'complete', 'superseded'] as const;
export const RecommendationStatusSchema = z.enum(RECOMMENDATION_STATUSES);
export type RecommendationStatus = z.infer<typeof RecommendationStatusSchema>;

/** Words for each status: the UI shows these beside the colour, never the colour alone. */
export const RECOMMENDATION_STATUS_WORDS: Record<RecommendationStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Complete',
  superseded: 'Superseded',
};

export const RecommendationIdSchema = z.string().min(1).max(100);
export const EvidenceItemIdSchema = z.string().min(1, 'Choose an evidence item.').max(200);
export const RecommendationSourceSchema = z
  .string()
  .trim()
  .min(1, 'Say where the recommendations come from, for example “2022 progress review”.')
  .max(200, 'Keep the source under 200 characters.');
export const RecommendationLabelSchema = z
  .string()
  .trim()
  .min(1, 'Give the recommendation a label, such as A or 1.')
  .max(20, 'Keep the label short, such as A or 1.');
export const RecommendationTextSchema = z
  .string()
  .trim()
  .min(1, 'Write the recommendation’s text.')
  .max(4000, 'A recommendation can be up to 4,000 characters.');
const OwnerSchema = z.string().trim().max(200, 'Keep the owner under 200 characters.');
/** A calendar date, YYYY-MM-DD. */
const TargetDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the target date as a date, such as 2026-03-31.')
  .refine((value) => {
    // Date.parse rolls 31 February over into March, so the date must come back as it went in.
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'That target date is not a real date.');
const ThemeKeySchema = z.string().trim().min(1).max(100);

export const LinkedSectionSchema = z.object({
  sectionId: SectionIdSchema,
  title: z.string(),
  /** Linked by hand (true), or only referenced inline in the text (false). */
  linked: z.boolean(),
  /** Referenced inline with a recommendation reference. */
  referenced: z.boolean(),
  verifiedAt: z.string().nullable(),
  /** Verified, and the section's text has changed since. */
  changedSinceVerified: z.boolean(),
});

export const LinkedEvidenceSchema = z.object({
  evidenceItemId: EvidenceItemIdSchema,
  /** The evidence item's title, when the evidence register knows it. */
  title: z.string().nullable(),
  /** Cited (a citation node of this item) in a section that addresses the recommendation. */
  cited: z.boolean(),
  verifiedAt: z.string().nullable(),
  changedSinceVerified: z.boolean(),
});

export const RecommendationSchema = z.object({
  id: RecommendationIdSchema,
  source: z.string(),
  label: z.string(),
  text: z.string(),
  themeKey: z.string().nullable(),
  status: RecommendationStatusSchema,
  owner: z.string(),
  targetDate: z.string().nullable(),
  progress: EditorStateSchema,
  position: z.number().int().nonnegative(),
  revision: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sections: z.array(LinkedSectionSchema),
  evidence: z.array(LinkedEvidenceSchema),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const GAP_KINDS = ['not-addressed', 'no-evidence', 'evidence-never-cited'] as const;
export const GapKindSchema = z.enum(GAP_KINDS);
export type GapKind = z.infer<typeof GapKindSchema>;

export const TraceabilityRowSchema = z.object({
  recommendation: RecommendationSchema,
  /** The theme set on the recommendation and the chapters of the sections that address it. */
  themeKeys: z.array(z.string()),
  gaps: z.array(GapKindSchema),
  /** Plain words for each gap, for the view, the CLI and the CSV. */
  gapMessages: z.array(z.string()),
  changedSinceVerified: z.boolean(),
});
export type TraceabilityRow = z.infer<typeof TraceabilityRowSchema>;

export const TraceabilityFilterSchema = z
  .object({
    status: z.array(RecommendationStatusSchema).optional(),
    themeKey: ThemeKeySchema.optional(),
    owner: z.string().trim().max(200).optional(),
  })
  .strict();
export type TraceabilityFilter = z.infer<typeof TraceabilityFilterSchema>;

export const CoverageSummarySchema = z.object({
  total: z.number().int(),
  /** Superseded ones are not expected to be addressed and are not counted as gaps. */
  considered: z.number().int(),
  addressed: z.number().int(),
  withEvidence: z.number().int(),
  gaps: z.record(GapKindSchema, z.number().int()),
  changedSinceVerified: z.number().int(),
});
export type CoverageSummary = z.infer<typeof CoverageSummarySchema>;

export const TraceabilitySchema = z.object({
  rows: z.array(TraceabilityRowSchema),
  summary: CoverageSummarySchema,
});
export type Traceability = z.infer<typeof TraceabilitySchema>;

export const ImportProblemSchema = z.object({
  code: z.enum(['empty', 'none-found', 'duplicate-labels', 'too-many', 'too-long', 'already-in-register']),
  message: z.string(),
});

export const ImportItemSchema = z.object({ label: RecommendationLabelSchema, text: RecommendationTextSchema });

export const ImportPlanSchema = z.object({
  source: z.string(),
  /** The heading the list was found under, or null when the whole text was the list. */
  heading: z.string().nullable(),
  items: z.array(
    z.object({
      label: z.string(),
      text: z.string(),
      /** Already in the register with this source and label: left as it is, progress and all. */
      existing: z.boolean(),
    }),
  ),
  /** Problems that stop the list being saved; empty when it can be. */
  problems: z.array(ImportProblemSchema),
});
export type ImportPlan = z.infer<typeof ImportPlanSchema>;

const none = z.object({}).strict();

export const recommendationsContract = {
  'recommendations-list': { input: none, output: z.array(RecommendationSchema) },
  /** Reads a pasted list or a report's text; saves nothing. */
  'recommendations-import-plan': {
    input: z.object({
      source: RecommendationSourceSchema,
      text: z.string().max(5_000_000, 'That text is too long to read for recommendations.'),
      /** 'document': a whole report, where only a list under a recommendations heading counts. */
      from: z.enum(['paste', 'document']).default('paste'),
    }),
    output: ImportPlanSchema,
  },
  /**
   * Reads a feedback report (DOCX, PDF or text; `transport.fileRef(file)` in the renderer) and
   * plans its import as `recommendations-import-plan` does; saves nothing.
   */
  'recommendations-import-plan-file': {
    input: z.object({
      source: RecommendationSourceSchema,
      file: FileRefSchema,
      /** The name the user knows the file by (an upload's temporary file has another); for messages. */
      fileName: z.string().trim().min(1).max(255).optional(),
    }),
    output: ImportPlanSchema.extend({ fileName: z.string(), kind: z.enum(['docx', 'pdf', 'text']) }),
  },
  /** Saves the items the user confirmed, all or none, in one transaction. */
  'recommendations-import-apply': {
    input: z.object({ source: RecommendationSourceSchema, items: z.array(ImportItemSchema).max(200) }),
    output: z.object({ added: z.array(RecommendationSchema), skipped: z.array(z.string()) }),
  },
  'recommendation-add': {
    input: z.object({
      source: RecommendationSourceSchema,
      label: RecommendationLabelSchema,
      text: RecommendationTextSchema,
      themeKey: ThemeKeySchema.nullable().optional(),
    }),
    output: RecommendationSchema,
  },
  'recommendation-update': {
    input: z.object({
      id: RecommendationIdSchema,
      /** The revision this change was based on; refused as 'stale' when the stored one is newer. */
      baseRevision: z.number().int().nonnegative().optional(),
      source: RecommendationSourceSchema.optional(),
      label: RecommendationLabelSchema.optional(),
      text: RecommendationTextSchema.optional(),
      themeKey: ThemeKeySchema.nullable().optional(),
      status: RecommendationStatusSchema.optional(),
      owner: OwnerSchema.optional(),
      targetDate: TargetDateSchema.nullable().optional(),
      progress: EditorStateSchema.optional(),
      /** Moves it to this place in the register (0-based). */
      position: z.number().int().nonnegative().optional(),
    }),
    output: RecommendationSchema,
  },
  /** Soft: `recommendation-restore` brings it back with its progress update and links. */
  'recommendation-delete': { input: z.object({ id: RecommendationIdSchema }), output: z.object({ id: RecommendationIdSchema }) },
  'recommendation-restore': { input: z.object({ id: RecommendationIdSchema }), output: RecommendationSchema },
  'recommendation-link': {
    input: z.union([
      z.object({ id: RecommendationIdSchema, sectionId: SectionIdSchema }).strict(),
      z.object({ id: RecommendationIdSchema, evidenceItemId: EvidenceItemIdSchema }).strict(),
    ]),
    output: RecommendationSchema,
  },
  'recommendation-unlink': {
    input: z.union([
      z.object({ id: RecommendationIdSchema, sectionId: SectionIdSchema }).strict(),
      z.object({ id: RecommendationIdSchema, evidenceItemId: EvidenceItemIdSchema }).strict(),
    ]),
    output: RecommendationSchema,
  },
  /** Someone checked the link: remembers the section's revision (or the evidence's hash) now. */
  'recommendation-verify': {
    input: z.union([
      z.object({ id: RecommendationIdSchema, sectionId: SectionIdSchema }).strict(),
      z.object({ id: RecommendationIdSchema, evidenceItemId: EvidenceItemIdSchema }).strict(),
    ]),
    output: RecommendationSchema,
  },
  'recommendations-traceability': { input: TraceabilityFilterSchema, output: TraceabilitySchema },
  /** The traceability matrix as CSV (RFC 4180, CRLF line ends), with the same filters. */
  'recommendations-export-csv': {
    input: TraceabilityFilterSchema,
    output: z.object({ csv: z.string(), fileName: z.string() }),
  },
} as const;
