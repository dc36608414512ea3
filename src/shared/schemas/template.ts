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
  sections: z.array(TemplateSectionSchema).min(1),
});
export type Template = z.infer<typeof TemplateSchema>;
