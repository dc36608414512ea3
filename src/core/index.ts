import type { CoreHandlers } from '../shared/contract';
import { createCoreHandlers, type CoreState } from './coreHandlers';
import { RecentFiles } from './recent/recentFiles';
import { TemplateCatalog } from './templates/templateCatalog';

/**
 * The core: everything Peer Challenge Studio does with an assessment, independent of Electron,
 * the browser and the CLI, which all call these handlers (through `createDispatcher` at a bridge).
 */
export interface CoreOptions {
  /** Per-machine settings folder: recent files list, settings.json, the default templates folder. */
  configDir: string;
}

export interface Core {
  handlers: CoreHandlers;
  /** The open assessment's session id (AssessmentSummary.sessionId), or null when none is open. */
  sessionId(): string | null;
  /** Closes the open assessment, if any, folding its WAL back into the file. */
  close(): void;
}

export function createCore(options: CoreOptions): Core {
  const state: CoreState = { current: null };
  const handlers = createCoreHandlers(state, new RecentFiles(options.configDir), new TemplateCatalog(options.configDir));
  return {
    handlers,
    sessionId: () => state.current?.sessionId ?? null,
    close() {
      const open = state.current;
      state.current = null;
      open?.close();
    },
  };
}
