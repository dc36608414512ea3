import { z } from 'zod';

export const FindOptionsSchema = z.object({
  query: z.string().min(1, 'Type something to find.').max(1000),
  matchCase: z.boolean().default(false),
  wholeWord: z.boolean().default(false),
});
export type FindOptions = z.input<typeof FindOptionsSchema>;

export const FindMatchSchema = z.object({
  sectionId: z.string(),
  sectionTitle: z.string(),
  /** How many times the query occurs in this section. */
  count: z.number().int().positive(),
  /** Up to a few short excerpts around the matches, for the results list. */
  snippets: z.array(z.object({ before: z.string(), match: z.string(), after: z.string() })),
});
export type FindMatch = z.infer<typeof FindMatchSchema>;

/** A section whose stored text cannot be read: find and replace-all skip it and name it. */
export const DamagedSectionSchema = z.object({ sectionId: z.string(), sectionTitle: z.string() });
export type DamagedSection = z.infer<typeof DamagedSectionSchema>;

export const FindResultSchema = z.object({
  total: z.number().int().nonnegative(),
  sections: z.array(FindMatchSchema),
  /** Sections that were not searched because their text is damaged (restore them from a backup). */
  damagedSections: z.array(DamagedSectionSchema).default([]),
});
export type FindResult = z.infer<typeof FindResultSchema>;

export const ReplaceAllInputSchema = FindOptionsSchema.extend({
  replacement: z.string().max(10000),
  /** Limit to one section; all sections when absent. */
  sectionId: z.string().optional(),
});
export type ReplaceAllInput = z.input<typeof ReplaceAllInputSchema>;

export const ReplaceAllResultSchema = z.object({
  replaced: z.number().int().nonnegative(),
  sectionIds: z.array(z.string()),
  /** Hands the replace to `statement-replace-undo`; null when nothing was replaced. */
  undoId: z.string().nullable(),
  /** Sections left unchanged because their text is damaged. */
  damagedSections: z.array(DamagedSectionSchema).default([]),
});
export type ReplaceAllResult = z.infer<typeof ReplaceAllResultSchema>;

export const ReplaceUndoInputSchema = z.object({ undoId: z.string().min(1).max(100) });

export const ReplaceUndoResultSchema = z.object({
  /** Sections put back as they were before the replace. */
  restoredSectionIds: z.array(z.string()),
  /** Sections written to since the replace: left as they are, so the later writing is kept. */
  changedSince: z.array(z.object({ sectionId: z.string(), sectionTitle: z.string() })),
});
export type ReplaceUndoResult = z.infer<typeof ReplaceUndoResultSchema>;
