import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import type { CoreHandlers } from '../shared/contract';
import { BackupService } from './backup/backupService';
import { BackupStore } from './backup/backupStore';
import { DEFAULT_BACKUP_INTERVAL_MS, systemClock, type SchedulerClock } from './backup/backupScheduler';
import { createCoreHandlers, type CoreState } from './coreHandlers';
import type { ExportPacking } from './export/handlers';
import { RecentFiles } from './recent/recentFiles';
import { TemplateCatalog } from './templates/templateCatalog';
import { blobInfo, readBlobChunks } from './blobs/blobStore';
import { laneFor, type JobLane } from './jobs/lane';

/**
 * The core: everything Peer Challenge Studio does with an assessment, independent of Electron,
 * the browser and the CLI, which all call these handlers (through `createDispatcher` at a bridge).
 */
export interface CoreOptions {
  /** Per-machine settings folder: recent files list, settings.json, the default templates folder, backups. */
  configDir: string;
  /**
   * How long after an edit the automatic backup is made, and the least time between two.
   * Ten minutes unless set here or in the PCS_BACKUP_INTERVAL_MS environment variable (for tests).
   */
  backupIntervalMs?: number;
  /** The backups' clock; tests pass their own. */
  clock?: SchedulerClock;
  /** Where `export-docx` packs the document: a worker thread unless the caller has no window to keep free (the CLI). */
  exportPacking?: ExportPacking;
  /** False when `configDir` is thrown away at the end (the CLI): no automatic backups, which would go with it. */
  backups?: boolean;
}

export interface Core {
  handlers: CoreHandlers;
  /** The job lane: subscribe to job events (carried to the screen by IPC or a streamed response). */
  jobs: JobLane;
  /**
   * The stored file a display capability (from `file-display-link`) shows, while it is valid:
   * its size and type and its bytes chunk by chunk; null when unknown or expired.
   */
  openBlobCapability(capability: string): { size: number; mimeType: string | null; chunks: Iterable<Buffer> } | null;
  /**
   * The file a download capability (from `export-download-link`) offers, while it is valid and
   * the file is still there: its size, type, the name to save it as, and its bytes as a stream.
   */
  openDownloadCapability(capability: string): { size: number; mimeType: string; fileName: string; chunks: AsyncIterable<Buffer> } | null;
  /** The open assessment's session id (AssessmentSummary.sessionId), or null when none is open. */
  sessionId(): string | null;
  /** Closes the open assessment at once, if any, folding its WAL back into the file. */
  close(): void;
  /**
   * Closes the open assessment after its last backup (if there were edits since the one before);
   * for quitting when there is time to wait a moment.
   */
  shutDown(): Promise<void>;
}

function backupIntervalFromEnv(): number | undefined {
  const value = Number(process.env.PCS_BACKUP_INTERVAL_MS);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

export function createCore(options: CoreOptions): Core {
  const state: CoreState = { current: null };
  const backups = new BackupService(new BackupStore(path.join(options.configDir, 'backups')), {
    intervalMs: options.backupIntervalMs ?? backupIntervalFromEnv() ?? DEFAULT_BACKUP_INTERVAL_MS,
    clock: options.clock ?? systemClock,
    enabled: options.backups ?? true,
  });
  const handlers = createCoreHandlers(
    state,
    new RecentFiles(options.configDir),
    new TemplateCatalog(options.configDir),
    backups,
    { exportPacking: options.exportPacking },
  );
  const jobs = laneFor(state);
  return {
    handlers,
    jobs,
    sessionId: () => state.current?.sessionId ?? null,
    openBlobCapability(capability) {
      const open = state.current;
      const blobId = jobs.capabilities.resolve(capability, open?.sessionId ?? null);
      if (!open || !blobId) return null;
      const info = blobInfo(open.file.db, blobId);
      return info ? { size: info.size, mimeType: info.mimeType, chunks: readBlobChunks(open.file.db, blobId) } : null;
    },
    openDownloadCapability(capability) {
      const file = jobs.capabilities.resolveDownload(capability, state.current?.sessionId ?? null);
      if (!file) return null;
      try {
        const { size } = statSync(file.path);
        return { size, mimeType: file.mimeType, fileName: file.fileName, chunks: createReadStream(file.path) };
      } catch {
        return null;
      }
    },
    close() {
      jobs.runner.cancelAll();
      const open = state.current;
      state.current = null;
      if (!open) return;
      backups.abandon(open);
      open.close();
    },
    async shutDown() {
      jobs.runner.cancelAll();
      await jobs.runner.idle();
      await handlers['assessment-close']({});
    },
  };
}
