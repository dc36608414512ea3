import { z } from 'zod';

/**
 * What every domain's contract file uses: the small shared schemas and the type that turns a
 * contract table into the handler table that implements it. Kept apart from `../contract.ts` so
 * the domain files can import it without importing the composition root that imports them.
 */

/** A method that takes no arguments. */
export const none = z.object({}).strict();
/** A method that returns nothing but success. */
export const ok = z.object({ ok: z.literal(true) });

export type ContractTable = Record<string, { input: z.ZodType; output: z.ZodType }>;

/** A handler table derived from a contract table: what each end of the bridge implements. */
export type HandlersOf<T extends ContractTable> = {
  [K in keyof T]: (args: z.output<T[K]['input']>) => Promise<z.output<T[K]['output']>>;
};
