import { z } from 'zod';
import {
  EvidenceAddInputSchema,
  EvidenceAddLinkInputSchema,
  EvidenceAddResultSchema,
  EvidenceDeleteInputSchema,
  EvidenceDeleteResultSchema,
  EvidenceIdSchema,
  EvidenceItemSchema,
  EvidenceCitationSchema,
  EvidenceSearchInputSchema,
  EvidenceTextSchema,
  EvidenceUpdateInputSchema,
  EvidenceOriginalCopySchema,
  EvidenceReorderInputSchema,
  SectionCitedItemSchema,
  KeyDocumentSchema,
  SearchHitSchema,
} from '../schemas/evidence';

import { SectionIdSchema } from '../schemas/section';
import { FileRefSchema } from './files';

const none = z.object({}).strict();

/**
 * The evidence library: files and web links kept in the assessment, their text, search over
 * them and the statement, and the key documents list. `evidence-add` takes paths for now; it
 * becomes a job (progress, Cancel) when the job lane lands.
 */
export const evidenceContract = {
  'evidence-add': { input: EvidenceAddInputSchema, output: EvidenceAddResultSchema },
  'evidence-add-link': { input: EvidenceAddLinkInputSchema, output: EvidenceItemSchema },
  'evidence-list': { input: none, output: z.array(EvidenceItemSchema) },
  'evidence-update': { input: EvidenceUpdateInputSchema, output: EvidenceItemSchema },
  'evidence-delete': { input: EvidenceDeleteInputSchema, output: EvidenceDeleteResultSchema },
  'evidence-citations': { input: z.object({ id: EvidenceIdSchema }), output: z.array(EvidenceCitationSchema) },
  'evidence-search': { input: EvidenceSearchInputSchema, output: z.array(SearchHitSchema) },
  'evidence-get-text': {
    input: z.object({ id: EvidenceIdSchema, fromPage: z.number().int().min(1).optional(), toPage: z.number().int().min(1).optional() }),
    output: EvidenceTextSchema,
  },
  'evidence-key-documents': { input: none, output: z.array(KeyDocumentSchema) },
  /** Stores a file into an item that has none (a placeholder from an imported key documents list): its number stays. */
  'evidence-attach-file': { input: z.object({ id: EvidenceIdSchema, file: FileRefSchema }), output: EvidenceItemSchema },
  /** Sets the key documents list's order (the numbers citations show follow it). */
  'evidence-reorder': { input: EvidenceReorderInputSchema, output: z.array(KeyDocumentSchema) },
  /** The evidence a section cites (each item once, with its number and how often), from its saved text. */
  'evidence-section-citations': { input: z.object({ sectionId: SectionIdSchema }), output: z.array(SectionCitedItemSchema) },
  /** Writes a read-only copy of an item's original file to a temporary folder, for the system's own app. */
  'evidence-original-copy': { input: z.object({ id: EvidenceIdSchema }), output: EvidenceOriginalCopySchema },
} as const;
