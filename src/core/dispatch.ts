import { contract, isMethodName, type Envelope, type Handlers } from '../shared/contract';
import { isAppError } from '../shared/errors';
import { britishErrorMap, firstIssueMessage } from './validationMessages';

/**
 * The one place arguments are checked where they cross the bridge (Electron IPC or HTTP).
 * Every call answers with an envelope; nothing thrown escapes, and only an AppError's own
 * message reaches the user. Anything else is a bug: logged in full, shown as a generic message.
 */
export type Dispatch = (method: string, rawArgs: unknown) => Promise<Envelope<unknown>>;

export const INTERNAL_ERROR_MESSAGE =
  'Something went wrong inside Peer Challenge Studio. Your work is saved; please try again, and report this if it keeps happening.';

type AnyHandler = (args: unknown) => Promise<unknown>;

export function createDispatcher(handlers: Handlers): Dispatch {
  return async (method, rawArgs) => {
    try {
      if (!isMethodName(method)) {
        return {
          ok: false,
          error: { code: 'invalid-input', message: `Peer Challenge Studio does not know how to do “${String(method)}”.` },
        };
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
