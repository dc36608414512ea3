import { api, transport } from '../api';
import { SaveQueue } from './saveQueue';

export type { HeldText, SaveProblem, SaveProblemKind, SaveResult, SaveStatus } from './saveQueue';

/** The renderer's autosave: the SaveQueue over the app's own API connection. */
export class AutoSaver extends SaveQueue {
  constructor() {
    super({
      save: (id, content, baseRevision) => api['section-save-content']({ id, content, baseRevision }),
      saveOnUnload: (id, content, baseRevision) =>
        transport?.callOnUnload('section-save-content', { id, content, baseRevision }),
    });
  }
}
