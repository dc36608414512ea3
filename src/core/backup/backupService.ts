import path from 'node:path';
import type { OpenAssessment } from '../assessment/openAssessment';
import { ensureAssessmentId, readAssessmentIdFromFile } from './assessmentIdentity';
import { BackupScheduler, type SchedulerClock } from './backupScheduler';
import type { BackupStore, StoredBackup } from './backupStore';

/**
 * Automatic backups for the core: one scheduler per open assessment, fed with its edits, and the
 * look-ups behind "Restore from backup…" (by the open assessment, or by the path of a file that
 * will not open).
 */
export interface BackupServiceOptions {
  intervalMs: number;
  clock: SchedulerClock;
  /**
   * False for a core whose settings folder is thrown away when it ends (the command line): its
   * backups would go with it, so none is made, and opening a file to read or export it does not
   * copy the whole file first.
   */
  enabled?: boolean;
}

interface Session {
  assessmentId: string;
  scheduler: BackupScheduler<StoredBackup>;
}

export class BackupService {
  private readonly sessions = new WeakMap<OpenAssessment, Session>();

  constructor(
    readonly store: BackupStore,
    private readonly options: BackupServiceOptions,
  ) {}

  /**
   * Starts backing up an assessment that has just been opened or created. With `firstCopy`, a
   * backup is made at once if the file has changed since its newest backup (or has none), so
   * there is always a copy of what was opened.
   */
  attach(open: OpenAssessment, options: { firstCopy: boolean }): void {
    // A read-only view cannot change, and its owner backs the file up where it is open.
    if (open.readOnly || this.options.enabled === false) return;
    try {
      const assessmentId = ensureAssessmentId(open.file.db, open.path);
      const summary = open.summary();
      this.store.rememberSource(assessmentId, { path: open.path, fileName: summary.fileName, councilName: summary.councilName });
      const scheduler = new BackupScheduler(() => this.backUp(open, assessmentId), {
        ...this.options,
        onError: (error) => console.error(`Peer Challenge Studio: could not back up “${summary.fileName}”`, error),
      });
      this.sessions.set(open, { assessmentId, scheduler });
      if (options.firstCopy && this.store.list(assessmentId)[0]?.sourceUpdatedAt !== summary.updatedAt) {
        scheduler.backupNow().catch(() => undefined);
      }
    } catch (error) {
      // Backups protect the work; they must never stop it.
      console.error('Peer Challenge Studio: could not start backups for this assessment', error);
    }
  }

  noteEdit(open: OpenAssessment): void {
    this.sessions.get(open)?.scheduler.noteEdit();
  }

  /** Before an assessment closes: finishes a backup under way and makes a last one if needed. */
  async finish(open: OpenAssessment): Promise<void> {
    await this.sessions.get(open)?.scheduler.finish();
    this.sessions.delete(open);
  }

  /** Before closing at once (quitting): a backup under way is abandoned when the file closes. */
  abandon(open: OpenAssessment): void {
    this.sessions.get(open)?.scheduler.abandon();
    this.sessions.delete(open);
  }

  async backupNow(open: OpenAssessment): Promise<StoredBackup> {
    const session = this.sessions.get(open);
    if (!session) throw new Error('Backups are not running for this assessment.');
    return session.scheduler.backupNow();
  }

  listFor(open: OpenAssessment): StoredBackup[] {
    const session = this.sessions.get(open);
    return session ? this.store.list(session.assessmentId) : [];
  }

  /** Backups of the file at `filePath`, which may be damaged: found by its id if readable, else by where it was. */
  listForPath(filePath: string): StoredBackup[] {
    const resolved = path.resolve(filePath);
    const fromFile = readAssessmentIdFromFile(resolved);
    const byId = fromFile ? this.store.list(fromFile) : [];
    if (byId.length > 0) return byId;
    const byPath = this.store.findAssessmentIdByPath(resolved);
    return byPath ? this.store.list(byPath) : [];
  }

  private async backUp(open: OpenAssessment, assessmentId: string): Promise<StoredBackup> {
    const now = new Date(this.options.clock.now());
    const backup = await this.store.create(open.file.db, assessmentId, open.path, now);
    this.store.prune(assessmentId, now);
    return backup;
  }
}
