import { z } from 'zod';
import { FilePathSchema } from '../schemas/assessment';
import { EvidenceAddResultSchema } from '../schemas/evidence';
import { FileRefSchema } from './files';
import { ImportResultSchema, ImportStatementApplyInputSchema } from './import';
import { exportContract } from './export';

/**
 * The job lane: long work (saving a clean copy, a full integrity check, and later evidence
 * extraction, export and Word import) runs as a job that reports progress and can be cancelled.
 *
 * Adding a job kind is one line here (its input and result) and one line in the core's registry
 * (src/core/jobs/jobRegistry.ts). Both bridges carry the same `JobEvent`s: IPC events in
 * Electron, a streamed response from `GET /api-events` in browser mode.
 */
const SaveCopyInputSchema = z.object({
  /** Where the copy goes; must not exist yet. */
  path: FilePathSchema,
});
const SaveCopyOutputSchema = z.object({ path: z.string(), bytes: z.number().int().nonnegative() });

/** Files to add to the evidence library, each with the name the user knows it by (an upload's temporary file has none). */
const EvidenceAddFilesInputSchema = z.object({
  files: z.array(z.object({ file: FileRefSchema, name: z.string().trim().min(1).max(255) })).min(1).max(1000),
});

const FullCheckOutputSchema = z.object({ ok: z.boolean(), problems: z.array(z.string()) });

export const jobContract = {
  'assessment-save-copy': { input: SaveCopyInputSchema, output: SaveCopyOutputSchema },
  'assessment-check-full': { input: z.object({}).strict(), output: FullCheckOutputSchema },
  'evidence-add': { input: EvidenceAddFilesInputSchema, output: EvidenceAddResultSchema },
  'import-statement-apply': { input: ImportStatementApplyInputSchema, output: ImportResultSchema },
  'export-docx': exportContract['export-docx'],
  'export-evidence-pack': exportContract['export-evidence-pack'],
} as const;

export type JobContract = typeof jobContract;
export type JobKind = keyof JobContract;
export const JOB_KINDS = Object.keys(jobContract) as JobKind[];
export type JobInput<K extends JobKind> = z.output<JobContract[K]['input']>;
export type JobOutput<K extends JobKind> = z.output<JobContract[K]['output']>;

export const JobIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'That job is not known.');

export const JobProgressSchema = z.object({
  /** What is happening, in words a user can read ("Copying", "Compacting the copy"). */
  step: z.string().max(200),
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
});
export type JobProgress = z.infer<typeof JobProgressSchema>;

export const JOB_STATES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export const JobStateSchema = z.enum(JOB_STATES);
export type JobState = z.infer<typeof JobStateSchema>;

export const JobEventSchema = z.object({
  jobId: JobIdSchema,
  kind: z.enum(JOB_KINDS as [JobKind, ...JobKind[]]),
  state: JobStateSchema,
  progress: JobProgressSchema,
  /** Only when done: the kind's output (checked against `jobContract[kind].output` by the reader). */
  result: z.unknown().optional(),
  /** Only when failed: a message for the user. */
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type JobEvent = z.infer<typeof JobEventSchema>;

export type JobStartInput = { [K in JobKind]: { kind: K; input: z.input<JobContract[K]['input']> } }[JobKind];

/** `{ kind, input }` with the input checked against that kind's own schema. */
export const JobStartInputSchema = z.discriminatedUnion(
  'kind',
  JOB_KINDS.map((kind) => z.object({ kind: z.literal(kind), input: jobContract[kind].input })) as unknown as [
    z.ZodObject<{ kind: z.ZodLiteral<JobKind>; input: z.ZodType }>,
    ...Array<z.ZodObject<{ kind: z.ZodLiteral<JobKind>; input: z.ZodType }>>,
  ],
) as unknown as z.ZodType<JobStartInput, JobStartInput>;

export const jobsContract = {
  'job-start': { input: JobStartInputSchema, output: z.object({ jobId: JobIdSchema }) },
  'job-cancel': { input: z.object({ jobId: JobIdSchema }), output: z.object({ ok: z.literal(true) }) },
  'job-status': { input: z.object({ jobId: JobIdSchema }), output: JobEventSchema },
} as const;
