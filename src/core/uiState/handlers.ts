import type { UiStateHandlers } from '../../shared/contract';
import type { OpenAssessment } from '../assessment/openAssessment';

/** The `uiState` group of the contract: where the user was, kept in the file. */
export function createUiStateHandlers(deps: { current(): OpenAssessment }): UiStateHandlers {
  return {
    'ui-state-set': async ({ lastSectionId }) => {
      deps.current().store.setLastSectionId(lastSectionId);
      return { ok: true };
    },
  };
}
