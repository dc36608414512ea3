/**
 * Which assessment the core has open, as the main process last saw it: the path, and whether it
 * was open for reading only. Kept on this side of the process boundary so that a core that
 * crashed and was restarted (with nothing open) can be asked to open the same file again.
 *
 * Learnt from the answers of the calls that open or close an assessment (the same list the menu
 * and title bar follow, assessmentTracking.ts), never from the page.
 */
import { assessmentEventFor } from './assessmentTracking';

export interface RememberedAssessment {
  path: string;
  readOnly: boolean;
}

function readOnlyOf(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Boolean((value as { readOnly?: unknown }).readOnly);
}

/** What is open after `method` answered `value` successfully, given what was open before. Pure. */
export function rememberedAfter(before: RememberedAssessment | null, method: string, value: unknown): RememberedAssessment | null {
  const event = assessmentEventFor(method, value);
  if (!event) return before;
  if (event.kind === 'opened') return { path: event.path, readOnly: readOnlyOf(value) };
  if (event.kind === 'closed') return null;
  return before;
}
