import type { UiStateHandlers } from '../../shared/contract';
import type { OpenAssessment } from '../assessment/openAssessment';

/** The `uiState` group of the contract: where the user was, kept in the file. */
export function createUiStateHandlers(deps: { current(): OpenAssessment }): UiStateHandlers {
  return {
    'ui-state-set': async ({ lastSectionId }) => {
      const open = deps.current();
      // Where the user was is not their work: a read-only view simply does not keep it.
      if (open.readOnly) return { ok: true };
      open.store.setLastSectionId(lastSectionId);
      return { ok: true };
    },
  };
}
