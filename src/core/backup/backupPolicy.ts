/**
 * Which automatic backups to keep: the pure rule, with the clock passed in so it can be tested.
 *
 * - For the last 24 hours: one per 10-minute slot (the newest in it), so recent work can be
 *   wound back in small steps.
 * - For the last 14 days: one per calendar day (the day's last), so last week's version is there.
 * - Older ones go, except that the newest backup is always kept, however old: an assessment left
 *   alone for a month must still have a good copy if its file is later damaged.
 * - A backup dated in the future (the computer's clock was changed) is kept: we cannot tell its age.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export interface RetentionRule {
  /** How far back backups are kept one per slot. */
  recentWindowMs: number;
  recentSlotMs: number;
  /** How far back backups are kept one per day. */
  dailyWindowMs: number;
}

export const DEFAULT_RETENTION: RetentionRule = {
  recentWindowMs: DAY_MS,
  recentSlotMs: 10 * MINUTE_MS,
  dailyWindowMs: 14 * DAY_MS,
};

/** The local calendar day of a moment: the day the user would say the backup was made. */
export function localDayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

export interface RetentionPlan {
  keep: number[];
  remove: number[];
}

/** Splits backup times (ms since the epoch) into those to keep and those to delete, newest first. */
export function planRetention(
  times: readonly number[],
  now: number,
  options: { rule?: RetentionRule; dayKey?: (ms: number) => string } = {},
): RetentionPlan {
  const rule = options.rule ?? DEFAULT_RETENTION;
  const dayKey = options.dayKey ?? localDayKey;
  const newestFirst = [...new Set(times)].sort((a, b) => b - a);
  const slotsTaken = new Set<string>();
  const plan: RetentionPlan = { keep: [], remove: [] };
  newestFirst.forEach((time, index) => {
    const age = now - time;
    let slot: string | null;
    if (index === 0 || age < 0) slot = `always:${time}`;
    else if (age <= rule.recentWindowMs) slot = `recent:${Math.floor(time / rule.recentSlotMs)}`;
    else if (age <= rule.dailyWindowMs) slot = `day:${dayKey(time)}`;
    else slot = null;
    if (slot !== null && !slotsTaken.has(slot)) {
      slotsTaken.add(slot);
      plan.keep.push(time);
    } else {
      plan.remove.push(time);
    }
  });
  return plan;
}
