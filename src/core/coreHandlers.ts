import path from 'node:path';
import type { CoreHandlers } from '../shared/contract';
import { AppError } from '../shared/errors';
import { OpenAssessment } from './assessment/openAssessment';
import { createBackupHandlers, withEditTracking } from './backup/backupHandlers';
import type { BackupService } from './backup/backupService';
import type { RecentFiles } from './recent/recentFiles';
import type { TemplateCatalog } from './templates/templateCatalog';
import { templateFromOutline } from './templates/templateFromAssessment';
import { toAppError } from './storage/sqliteErrors';
import { nowIso } from './time';
import { createJobLaneHandlers } from './jobs/lane';

/**
 * The core's implementation of every `coreContract` method. Arguments arrive already parsed by
 * the dispatcher (or typed by an in-process caller such as the CLI). One assessment is open at
 * a time: opening or creating another closes the previous one once the new one is open, so a
 * file that cannot be opened leaves the user where they were.
 */
export interface CoreState {
  current: OpenAssessment | null;
}

const NO_ASSESSMENT = 'Open or create an assessment first.';

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
        throw state.current ? toAppError(error, state.current.path) : error;
      }
    };
  }
  return wrapped as unknown as CoreHandlers;
}

export function createCoreHandlers(
  state: CoreState,
  recent: RecentFiles,
  templates: TemplateCatalog,
  backups: BackupService,
): CoreHandlers {
  return withFileErrors(withEditTracking(buildHandlers(state, recent, templates, backups), () => state.current, backups), state);
}

function buildHandlers(state: CoreState, recent: RecentFiles, templates: TemplateCatalog, backups: BackupService): CoreHandlers {
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
  /** Swaps in a newly opened assessment; `openNext` runs before the current one is closed. */
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
  const isCurrent = (filePath: string) => state.current !== null && path.resolve(filePath) === state.current.path;
  const rememberRecent = (open: OpenAssessment) => {
    try {
      recent.remember(open.path, open.summary().councilName);
    } catch (error) {
      // The list is a convenience; failing to update it must not fail the open.
      console.error('Peer Challenge Studio: could not update the recent files list', error);
    }
  };

  return {
    'assessment-create': async ({ templateId, ...args }) => {
      // Found and checked before anything touches the disk, so a bad template leaves no file behind.
      const template = templates.resolve(templateId);
      return (await switchTo(() => OpenAssessment.create(args, template), { firstCopy: false })).summary();
    },
    'assessment-open': async ({ path: filePath }) => {
      // Already open here: our own lock would refuse a second connection, and none is needed.
      if (isCurrent(filePath)) {
        rememberRecent(state.current!);
        return state.current!.summary();
      }
      return (await switchTo(() => OpenAssessment.open(filePath), { firstCopy: true })).summary();
    },
    'assessment-current': async () => state.current?.summary() ?? null,
    'assessment-update': async (patch) => {
      const open = current();
      open.store.update(patch, nowIso());
      const summary = open.summary();
      if (patch.councilName !== undefined) rememberRecent(open);
      return summary;
    },
    'assessment-close': async () => {
      await closeCurrent();
      return { ok: true };
    },

    'recent-list': async () => recent.list(),
    'recent-forget': async ({ path }) => {
      recent.forget(path);
      return { ok: true };
    },

    'sections-list': async () => current().sections.list(),
    'section-get': async ({ id }) => current().sections.get(id),
    'section-save-content': async ({ id, content, baseRevision }) => current().sections.saveContent(id, content, baseRevision),
    'section-add': async ({ parentId, title, index }) => current().sections.add(parentId, title, index),
    'section-rename': async ({ id, title }) => current().sections.rename(id, title),
    'section-move': async ({ id, parentId, index }) => current().sections.move(id, parentId, index),
    'section-delete': async ({ id }) => current().sections.delete(id),
    'section-restore': async ({ id }) => current().sections.restore(id),
    'sections-deleted-list': async () => current().sections.deletedList(),
    'sections-bin-empty': async () => current().sections.emptyBin(),
    'section-set-word-target': async ({ id, wordTarget }) => current().sections.setWordTarget(id, wordTarget),
    'focus-area-add': async ({ title }) => current().sections.addFocusArea(title),

    'templates-list': async () => templates.list(),
    'templates-set-folder': async ({ folder }) => templates.setFolder(folder),
    'template-save-current': async ({ name, description }) => {
      const open = current();
      const summary = open.summary();
      const outline = open.sections.outline();
      return templates.save(name, (id) =>
        templateFromOutline({ id, name, description, kind: summary.kind, wordTarget: summary.wordTarget, outline }),
      );
    },

    'statement-find': async (options) => current().search.find(options),
    'statement-replace-all': async (options) => current().search.replaceAll(options),
    'statement-replace-undo': async ({ undoId }) => current().search.undoReplace(undoId),

    ...createJobLaneHandlers(state, current),

    ...createBackupHandlers({
      backups,
      current,
      currentOrNull: () => state.current,
      openRestored: async (filePath) => (await switchTo(() => OpenAssessment.open(filePath), { firstCopy: false })).summary(),
    }),

    'ui-state-set': async ({ lastSectionId }) => {
      current().store.setLastSectionId(lastSectionId);
      return { ok: true };
    },
  };
}
