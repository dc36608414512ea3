import { z } from 'zod';

/**
 * Every failure a user can meet has a code (for tests and for the UI to choose what to offer)
 * and a plain British-English message (for the user to read). Nothing else crosses the bridge.
 */
export const ERROR_CODES = [
  'not-found', // the file or the record does not exist
  'not-an-assessment', // a file that is not a Peer Challenge Studio assessment
  'damaged', // an assessment file that fails its integrity check
  'locked', // open in another window or program
  'too-new', // written by a newer version of the app
  'already-exists', // creating over an existing file
  'no-assessment-open', // a call that needs an open assessment, with none open
  'assessment-changed', // a call for an assessment that is no longer the open one (another tab opened another)
  'stale', // a save based on an older revision of the section than the stored one
  'invalid-input', // arguments that fail validation
  'not-allowed', // e.g. deleting a fixed section
  'io', // the disk said no (a drive that went away, a read or write that failed)
  'disk-full', // no space left to save (or the user's quota is used up)
  'read-only-open', // a change to an assessment opened for reading only (open elsewhere, or not writable)
  'read-only', // the file, its folder or its drive cannot be written to (permissions, read-only media)
  'section-damaged', // one section's stored text cannot be read; the rest of the statement is fine
  'cancelled', // a long operation (export, import) stopped by the user; nothing was changed
  'internal', // a bug: the message says so and asks for a report
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const SerializedErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
});
export type SerializedError = z.infer<typeof SerializedErrorSchema>;

/** An error meant for the user's eyes. Thrown by the core, carried as-is over the bridge. */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
  toJSON(): SerializedError {
    return { code: this.code, message: this.message };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
