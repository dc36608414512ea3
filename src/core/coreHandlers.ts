import type { CoreHandlers } from '../shared/contract';
import { createAssessmentHandlers } from './assessment/handlers';
import { OpenAssessment, readOnlyOpenError } from './assessment/openAssessment';
import { createAssessmentSession, type CoreState } from './assessment/session';
import { withEditTracking } from './backup/editTracking';
import { createBackupsHandlers } from './backup/handlers';
import { createExportHandlers, type ExportPacking } from './export/handlers';
import { createImportHandlers } from './import/handlers';
import type { BackupService } from './backup/backupService';
import { createRecommendationsHandlers } from './recommendations/handlers';
import { createEvidenceHandlers } from './evidence/handlers';
import { createImageHandlers } from './images/handlers';
import type { RecentFiles } from './recent/recentFiles';
import { createSearchHandlers } from './search/handlers';
import { createSectionsHandlers } from './sections/handlers';
import { createTemplatesHandlers } from './templates/handlers';
import type { TemplateCatalog } from './templates/templateCatalog';
import { toAppError } from './storage/sqliteErrors';
import { createUiStateHandlers } from './uiState/handlers';
import { createJobLaneHandlers, laneFor } from './jobs/lane';

export type { CoreState } from './assessment/session';

/**
 * The core's implementation of every `coreContract` method, composed from each domain's handlers
 * (`src/core/<domain>/handlers.ts`, one spread line each). Arguments arrive already parsed by the
 * dispatcher (or typed by an in-process caller such as the CLI).
 */
export function createCoreHandlers(
  state: CoreState,
  recent: RecentFiles,
  templates: TemplateCatalog,
  backups: BackupService,
  options: { exportPacking?: ExportPacking } = {},
): CoreHandlers {
  return withFileErrors(withEditTracking(buildHandlers(state, recent, templates, backups, options), () => state.current, backups), state);
}

/**
 * Errors from SQLite or the disk while working on the open file (disk full, drive unplugged)
 * become AppErrors with a message naming the file, instead of reaching the user as 'internal'.
 */
function withFileErrors(handlers: CoreHandlers, state: CoreState): CoreHandlers {
  const wrapped: Record<string, (args: never) => Promise<unknown>> = {};
  for (const [method, handler] of Object.entries(handlers) as Array<[string, (args: never) => Promise<unknown>]>) {
    wrapped[method] = async (args) => {
      try {
        return await handler(args);
      } catch (error) {
        // A write to a read-only view is refused by SQLite (query_only): say why, in the user's terms.
        if (state.current?.readOnly && String((error as { code?: unknown })?.code ?? '').startsWith('SQLITE_READONLY')) {
          throw readOnlyOpenError(state.current.readOnly);
        }
        throw state.current ? toAppError(error, state.current.path) : error;
      }
    };
  }
  return wrapped as unknown as CoreHandlers;
}

function buildHandlers(
  state: CoreState,
  recent: RecentFiles,
  templates: TemplateCatalog,
  backups: BackupService,
  options: { exportPacking?: ExportPacking },
): CoreHandlers {
  const session = createAssessmentSession(state, recent, backups);
  const { current } = session;
  return {
    ...createAssessmentHandlers({ session, recent, templates }),
    ...createSectionsHandlers({ current }),
    ...createTemplatesHandlers({ templates, current }),
    ...createSearchHandlers({ current }),
    ...createExportHandlers({ current, lane: laneFor(state), packing: options.exportPacking }),
    ...createJobLaneHandlers(state, current),
    ...createBackupsHandlers({
      backups,
      current,
      currentOrNull: session.currentOrNull,
      openRestored: async (filePath) =>
        (await session.switchTo(() => OpenAssessment.open(filePath), { firstCopy: false })).summary(),
    }),
    ...createUiStateHandlers({ current }),
    ...createImportHandlers({ current, openCreated: async (make) => (await session.switchTo(make, { firstCopy: false })).summary() }),
    ...createRecommendationsHandlers({ current }),
    ...createEvidenceHandlers({ current }),
    ...createImageHandlers({ current }),
  };
}
