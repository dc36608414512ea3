import path from 'node:path';
import type Database from 'better-sqlite3';
import type { CoreHandlers } from '../../shared/contract';
import type { AssessmentSummary } from '../../shared/schemas/assessment';
import type { BackupInfo } from '../../shared/schemas/backup';
import type { OpenAssessment } from '../assessment/openAssessment';
import type { BackupService } from './backupService';
import type { StoredBackup } from './backupStore';
import { restoreBackupBeside } from './restoreBackup';

type BackupHandlers = Pick<CoreHandlers, 'backups-list' | 'backup-restore' | 'backup-now'>;

export function toBackupInfo(backup: StoredBackup): BackupInfo {
  return {
    id: backup.id,
    createdAt: backup.createdAt,
    wordCount: backup.wordCount,
    councilName: backup.councilName,
    fileName: backup.fileName,
  };
}

/** The `backups` group of the contract. */
export function createBackupHandlers(deps: {
  backups: BackupService;
  /** The open assessment, or an AppError saying there is none. */
  current(): OpenAssessment;
  /** The open assessment or null, without an error. */
  currentOrNull(): OpenAssessment | null;
  /** Opens the restored file as the current assessment, as "Open" does. */
  openRestored(filePath: string): Promise<AssessmentSummary>;
}): BackupHandlers {
  const { backups } = deps;
  return {
    'backups-list': async ({ path: filePath }) => {
      const open = deps.currentOrNull();
      const list =
        filePath === undefined || (open && samePath(open.path, filePath))
          ? backups.listFor(deps.current())
          : backups.listForPath(filePath);
      return list.map(toBackupInfo);
    },
    'backup-restore': async ({ id, path: filePath }) => {
      const beside = filePath ?? deps.current().path;
      const backup = backups.store.get(id);
      return deps.openRestored(restoreBackupBeside(backup, beside));
    },
    'backup-now': async () => toBackupInfo(await backups.backupNow(deps.current())),
  };
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

const changeCounters = new WeakMap<OpenAssessment, Database.Statement>();

/** How many rows this connection has changed since it opened: a change means an edit to back up. */
function changesOf(open: OpenAssessment): number {
  let statement = changeCounters.get(open);
  if (!statement) {
    statement = open.file.db.prepare('SELECT total_changes()').pluck();
    changeCounters.set(open, statement);
  }
  return statement.get() as number;
}

/** Methods that write to the file but are not the user's work: where they were, not what they wrote. */
const NOT_EDITS = new Set<string>(['ui-state-set']);

/**
 * Tells the backup scheduler about every call that changed the open assessment. Counting changed
 * rows, rather than listing the editing methods, means a method added later is covered too.
 */
export function withEditTracking(
  handlers: CoreHandlers,
  current: () => OpenAssessment | null,
  backups: BackupService,
): CoreHandlers {
  const wrapped: Record<string, (args: never) => Promise<unknown>> = {};
  for (const [method, handler] of Object.entries(handlers) as Array<[string, (args: never) => Promise<unknown>]>) {
    if (NOT_EDITS.has(method)) {
      wrapped[method] = handler;
      continue;
    }
    wrapped[method] = async (args) => {
      const before = current();
      const count = before ? changesOf(before) : 0;
      const result = await handler(args);
      if (before && current() === before && changesOf(before) !== count) backups.noteEdit(before);
      return result;
    };
  }
  return wrapped as unknown as CoreHandlers;
}
