import { z } from 'zod';
import { TemplateInfoSchema, TemplateListSchema } from '../schemas/template';
import { none, type HandlersOf } from './common';

/** Templates: the built-in ones, and the user's templates folder. */
export const templatesContract = {
  'templates-list': { input: none, output: TemplateListSchema },
  /** Chooses the folder templates are loaded from and saved to; null goes back to the default. */
  'templates-set-folder': {
    input: z.object({ folder: z.string().trim().min(1, 'Choose a folder.').max(4096).nullable() }),
    output: TemplateListSchema,
  },
  /** Saves the open assessment's structure (sections, targets, guidance; no content) as a template. */
  'template-save-current': {
    input: z.object({
      name: z.string().trim().min(1, 'Give the template a name.').max(200),
      description: z.string().trim().max(2000).optional(),
    }),
    output: TemplateInfoSchema,
  },
} as const;

export type TemplatesHandlers = HandlersOf<typeof templatesContract>;
