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
  KeyDocumentSchema,
  SearchHitSchema,
} from '../schemas/evidence';

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
} as const;
