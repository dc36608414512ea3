import { contract, isMethodName, type Envelope, type Handlers, type MethodName } from '../shared/contract';
import { isAppError } from '../shared/errors';
import { britishErrorMap, firstIssueMessage } from './validationMessages';

/**
 * The one place arguments are checked where they cross the bridge (Electron IPC or HTTP).
 * Every call answers with an envelope; nothing thrown escapes, and only an AppError's own
 * message reaches the user. Anything else is a bug: logged in full, shown as a generic message.
 */
export interface CallContext {
  /**
   * The session (AssessmentSummary.sessionId) the caller believes is open. Browser mode sends
   * one per tab; when given, a call that works on the open assessment is refused unless that
   * assessment is still the one the caller had open.
   */
  sessionId?: string;
}

export type Dispatch = (method: string, rawArgs: unknown, context?: CallContext) => Promise<Envelope<unknown>>;

export interface DispatcherOptions {
  /** The open assessment's session id, or null when none is open. */
  currentSessionId?: () => string | null;
}

/**
 * It must not claim the work is saved: the failed call may well have been the save.
 */
export const INTERNAL_ERROR_MESSAGE =
  'Something went wrong inside Peer Challenge Studio, so that last action may not have been saved. Please try again, and report this if it keeps happening.';

export const ASSESSMENT_CHANGED_MESSAGE =
  'This assessment was closed because another tab or window opened a different one. Nothing was written to the other assessment.';

/**
 * Calls that do not work on the open assessment, so they do not depend on which one is open:
 * opening and creating (which choose it), asking what is open, and per-machine lists.
 */
const SESSION_FREE: ReadonlySet<MethodName> = new Set<MethodName>([
  'assessment-create',
  'import-previous-assessment',
  'assessment-open',
  'assessment-current',
  'recent-list',
  'recent-forget',
  'templates-list',
  'templates-set-folder',
  'app-info',
  'dialog-choose-new-file',
  'dialog-choose-open-file',
  'dialog-choose-folder',
  'dialog-choose-save-file',
  'shell-open-exported',
  'shell-show-exported',
]);

type AnyHandler = (args: unknown) => Promise<unknown>;

export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  return async (method, rawArgs, context = {}) => {
    try {
      if (!isMethodName(method)) {
        return {
          ok: false,
          error: { code: 'invalid-input', message: `Peer Challenge Studio does not know how to do “${String(method)}”.` },
        };
      }
      if (
        context.sessionId !== undefined &&
        options.currentSessionId &&
        !SESSION_FREE.has(method) &&
        options.currentSessionId() !== context.sessionId
      ) {
        return { ok: false, error: { code: 'assessment-changed', message: ASSESSMENT_CHANGED_MESSAGE } };
      }
      // A call with no arguments may arrive as undefined (no body, no IPC argument).
      const parsed = contract[method].input.safeParse(rawArgs ?? {}, { error: britishErrorMap });
      if (!parsed.success) {
        return { ok: false, error: { code: 'invalid-input', message: firstIssueMessage(parsed.error) } };
      }
      const handler = handlers[method] as AnyHandler | undefined;
      if (typeof handler !== 'function') throw new Error(`No handler for ${method}`);
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: { code: error.code, message: error.message } };
      console.error(`Peer Challenge Studio: ${String(method)} failed`, error);
      return { ok: false, error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE } };
    }
  };
}
