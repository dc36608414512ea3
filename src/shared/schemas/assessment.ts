import { z } from 'zod';
import { CHALLENGE_KINDS } from '../constants';

export const ChallengeKindSchema = z.enum(CHALLENGE_KINDS);
export type ChallengeKind = z.infer<typeof ChallengeKindSchema>;

/** An absolute or relative path on the machine that runs the core. */
export const FilePathSchema = z.string().trim().min(1, 'Choose where to save the file.').max(4096);

/** ISO calendar date (yyyy-mm-dd). */
export const IsoDateSchema = z.iso.date();

export const CouncilNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter the name of the council.')
  .max(200, 'Keep the council name under 200 characters.');

export const CreateAssessmentInputSchema = z.object({
  path: FilePathSchema,
  councilName: CouncilNameSchema,
  /** The kind of challenge; the template's kind when not given. */
  kind: ChallengeKindSchema.optional(),
  visitDate: IsoDateSchema.nullable().default(null),
  /** A template from `templates-list` (built-in or from the templates folder). */
  templateId: z.string().min(1).max(100).default('cpc-2024'),
});
export type CreateAssessmentInput = z.input<typeof CreateAssessmentInputSchema>;

/** A word target: a whole number of words, or null for none. */
export const WordTargetSchema = z
  .number()
  .int('A word target is a whole number of words.')
  .positive('A word target must be more than nought.')
  .max(1_000_000, 'That word target is larger than any statement could need.')
  .nullable();

export const UpdateAssessmentInputSchema = z.object({
  councilName: CouncilNameSchema.optional(),
  /** The word target for the whole statement. */
  wordTarget: WordTargetSchema.optional(),
  kind: ChallengeKindSchema.optional(),
  visitDate: IsoDateSchema.nullable().optional(),
});

/** What the UI needs to show about the open assessment. */
/**
 * Why an assessment was opened for reading only, with the message to show. Somebody else has it
 * open (lockedBy says who; stale: true when they seem to have gone and "Take over" may be offered),
 * or the file or its folder cannot be written to.
 */
export const ReadOnlyStateSchema = z.object({
  reason: z.enum(['open-elsewhere', 'read-only-file', 'read-only-folder']),
  message: z.string(),
  lockedBy: z
    .object({ machine: z.string(), user: z.string(), since: z.string(), stale: z.boolean() })
    .optional(),
});
export type ReadOnlyState = z.infer<typeof ReadOnlyStateSchema>;

export const AssessmentSummarySchema = z.object({
  path: z.string(),
  fileName: z.string(),
  councilName: z.string(),
  kind: ChallengeKindSchema,
  visitDate: IsoDateSchema.nullable(),
  templateId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  schemaVersion: z.number().int(),
  /** The section the user was last in, so reopening puts them back there. */
  lastSectionId: z.string().nullable(),
  /** The word target for the whole statement, from the template unless changed; null for none. */
  wordTarget: z.number().int().positive().nullable(),
  /**
   * Made fresh each time the file is opened. A browser tab sends it with every call, so a call
   * meant for an assessment that another tab has since replaced is refused, never misapplied.
   */
  sessionId: z.string(),
  /**
   * Set when opening brought a file from an earlier version up to date: says so, and where the
   * copy of it as it was is kept. Absent otherwise.
   */
  upgradeNotice: z.string().optional(),
  /** Set when the assessment is open for reading only (see ReadOnlyStateSchema); null or absent otherwise. */
  readOnly: ReadOnlyStateSchema.nullable().optional(),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummarySchema>;

export const RecentFileSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  councilName: z.string().nullable(),
  openedAt: z.string(),
  /** False when the file has since been moved or deleted. */
  exists: z.boolean(),
});
export type RecentFile = z.infer<typeof RecentFileSchema>;
