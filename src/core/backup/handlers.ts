import path from 'node:path';
import type { BackupsHandlers } from '../../shared/contract';
import type { AssessmentSummary } from '../../shared/schemas/assessment';
import type { BackupInfo } from '../../shared/schemas/backup';
import type { OpenAssessment } from '../assessment/openAssessment';
import type { BackupService } from './backupService';
import type { StoredBackup } from './backupStore';
import { restoreBackupBeside } from './restoreBackup';

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
export function createBackupsHandlers(deps: {
  backups: BackupService;
  /** The open assessment, or an AppError saying there is none. */
  current(): OpenAssessment;
  /** The open assessment or null, without an error. */
  currentOrNull(): OpenAssessment | null;
  /** Opens the restored file as the current assessment, as "Open" does. */
  openRestored(filePath: string): Promise<AssessmentSummary>;
}): BackupsHandlers {
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
