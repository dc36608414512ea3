/**
 * What the shell needs to know about the open assessment (for the menu, the recent documents
 * list and the macOS title bar), learnt by watching successful calls go through the dispatcher
 * rather than by asking the page to report it.
 */
import type { Dispatch } from './ipc';

export type AssessmentEvent =
  | { kind: 'opened'; path: string }
  | { kind: 'closed' }
  | { kind: 'recent-changed' };

function pathOf(value: unknown): string | null {
  if (typeof value === 'object' && value !== null && 'path' in value) {
    const path = (value as { path: unknown }).path;
    return typeof path === 'string' ? path : null;
  }
  return null;
}

/** The event a successful call implies, if any. Pure. */
export function assessmentEventFor(method: string, value: unknown): AssessmentEvent | null {
  switch (method) {
    case 'assessment-create':
    case 'assessment-open':
    case 'backup-restore': {
      const path = pathOf(value);
      return path ? { kind: 'opened', path } : null;
    }
    case 'assessment-current': {
      const path = pathOf(value);
      return path ? { kind: 'opened', path } : { kind: 'closed' };
    }
    case 'assessment-close':
      return { kind: 'closed' };
    case 'recent-forget':
      return { kind: 'recent-changed' };
    default:
      return null;
  }
}

/** `dispatch`, calling `onEvent` after each successful call that changes what the shell shows. */
export function trackAssessment(dispatch: Dispatch, onEvent: (event: AssessmentEvent) => void): Dispatch {
  return async (method, rawArgs) => {
    const envelope = await dispatch(method, rawArgs);
    if (envelope.ok) {
      const event = assessmentEventFor(method, envelope.value);
      if (event) {
        try {
          onEvent(event);
        } catch {
          // The shell's bookkeeping must never turn a successful call into a failure.
        }
      }
    }
    return envelope;
  };
}
