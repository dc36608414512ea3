import { z } from 'zod';
import { AssessmentSummarySchema, FilePathSchema } from '../schemas/assessment';
import { BackupIdSchema, BackupInfoSchema, BackupListSchema } from '../schemas/backup';
import { none, type HandlersOf } from './common';

/** Automatic backups (kept per machine, in the app's settings folder). */
export const backupsContract = {
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
} as const;

export type BackupsHandlers = HandlersOf<typeof backupsContract>;
