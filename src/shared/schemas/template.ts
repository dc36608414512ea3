import { z } from 'zod';
import { SectionKindSchema } from './section';

/**
 * A statement template: the binder's starting structure, as data in `templates/`.
 * Guidance and word targets are optional now and filled in by the templates issue.
 */
export interface TemplateSection {
  key: string;
  kind: z.infer<typeof SectionKindSchema>;
  title: string;
  fixed?: boolean;
  guidance?: { questions?: string[]; tips?: string[] };
  wordTarget?: number;
  children?: TemplateSection[];
}

export const TemplateSectionSchema: z.ZodType<TemplateSection> = z.lazy(() =>
  z.object({
    key: z.string().min(1).max(100),
    kind: SectionKindSchema,
    title: z.string().min(1).max(200),
    fixed: z.boolean().optional(),
    guidance: z
      .object({
        questions: z.array(z.string()).optional(),
        tips: z.array(z.string()).optional(),
      })
      .optional(),
    wordTarget: z.number().int().positive().optional(),
    children: z.array(TemplateSectionSchema).optional(),
  }),
) as z.ZodType<TemplateSection>;

export const TemplateSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  kind: z.enum(['full', 'progress']),
  version: z.number().int().positive(),
  /** Word target for the whole statement. */
  wordTarget: z.number().int().positive().optional(),
  sections: z.array(TemplateSectionSchema).min(1),
});
export type Template = z.infer<typeof TemplateSchema>;

/** A template as offered in the create dialog. */
export const TemplateInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  kind: z.enum(['full', 'progress']),
  source: z.enum(['built-in', 'folder']),
  /** The template's file, for templates from the templates folder. */
  file: z.string().nullable(),
});
export type TemplateInfo = z.infer<typeof TemplateInfoSchema>;

/** A template file in the folder that could not be used, and why (naming the field). */
export const TemplateProblemSchema = z.object({ file: z.string(), message: z.string() });

export const TemplateListSchema = z.object({
  templates: z.array(TemplateInfoSchema),
  /** The folder templates are loaded from and saved to. */
  folder: z.string(),
  problems: z.array(TemplateProblemSchema),
});
export type TemplateList = z.infer<typeof TemplateListSchema>;
