import {
  FindOptionsSchema,
  FindResultSchema,
  ReplaceAllInputSchema,
  ReplaceAllResultSchema,
  ReplaceUndoInputSchema,
  ReplaceUndoResultSchema,
} from '../schemas/search';
import type { HandlersOf } from './common';

/** Find and replace across the whole statement. */
export const searchContract = {
  'statement-find': { input: FindOptionsSchema, output: FindResultSchema },
  'statement-replace-all': { input: ReplaceAllInputSchema, output: ReplaceAllResultSchema },
  /** Undoes one replace (all its sections in one step), given the `undoId` it returned. */
  'statement-replace-undo': { input: ReplaceUndoInputSchema, output: ReplaceUndoResultSchema },
} as const;

export type SearchHandlers = HandlersOf<typeof searchContract>;
