import { z } from 'zod';
import {
  AssessmentSummarySchema,
  CreateAssessmentInputSchema,
  FilePathSchema,
  RecentFileSchema,
  UpdateAssessmentInputSchema,
} from './schemas/assessment';
import { BackupIdSchema, BackupInfoSchema, BackupListSchema } from './schemas/backup';
import { EditorStateSchema } from './schemas/lexical';
import { WordTargetSchema } from './schemas/assessment';
import { TemplateInfoSchema, TemplateListSchema } from './schemas/template';
import {
  DeletedSectionSchema,
  SectionIdSchema,
  SectionSchema,
  SectionSummarySchema,
  SectionTitleSchema,
} from './schemas/section';
import {
  FindOptionsSchema,
  FindResultSchema,
  ReplaceAllInputSchema,
  ReplaceAllResultSchema,
  ReplaceUndoInputSchema,
  ReplaceUndoResultSchema,
} from './schemas/search';
import { filesContract } from './contracts/files';
import { jobsContract } from './contracts/jobs';

/**
 * The one API contract between the renderer and whatever carries it (Electron IPC or HTTP in
 * browser mode). Every method has a zod schema for its arguments, checked where they arrive,
 * and one for its result. `Handlers` below is derived from this table: the core's
 * implementation, the preload bridge and the browser-mode client are all checked against it.
 *
 * Methods are grouped by the domain that owns them. Later capabilities (evidence, recommendations,
 * review, snapshots, export, import) add their own groups here.
 */
const none = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

export const coreContract = {
  ...jobsContract, ...filesContract,
  // --- assessment file ---
  'assessment-create': { input: CreateAssessmentInputSchema, output: AssessmentSummarySchema },
  'assessment-open': { input: z.object({ path: FilePathSchema }), output: AssessmentSummarySchema },
  'assessment-current': { input: none, output: AssessmentSummarySchema.nullable() },
  'assessment-update': { input: UpdateAssessmentInputSchema, output: AssessmentSummarySchema },
  'assessment-close': { input: none, output: ok },

  // --- recent files (kept per machine, not in the assessment) ---
  'recent-list': { input: none, output: z.array(RecentFileSchema) },
  'recent-forget': { input: z.object({ path: FilePathSchema }), output: ok },

  // --- sections: the binder ---
  'sections-list': { input: none, output: z.array(SectionSummarySchema) },
  'section-get': { input: z.object({ id: SectionIdSchema }), output: SectionSchema },
  'section-save-content': {
    input: z.object({
      id: SectionIdSchema,
      content: EditorStateSchema,
      /** The section's revision this text was based on; refused as 'stale' when it is older. */
      baseRevision: z.number().int().nonnegative().optional(),
    }),
    output: z.object({
      id: SectionIdSchema,
      wordCount: z.number().int(),
      revision: z.number().int(),
      updatedAt: z.string(),
    }),
  },
  'section-add': {
    input: z.object({
      parentId: SectionIdSchema,
      title: SectionTitleSchema,
      /** Position among the new siblings; at the end when absent. */
      index: z.number().int().nonnegative().optional(),
    }),
    output: SectionSummarySchema,
  },
  'section-rename': {
    input: z.object({ id: SectionIdSchema, title: SectionTitleSchema }),
    output: SectionSummarySchema,
  },
  'section-move': {
    input: z.object({
      id: SectionIdSchema,
      /** null for top level: only focus areas go there, between the themes and the documents chapter. */
      parentId: SectionIdSchema.nullable(),
      index: z.number().int().nonnegative(),
    }),
    output: z.array(SectionSummarySchema),
  },
  /** Moves the section (and its subsections) to the bin; `section-restore` undoes it. */
  'section-delete': {
    input: z.object({ id: SectionIdSchema }),
    output: z.object({ id: SectionIdSchema, deletedIds: z.array(SectionIdSchema) }),
  },
  'section-restore': { input: z.object({ id: SectionIdSchema }), output: z.array(SectionSummarySchema) },
  /** What is in the bin ("Recently deleted"), newest first; each can be restored until the bin is emptied. */
  'sections-deleted-list': { input: none, output: z.array(DeletedSectionSchema) },
  /** Removes everything in the bin for good, leaving no trace of its text in the file. */
  'sections-bin-empty': { input: none, output: z.object({ removed: z.number().int().nonnegative() }) },

  'section-set-word-target': {
    input: z.object({ id: SectionIdSchema, wordTarget: WordTargetSchema }),
    output: SectionSummarySchema,
  },
  /** A council's own focus area: a top-level chapter placed after the five themes. */
  'focus-area-add': {
    input: z.object({ title: SectionTitleSchema }),
    output: SectionSummarySchema,
  },

  // --- templates: built-in ones, and the user's templates folder ---
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

  // --- find and replace across the whole statement ---
  'statement-find': { input: FindOptionsSchema, output: FindResultSchema },
  'statement-replace-all': { input: ReplaceAllInputSchema, output: ReplaceAllResultSchema },
  /** Undoes one replace (all its sections in one step), given the `undoId` it returned. */
  'statement-replace-undo': { input: ReplaceUndoInputSchema, output: ReplaceUndoResultSchema },

  // --- automatic backups (kept per machine, in the app's settings folder) ---
  /**
   * Backups of the open assessment, or of the file at `path`, which may be too damaged to open.
   * Newest first.
   */
  'backups-list': { input: z.object({ path: FilePathSchema.optional() }), output: BackupListSchema },
  /**
   * Copies a backup to a new file beside the assessment (at `path`, else the open one's), never
   * over it, and opens that file: "Sefton (restored 23 Nov 2026 14.10).pcstudio".
   */
  'backup-restore': {
    input: z.object({ id: BackupIdSchema, path: FilePathSchema.optional() }),
    output: AssessmentSummarySchema,
  },
  /** Backs up the open assessment now. */
  'backup-now': { input: none, output: BackupInfoSchema },

  // --- where the user was, kept in the file ---
  'ui-state-set': { input: z.object({ lastSectionId: SectionIdSchema.nullable() }), output: ok },
} as const;

/**
 * Methods the shell provides rather than the core: they need a native dialog (Electron) or say
 * that there is none (browser mode, where the renderer asks for a path instead).
 */
export const AppInfoSchema = z.object({
  mode: z.enum(['electron', 'web']),
  version: z.string(),
  /** Where new assessments go by default (the user's Documents folder or similar). */
  defaultFolder: z.string(),
  /** True when `dialog-*` methods show a native dialog; false in browser mode. */
  nativeDialogs: z.boolean(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const shellContract = {
  'app-info': { input: none, output: AppInfoSchema },
  'dialog-choose-new-file': {
    input: z.object({ suggestedName: z.string().max(255) }),
    output: z.string().nullable(),
  },
  'dialog-choose-open-file': { input: none, output: z.string().nullable() },
  'dialog-choose-folder': { input: z.object({ title: z.string().max(200) }), output: z.string().nullable() },
} as const;

export const contract = { ...coreContract, ...shellContract } as const;

type Table = Record<string, { input: z.ZodType; output: z.ZodType }>;

/** A handler table derived from a contract table: what each end of the bridge implements. */
export type HandlersOf<T extends Table> = {
  [K in keyof T]: (args: z.output<T[K]['input']>) => Promise<z.output<T[K]['output']>>;
};

export type CoreHandlers = HandlersOf<typeof coreContract>;
export type ShellHandlers = HandlersOf<typeof shellContract>;
/** Everything the renderer can call. */
export type Handlers = CoreHandlers & ShellHandlers;

export type MethodName = keyof typeof contract;
/** What the caller passes: the schema's input type (defaults may be left out). */
export type ArgsOf<K extends MethodName> = z.input<(typeof contract)[K]['input']>;
export type ResultOf<K extends MethodName> = z.output<(typeof contract)[K]['output']>;

/** The client side: what the renderer's `api` object looks like, whatever carries it. */
export type Api = { [K in MethodName]: (args: ArgsOf<K>) => Promise<ResultOf<K>> };

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

// The bridge's small pieces (channel names, envelope, menu commands) live in ./ipc so that the
// preload script can import them without every schema above.
export * from './ipc';
