import type { SaveQueue } from '../save/saveQueue';

/**
 * When the core (the "engine" that works on the file) crashed and the desktop app restarted it.
 * The main process opens the assessment again in the new core and tells the page
 * ('engine-restarted' / 'engine-reopen-failed'); these are what the page then says and does.
 */
export const ENGINE_RESTARTED_MESSAGE =
  'Peer Challenge Studio had a problem and restarted its engine. Your assessment was reopened; the last few seconds of typing may need checking.';
export const ENGINE_RESTARTED_NOTHING_OPEN_MESSAGE = 'Peer Challenge Studio had a problem and restarted its engine.';

export function engineReopenFailedMessage(reason: string | undefined): string {
  const why = reason ? ` ${reason}` : '';
  return `Peer Challenge Studio had a problem and restarted its engine, but could not open your assessment again.${why} Open it again from the start screen to carry on.`;
}

/**
 * Sends again the text the crash caught. A save that failed as the core went down is still queued
 * (it is retried by itself) and goes now; one that arrived while nothing was open was held as
 * "assessment no longer open", and is sent again as a plain save now that it is open again.
 */
export async function resendAfterRestart(saver: SaveQueue): Promise<void> {
  await saver.flush();
  if (saver.heldTexts().some((held) => held.problem.kind === 'assessment-changed')) await saver.retryHeld();
}
