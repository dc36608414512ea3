import { z } from 'zod';

/**
 * Automatic backups of an assessment, kept per machine in the app's settings folder.
 * A backup's id names the assessment's backup folder and the moment it was made, so the core can
 * find it again without trusting a path from the caller.
 */
export const BackupIdSchema = z
  .string()
  .regex(/^[0-9a-f]{32}\/\d{8}T\d{9}Z$/, 'That backup could not be found. Choose one from the list.');

export const BackupInfoSchema = z.object({
  id: BackupIdSchema,
  /** When the backup was made (ISO 8601, UTC). */
  createdAt: z.string(),
  /** Words in the whole statement at that moment. */
  wordCount: z.number().int().nonnegative(),
  councilName: z.string(),
  /** The assessment's file name when the backup was made. */
  fileName: z.string(),
});
export type BackupInfo = z.infer<typeof BackupInfoSchema>;

/** Newest first. */
export const BackupListSchema = z.array(BackupInfoSchema);
