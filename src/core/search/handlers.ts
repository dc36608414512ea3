import type { SearchHandlers } from '../../shared/contract';
import type { OpenAssessment } from '../assessment/openAssessment';

/** The `search` group of the contract: find and replace across the open statement. */
export function createSearchHandlers(deps: { current(): OpenAssessment }): SearchHandlers {
  const search = () => deps.current().search;
  return {
    'statement-find': async (options) => search().find(options),
    'statement-replace-all': async (options) => search().replaceAll(options),
    'statement-replace-undo': async ({ undoId }) => search().undoReplace(undoId),
  };
}
