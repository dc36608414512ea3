import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { JobInput, JobOutput } from '../../shared/contracts/jobs';
import { OpenAssessment } from '../assessment/openAssessment';
import { assessmentPath, companionFiles } from '../storage/filePaths';
import { fsyncFile } from '../storage/fsyncFile';
import { toAppError } from '../storage/sqliteErrors';
import { testStepPause, throwIfCancelled, type JobContext } from './jobRunner';

/** Pages copied per step of the backup: small enough to keep the app responsive between steps. */
const PAGES_PER_STEP = 256;
const TOTAL_STEPS = 3;

/**
 * "Save a clean copy…": writes a compact copy of the open assessment to a new file, leaving out
 * the recently deleted sections and every byte of deleted text (the copy is vacuumed with
 * secure_delete on), so it can be sent to someone without what was taken out.
 *
 * The copy is built in a temporary file beside the target and moved into place only when
 * complete. The open assessment is only read (SQLite's online backup, in steps), so cancelling
 * or failing at any point leaves it byte-for-byte as it was, and leaves no partial copy behind.
 */
export async function saveCleanCopy(
  open: OpenAssessment,
  input: JobInput<'assessment-save-copy'>,
  { onProgress, signal }: JobContext,
): Promise<JobOutput<'assessment-save-copy'>> {
  const target = assessmentPath(input.path);
  const name = path.basename(target);
  if (target === open.path) throw new AppError('already-exists', 'Choose a different name: that is the file you have open.');
  if (fs.existsSync(target)) throw new AppError('already-exists', `There is already a file called “${name}” in that folder.`);
  const folder = path.dirname(target);
  if (!fs.existsSync(folder)) throw new AppError('not-found', `The folder “${folder}” does not exist. Choose another place to save “${name}”.`);

  const tempPath = `${target}.tmp-${randomBytes(6).toString('hex')}`;
  const removeTemp = () => {
    for (const leftover of [tempPath, ...companionFiles(tempPath)]) fs.rmSync(leftover, { force: true });
  };
  try {
    onProgress?.({ step: 'Copying the assessment', done: 0, total: TOTAL_STEPS });
    await open.file.db.backup(tempPath, {
      // Called between steps; throwing stops the backup (better-sqlite3 then rejects).
      progress: ({ totalPages, remainingPages }) => {
        throwIfCancelled(signal);
        const fraction = totalPages > 0 ? (totalPages - remainingPages) / totalPages : 1;
        onProgress?.({ step: 'Copying the assessment', done: fraction, total: TOTAL_STEPS });
        return PAGES_PER_STEP;
      },
    });
    await testStepPause(signal);
    throwIfCancelled(signal);

    onProgress?.({ step: 'Leaving out deleted sections', done: 1, total: TOTAL_STEPS });
    // Opened as an assessment so the binder's own rules empty its bin (and the search index),
    // then vacuumed with secure_delete on; closing folds the WAL back and leaves one file.
    const copy = OpenAssessment.open(tempPath);
    try {
      copy.sections.emptyBin();
    } finally {
      copy.close();
    }
    await testStepPause(signal);
    throwIfCancelled(signal);

    onProgress?.({ step: 'Putting the copy in place', done: 2, total: TOTAL_STEPS });
    fsyncFile(tempPath);
    await testStepPause(signal);
    throwIfCancelled(signal);
    // link() refuses to overwrite a file that appeared meanwhile.
    try {
      fs.linkSync(tempPath, target);
      fs.rmSync(tempPath, { force: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new AppError('already-exists', `There is already a file called “${name}” in that folder.`);
      fs.renameSync(tempPath, target);
    }
    onProgress?.({ step: 'Done', done: TOTAL_STEPS, total: TOTAL_STEPS });
    return { path: target, bytes: fs.statSync(target).size };
  } catch (error) {
    removeTemp();
    throw signal?.aborted ? error : toAppError(error, target);
  }
}
