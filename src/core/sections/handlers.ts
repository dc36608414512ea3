import type { SectionsHandlers } from '../../shared/contract';
import type { OpenAssessment } from '../assessment/openAssessment';

/** The `sections` group of the contract: the binder, over the open assessment's sections. */
export function createSectionsHandlers(deps: { current(): OpenAssessment }): SectionsHandlers {
  const sections = () => deps.current().sections;
  return {
    'sections-list': async () => sections().list(),
    'section-get': async ({ id }) => sections().get(id),
    'section-save-content': async ({ id, content, baseRevision }) => sections().saveContent(id, content, baseRevision),
    'section-add': async ({ parentId, title, index }) => sections().add(parentId, title, index),
    'section-rename': async ({ id, title }) => sections().rename(id, title),
    'section-move': async ({ id, parentId, index }) => sections().move(id, parentId, index),
    'section-delete': async ({ id }) => sections().delete(id),
    'section-restore': async ({ id }) => sections().restore(id),
    'sections-deleted-list': async () => sections().deletedList(),
    'sections-bin-empty': async () => sections().emptyBin(),
    'section-set-word-target': async ({ id, wordTarget }) => sections().setWordTarget(id, wordTarget),
    'focus-area-add': async ({ title }) => sections().addFocusArea(title),
  };
}
