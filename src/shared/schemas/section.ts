import { z } from 'zod';
import { MAX_TITLE_LENGTH } from '../constants';
import { EditorStateSchema } from './lexical';

/**
 * What a section is in the binder.
 * - front-matter, introduction, theme, documents: the fixed top-level chapters of a statement.
 * - focus-area: a council's own extra theme, after the five core themes.
 * - subsection: anything the team adds inside a chapter (or the template adds as a default).
 */
export const SECTION_KINDS = [
  'front-matter',
  'introduction',
  'theme',
  'focus-area',
  'documents',
  'subsection',
] as const;
export const SectionKindSchema = z.enum(SECTION_KINDS);
export type SectionKind = z.infer<typeof SectionKindSchema>;

export const SectionIdSchema = z.string().min(1).max(64);

export const SectionTitleSchema = z
  .string()
  .trim()
  .min(1, 'Give the section a title.')
  .max(MAX_TITLE_LENGTH, `Keep the title under ${MAX_TITLE_LENGTH} characters.`);

/** A section as listed in the binder: no content. */
export const SectionSummarySchema = z.object({
  id: SectionIdSchema,
  parentId: SectionIdSchema.nullable(),
  /** Order among siblings, 0-based and contiguous. */
  position: z.number().int().nonnegative(),
  /** Depth in the binder: 0 for top-level chapters. */
  depth: z.number().int().nonnegative(),
  kind: SectionKindSchema,
  /** Stable key from the template (e.g. "theme.governance"), null for user-added sections. */
  templateKey: z.string().nullable(),
  title: z.string(),
  /** Fixed chapters cannot be deleted, moved or given a parent. */
  fixed: z.boolean(),
  /** Words in this section's own text. */
  wordCount: z.number().int().nonnegative(),
  /** Words in this section and all its subsections: what a chapter's target is measured against. */
  totalWordCount: z.number().int().nonnegative(),
  /** How many words the team aims for (for the section with its subsections); null for no target. */
  wordTarget: z.number().int().positive().nullable(),
  updatedAt: z.string(),
});
export type SectionSummary = z.infer<typeof SectionSummarySchema>;

/** Writing guidance for a section, from its template. Shown beside the editor, never exported. */
export const SectionGuidanceSchema = z.object({
  /** The questions the peers will ask, in our own words. */
  questions: z.array(z.string()),
  tips: z.array(z.string()),
});
export type SectionGuidance = z.infer<typeof SectionGuidanceSchema>;

/** A section with its content, for the editor. */
export const SectionSchema = SectionSummarySchema.extend({
  guidance: SectionGuidanceSchema.nullable(),
  content: EditorStateSchema,
  /** Increases with every content save; lets the editor spot a stale write. */
  revision: z.number().int().nonnegative(),
});
export type Section = z.infer<typeof SectionSchema>;

/** A section in the bin: deleted (with its subsections, counted here) and not yet emptied away. */
export const DeletedSectionSchema = z.object({
  id: SectionIdSchema,
  title: z.string(),
  /** The section it was inside, or null for a focus area. */
  parentTitle: z.string().nullable(),
  deletedAt: z.string(),
  /** Sections that went with it (its subsections), not counting itself. */
  subsectionCount: z.number().int().nonnegative(),
  /** Words in it and its subsections. */
  wordCount: z.number().int().nonnegative(),
});
export type DeletedSection = z.infer<typeof DeletedSectionSchema>;
