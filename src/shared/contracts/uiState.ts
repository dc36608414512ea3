import { z } from 'zod';
import { SectionIdSchema } from '../schemas/section';
import { ok, type HandlersOf } from './common';

/** Where the user was (the last section open), kept in the file; not an edit of their work. */
export const uiStateContract = {
  'ui-state-set': { input: z.object({ lastSectionId: SectionIdSchema.nullable() }), output: ok },
} as const;

export type UiStateHandlers = HandlersOf<typeof uiStateContract>;
