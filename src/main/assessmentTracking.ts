/**
 * What the shell needs to know about the open assessment (for the menu, the recent documents
 * list and the macOS title bar), learnt by watching successful calls go through the dispatcher
 * rather than by asking the page to report it.
 */
import type { MethodName } from '../shared/contract';
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

type EventFor = (value: unknown) => AssessmentEvent | null;

const opened: EventFor = (value) => {
  const path = pathOf(value);
  return path ? { kind: 'opened', path } : null;
};

/**
 * The methods that change what the shell shows, keyed by method name: a typo or a method removed
 * from the contract fails to compile rather than silently never updating the menu.
 */
const EVENTS = {
  'assessment-create': opened,
  'assessment-open': opened,
  // Restoring a backup opens the restored copy.
  'backup-restore': opened,
  // A new assessment from a previous one is opened as it is made.
  'import-previous-assessment': opened,
  'assessment-current': (value) => opened(value) ?? { kind: 'closed' },
  'assessment-close': () => ({ kind: 'closed' }),
  'recent-forget': () => ({ kind: 'recent-changed' }),
} satisfies Partial<Record<MethodName, EventFor>>;

/** The event a successful call implies, if any. Pure. */
export function assessmentEventFor(method: string, value: unknown): AssessmentEvent | null {
  if (!Object.prototype.hasOwnProperty.call(EVENTS, method)) return null;
  return EVENTS[method as keyof typeof EVENTS](value);
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
