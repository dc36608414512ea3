import { z } from 'zod';

/** The kinds of evidence the key documents list and filters know. */
export const EvidenceTypeSchema = z.enum(['strategy', 'plan', 'report', 'policy', 'data', 'minutes', 'other']);
export type EvidenceType = z.infer<typeof EvidenceTypeSchema>;

export const EvidenceIdSchema = z.string().min(1).max(100);

/** Whether the item's text could be read: 'no-text' is a scanned PDF or an empty file, kept but not searchable. */
export const TextStatusSchema = z.enum(['ok', 'no-text', 'failed', 'pending']);

/** What a page number means for the item: a PDF page, a sheet, a slide, or a part of flowing text. */
export const LocatorKindSchema = z.enum(['page', 'sheet', 'slide', 'part']);

const shortText = (max: number) => z.string().trim().max(max);

export const EvidenceItemSchema = z.object({
  id: EvidenceIdSchema,
  title: z.string(),
  type: EvidenceTypeSchema,
  /** ISO date (yyyy-mm-dd) or null. */
  date: z.string().nullable(),
  owner: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  notes: z.string(),
  /** Items with the same family number together as 11a, 11b…; the family name heads them. */
  family: z.string().nullable(),
  /** The user's place for it in the key documents list; null: order of first citation. */
  keyOrder: z.number().int().nullable(),
  /** Null for a web link. */
  fileName: z.string().nullable(),
  mime: z.string().nullable(),
  size: z.number().int(),
  /** SHA-256 of the stored file; null for a web link. */
  hash: z.string().nullable(),
  addedAt: z.string(),
  pageCount: z.number().int(),
  locatorKind: LocatorKindSchema,
  textStatus: TextStatusSchema,
  /** Why the text is missing, for the user ("No text found…"). */
  message: z.string().nullable(),
});
export type EvidenceItem = z.infer<typeof EvidenceItemSchema>;

const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2024-03-31.');
const UrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => /^https?:\/\/[^\s]+$/i.test(u), 'Enter a web address starting with https:// or http://.');

export const EvidenceAddInputSchema = z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(1000) });

export const EvidenceAddResultSchema = z.object({
  added: z.array(EvidenceItemSchema),
  /** Files already in the library: the same content is kept once. */
  duplicates: z.array(z.object({ fileName: z.string(), existingId: EvidenceIdSchema, message: z.string() })),
  /** Files that could not be added, each with a message naming it. */
  failed: z.array(z.object({ fileName: z.string(), message: z.string() })),
});
export type EvidenceAddResult = z.infer<typeof EvidenceAddResultSchema>;

export const EvidenceAddLinkInputSchema = z.object({
  title: shortText(300).min(1, 'Give the link a title.'),
  url: UrlSchema,
  /** When the page was seen. */
  date: IsoDateSchema.nullable().optional(),
  type: EvidenceTypeSchema.optional(),
});

export const EvidenceUpdateInputSchema = z.object({
  id: EvidenceIdSchema,
  title: shortText(300).min(1, 'The title cannot be empty.').optional(),
  type: EvidenceTypeSchema.optional(),
  date: IsoDateSchema.nullable().optional(),
  owner: shortText(200).nullable().optional(),
  sourceUrl: UrlSchema.nullable().optional(),
  notes: shortText(20_000).optional(),
  family: shortText(300).nullable().optional(),
  keyOrder: z.number().int().nonnegative().nullable().optional(),
});
export type EvidenceUpdate = z.infer<typeof EvidenceUpdateInputSchema>;

/** A place in the statement that cites an item. */
export const EvidenceCitationSchema = z.object({
  sectionId: z.string(),
  sectionTitle: z.string(),
  locator: z.string().nullable(),
  quote: z.string().nullable(),
});
export type EvidenceCitation = z.infer<typeof EvidenceCitationSchema>;

export const EvidenceDeleteInputSchema = z.object({
  id: EvidenceIdSchema,
  /** Delete even though the statement cites it (the user has seen the citations and agreed). */
  evenIfCited: z.boolean().optional(),
});
export const EvidenceDeleteResultSchema = z.discriminatedUnion('deleted', [
  z.object({ deleted: z.literal(true) }),
  /** Not deleted: it is cited here; ask the user, then call again with evenIfCited. */
  z.object({ deleted: z.literal(false), citations: z.array(EvidenceCitationSchema) }),
]);

/** Part of a snippet: matched words are `match: true`, to be highlighted. */
export const SnippetPartSchema = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPartSchema>;

export const SearchHitSchema = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('evidence'),
    itemId: EvidenceIdSchema,
    title: z.string(),
    page: z.number().int(),
    locatorKind: LocatorKindSchema,
    snippet: z.array(SnippetPartSchema),
    /** bm25: lower is better. */
    score: z.number(),
  }),
  z.object({
    source: z.literal('statement'),
    sectionId: z.string(),
    title: z.string(),
    snippet: z.array(SnippetPartSchema),
    score: z.number(),
  }),
]);
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const EvidenceSearchInputSchema = z.object({
  query: z.string().max(500),
  limit: z.number().int().min(1).max(200).optional(),
  /** Search the evidence only, the statement only, or both (the default). */
  scope: z.enum(['all', 'evidence', 'statement']).optional(),
});

export const EvidenceTextSchema = z.object({
  itemId: EvidenceIdSchema,
  pageCount: z.number().int(),
  pages: z.array(
    z.object({
      page: z.number().int(),
      /** The text as extracted and indexed. */
      text: z.string(),
      /** The same words for reading: a PDF's printed lines joined into paragraphs (see core/evidence/readingText). */
      paragraphs: z.array(z.string()),
    }),
  ),
});

/** One line of the "Key and background documents" list. */
export const KeyDocumentSchema = z.object({
  /** "6" or "6a". */
  label: z.string(),
  number: z.number().int(),
  letter: z.string().nullable(),
  /** Null on a family's heading line ("6. Budget and Budget Monitoring Report"). */
  itemId: EvidenceIdSchema.nullable(),
  title: z.string(),
});
export type KeyDocument = z.infer<typeof KeyDocumentSchema>;

/** One item a section cites, for the section's "Evidence cited here" list. */
export const SectionCitedItemSchema = z.object({
  itemId: EvidenceIdSchema,
  /** Its number in the key documents list ("6a"); null when the item is no longer in the library. */
  label: z.string().nullable(),
  /** Null when the item is no longer in the library (deleted after it was cited). */
  title: z.string().nullable(),
  /** How many citations of it the section has. */
  count: z.number().int().min(1),
});
export type SectionCitedItem = z.infer<typeof SectionCitedItemSchema>;

/** The key documents list in the user's order: every item id, in the order they are to be numbered. */
export const EvidenceReorderInputSchema = z.object({ itemIds: z.array(EvidenceIdSchema).min(1).max(10_000) });

/** A copy of an item's original file, written for the system's own app to open. */
export const EvidenceOriginalCopySchema = z.object({ path: z.string(), fileName: z.string() });
