import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS, planRetention } from './backupPolicy';

// A fixed clock: noon UTC on Monday 23 November 2026, and UTC days, so the test means the same
// in every time zone.
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const plan = (times: number[]) => planRetention(times, NOW, { dayKey: utcDay });

describe('planRetention', () => {
  it('keeps one backup per 10 minutes for the last 24 hours: the newest in each slot', () => {
    const slotStart = NOW - 2 * HOUR_MS; // 10:00, the start of a 10-minute slot
    const times = [slotStart + 1 * MINUTE_MS, slotStart + 4 * MINUTE_MS, slotStart + 9 * MINUTE_MS, slotStart + 11 * MINUTE_MS];
    const result = plan(times);
    expect(result.keep).toEqual([slotStart + 11 * MINUTE_MS, slotStart + 9 * MINUTE_MS]);
    expect(result.remove).toEqual([slotStart + 4 * MINUTE_MS, slotStart + 1 * MINUTE_MS]);
  });

  it('keeps every 10-minute backup of a whole day of editing', () => {
    const times = Array.from({ length: 144 }, (_, i) => NOW - i * 10 * MINUTE_MS - MINUTE_MS);
    expect(plan(times).remove).toEqual([]);
  });

  it('keeps one backup per day, the last of the day, between 1 and 14 days old', () => {
    const threeDaysAgo = Date.UTC(2026, 10, 20);
    const times = [threeDaysAgo + 9 * HOUR_MS, threeDaysAgo + 15 * HOUR_MS, threeDaysAgo + 17 * HOUR_MS, NOW - HOUR_MS];
    const result = plan(times);
    expect(result.keep).toEqual([NOW - HOUR_MS, threeDaysAgo + 17 * HOUR_MS]);
    expect(result.remove).toEqual([threeDaysAgo + 15 * HOUR_MS, threeDaysAgo + 9 * HOUR_MS]);
  });

  it('drops backups older than 14 days', () => {
    const result = plan([NOW - HOUR_MS, NOW - 13 * DAY_MS, NOW - 15 * DAY_MS, NOW - 40 * DAY_MS]);
    expect(result.keep).toEqual([NOW - HOUR_MS, NOW - 13 * DAY_MS]);
    expect(result.remove).toEqual([NOW - 15 * DAY_MS, NOW - 40 * DAY_MS]);
  });

  it('always keeps the newest backup, however old, so a long-untouched assessment still has one', () => {
    const result = plan([NOW - 60 * DAY_MS, NOW - 90 * DAY_MS]);
    expect(result.keep).toEqual([NOW - 60 * DAY_MS]);
    expect(result.remove).toEqual([NOW - 90 * DAY_MS]);
  });

  it('keeps backups dated in the future (a changed clock) rather than guess their age', () => {
    const result = plan([NOW + DAY_MS, NOW + DAY_MS + MINUTE_MS, NOW - MINUTE_MS]);
    expect(result.remove).toEqual([]);
  });
});
