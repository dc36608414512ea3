import type { AssessmentHandlers } from '../../shared/contract';
import type { RecentFiles } from '../recent/recentFiles';
import type { TemplateCatalog } from '../templates/templateCatalog';
import { nowIso } from '../time';
import { OpenAssessment } from './openAssessment';
import type { AssessmentSession } from './session';

/** The `assessment` group of the contract: the file itself and the recent files list. */
export function createAssessmentHandlers(deps: {
  session: AssessmentSession;
  recent: RecentFiles;
  templates: TemplateCatalog;
}): AssessmentHandlers {
  const { session, recent, templates } = deps;
  return {
    'assessment-create': async ({ templateId, ...args }) => {
      // Found and checked before anything touches the disk, so a bad template leaves no file behind.
      const template = templates.resolve(templateId);
      return (await session.switchTo(() => OpenAssessment.create(args, template), { firstCopy: false })).summary();
    },
    'assessment-open': async ({ path: filePath, takeOver }) => {
      // Already open here: our own lock would refuse a second connection, and none is needed.
      // Except a read-only view being taken over, or retried (the other computer may have closed it).
      const open = session.currentOrNull();
      if (open && session.isCurrent(filePath) && !open.readOnly) {
        session.rememberRecent(open);
        return open.summary();
      }
      if (open && session.isCurrent(filePath)) await session.closeCurrent();
      return (await session.switchTo(() => OpenAssessment.open(filePath, { takeOver }), { firstCopy: true })).summary();
    },
    'assessment-current': async () => session.currentOrNull()?.summary() ?? null,
    'assessment-update': async (patch) => {
      const open = session.current();
      open.assertWritable();
      open.store.update(patch, nowIso());
      const summary = open.summary();
      if (patch.councilName !== undefined) session.rememberRecent(open);
      return summary;
    },
    'assessment-close': async () => {
      await session.closeCurrent();
      return { ok: true };
    },

    'recent-list': async () => recent.list(),
    'recent-forget': async ({ path }) => {
      recent.forget(path);
      return { ok: true };
    },
  };
}
