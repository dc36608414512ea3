import { z } from 'zod';
import {
  AssessmentSummarySchema,
  CreateAssessmentInputSchema,
  FilePathSchema,
  RecentFileSchema,
  UpdateAssessmentInputSchema,
} from '../schemas/assessment';
import { none, ok, type HandlersOf } from './common';

/** The assessment file: creating, opening and closing it, and the recent files list. */
export const assessmentContract = {
  'assessment-create': { input: CreateAssessmentInputSchema, output: AssessmentSummarySchema },
  'assessment-open': {
    // takeOver: replace a stale lock left by another computer (the user chose "Take over").
    input: z.object({ path: FilePathSchema, takeOver: z.boolean().optional() }),
    output: AssessmentSummarySchema,
  },
  'assessment-current': { input: none, output: AssessmentSummarySchema.nullable() },
  'assessment-update': { input: UpdateAssessmentInputSchema, output: AssessmentSummarySchema },
  'assessment-close': { input: none, output: ok },

  // --- recent files (kept per machine, not in the assessment) ---
  'recent-list': { input: none, output: z.array(RecentFileSchema) },
  'recent-forget': { input: z.object({ path: FilePathSchema }), output: ok },
} as const;

export type AssessmentHandlers = HandlersOf<typeof assessmentContract>;
