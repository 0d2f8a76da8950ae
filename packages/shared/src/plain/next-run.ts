// When a schedule next runs. Zomro's times are the provider's wall-clock time at a fixed
// UTC+3 offset (its panel labels the field "Time (GMT+3)"), with no daylight saving.
import type { Weekday } from './weekday.js';

export const PROVIDER_UTC_OFFSET_MINUTES = 180;
export const PROVIDER_ZONE_LABEL = 'GMT+3';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Parses `HH:MM` into minutes after midnight, or null. */
export function parseTimeOfDay(time: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/**
 * The next `count` instants strictly after `from` at which a schedule with these provider-zone
 * days and time fires. Empty when there are no days or the time is invalid.
 */
export function nextRuns(
  days: readonly Weekday[],
  time: string,
  from: Date,
  count = 1,
  offsetMinutes = PROVIDER_UTC_OFFSET_MINUTES,
): Date[] {
  const minuteOfDay = parseTimeOfDay(time);
  const wanted = new Set(days);
  if (minuteOfDay === null || wanted.size === 0 || count < 1) return [];
  const offset = offsetMinutes * MINUTE;
  // Midnight of the provider-zone day that contains `from`, expressed in UTC milliseconds.
  const providerNow = from.getTime() + offset;
  const providerMidnight = providerNow - (((providerNow % DAY) + DAY) % DAY);
  const runs: Date[] = [];
  for (let i = 0; runs.length < count; i++) {
    const dayStart = providerMidnight + i * DAY;
    const weekday = new Date(dayStart).getUTCDay() as Weekday;
    if (!wanted.has(weekday)) continue;
    const instant = dayStart + minuteOfDay * MINUTE - offset;
    if (instant > from.getTime()) runs.push(new Date(instant));
  }
  return runs;
}

/** The next run, or null when the schedule never fires. */
export function nextRun(days: readonly Weekday[], time: string, from: Date): Date | null {
  return nextRuns(days, time, from, 1)[0] ?? null;
}
