import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { BackupService } from '../backup/backupService';
import type { RecentFiles } from '../recent/recentFiles';
import { OpenAssessment } from './openAssessment';

/**
 * The one open assessment, shared by every domain's handlers. One assessment is open at a time:
 * opening or creating another closes the previous one once the new one is open, so a file that
 * cannot be opened leaves the user where they were.
 */
export interface CoreState {
  current: OpenAssessment | null;
}

export interface AssessmentSession {
  /** The open assessment, or an AppError saying there is none. */
  current(): OpenAssessment;
  /** The open assessment or null, without an error. */
  currentOrNull(): OpenAssessment | null;
  /** True when `filePath` is the open assessment's file. */
  isCurrent(filePath: string): boolean;
  /** Swaps in a newly opened assessment; `openNext` runs before the current one is closed. */
  switchTo(openNext: () => OpenAssessment, options: { firstCopy: boolean }): Promise<OpenAssessment>;
  /** Closes the open assessment (if any) once its last backup is made. */
  closeCurrent(): Promise<void>;
  /** Puts the assessment at the top of the recent files list; never fails. */
  rememberRecent(open: OpenAssessment): void;
}

const NO_ASSESSMENT = 'Open or create an assessment first.';

export function createAssessmentSession(state: CoreState, recent: RecentFiles, backups: BackupService): AssessmentSession {
  const current = (): OpenAssessment => {
    if (!state.current) throw new AppError('no-assessment-open', NO_ASSESSMENT);
    return state.current;
  };
  // A close still making its last backup: the next open waits for it to let go of the file.
  let closing: Promise<void> = Promise.resolve();
  const closeCurrent = (): Promise<void> => {
    const open = state.current;
    state.current = null;
    if (!open) return closing;
    const done = closing.then(async () => {
      try {
        await backups.finish(open);
      } finally {
        open.close();
      }
    });
    closing = done.catch(() => undefined);
    return done;
  };
  const rememberRecent = (open: OpenAssessment) => {
    try {
      recent.remember(open.path, open.summary().councilName);
    } catch (error) {
      // The list is a convenience; failing to update it must not fail the open.
      console.error('Peer Challenge Studio: could not update the recent files list', error);
    }
  };
  const switchTo = async (openNext: () => OpenAssessment, options: { firstCopy: boolean }): Promise<OpenAssessment> => {
    await closing;
    const next = openNext();
    try {
      await closeCurrent();
    } catch (error) {
      // The previous file's data is safe in its WAL; the new one is open, so carry on with it.
      console.error('Peer Challenge Studio: could not close the previous assessment cleanly', error);
    }
    state.current = next;
    backups.attach(next, options);
    rememberRecent(next);
    return next;
  };
  return {
    current,
    currentOrNull: () => state.current,
    isCurrent: (filePath) => state.current !== null && path.resolve(filePath) === state.current.path,
    switchTo,
    closeCurrent,
    rememberRecent,
  };
}
