import { z } from 'zod';
import { WordTargetSchema } from '../schemas/assessment';
import { EditorStateSchema } from '../schemas/lexical';
import {
  DeletedSectionSchema,
  SectionIdSchema,
  SectionSchema,
  SectionSummarySchema,
  SectionTitleSchema,
} from '../schemas/section';
import { none, type HandlersOf } from './common';

/** Sections: the binder, their text, the bin, word targets and the council's own focus areas. */
export const sectionsContract = {
  'sections-list': { input: none, output: z.array(SectionSummarySchema) },
  'section-get': { input: z.object({ id: SectionIdSchema }), output: SectionSchema },
  'section-save-content': {
    input: z.object({
      id: SectionIdSchema,
      content: EditorStateSchema,
      /** The section's revision this text was based on; refused as 'stale' when it is older. */
      baseRevision: z.number().int().nonnegative().optional(),
    }),
    output: z.object({
      id: SectionIdSchema,
      wordCount: z.number().int(),
      revision: z.number().int(),
      updatedAt: z.string(),
    }),
  },
  'section-add': {
    input: z.object({
      parentId: SectionIdSchema,
      title: SectionTitleSchema,
      /** Position among the new siblings; at the end when absent. */
      index: z.number().int().nonnegative().optional(),
    }),
    output: SectionSummarySchema,
  },
  'section-rename': {
    input: z.object({ id: SectionIdSchema, title: SectionTitleSchema }),
    output: SectionSummarySchema,
  },
  'section-move': {
    input: z.object({
      id: SectionIdSchema,
      /** null for top level: only focus areas go there, between the themes and the documents chapter. */
      parentId: SectionIdSchema.nullable(),
      index: z.number().int().nonnegative(),
    }),
    output: z.array(SectionSummarySchema),
  },
  /** Moves the section (and its subsections) to the bin; `section-restore` undoes it. */
  'section-delete': {
    input: z.object({ id: SectionIdSchema }),
    output: z.object({ id: SectionIdSchema, deletedIds: z.array(SectionIdSchema) }),
  },
  'section-restore': { input: z.object({ id: SectionIdSchema }), output: z.array(SectionSummarySchema) },
  /** What is in the bin ("Recently deleted"), newest first; each can be restored until the bin is emptied. */
  'sections-deleted-list': { input: none, output: z.array(DeletedSectionSchema) },
  /** Removes everything in the bin for good, leaving no trace of its text in the file. */
  'sections-bin-empty': { input: none, output: z.object({ removed: z.number().int().nonnegative() }) },

  'section-set-word-target': {
    input: z.object({ id: SectionIdSchema, wordTarget: WordTargetSchema }),
    output: SectionSummarySchema,
  },
  /** A council's own focus area: a top-level chapter placed after the five themes. */
  'focus-area-add': {
    input: z.object({ title: SectionTitleSchema }),
    output: SectionSummarySchema,
  },
} as const;

export type SectionsHandlers = HandlersOf<typeof sectionsContract>;
