import type { TemplatesHandlers } from '../../shared/contract';
import type { OpenAssessment } from '../assessment/openAssessment';
import type { TemplateCatalog } from './templateCatalog';
import { templateFromOutline } from './templateFromAssessment';

/** The `templates` group of the contract: the built-in templates and the user's folder. */
export function createTemplatesHandlers(deps: { templates: TemplateCatalog; current(): OpenAssessment }): TemplatesHandlers {
  const { templates } = deps;
  return {
    'templates-list': async () => templates.list(),
    'templates-set-folder': async ({ folder }) => templates.setFolder(folder),
    'template-save-current': async ({ name, description }) => {
      const open = deps.current();
      const summary = open.summary();
      const outline = open.sections.outline();
      return templates.save(name, (id) =>
        templateFromOutline({ id, name, description, kind: summary.kind, wordTarget: summary.wordTarget, outline }),
      );
    },
  };
}
