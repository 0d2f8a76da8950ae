// What "Zomro keeps N scheduled backups" means in days for an instance's schedules, worked out from
// the actual run times (the shared next-run rule), not an even spread: the N kept backups are the
// N latest runs, so how far back they reach depends on when in the week one looks. "Mon–Fri 00:00"
// plus "Mon, Tue 05:45" keeping 3 reach back about a day on Tuesday morning and five days by
// Sunday night; the answer is that range.
import type { Weekday } from '@zomro-dash/shared';
import { nextRuns } from '@zomro-dash/shared/plain';

const DAY = 24 * 60 * 60_000;
const WEEK = 7 * DAY;
/** Any instant serves: the provider's zone has no daylight saving, so every week is the same. */
const ANCHOR = new Date(Date.UTC(2024, 0, 1));

export interface RetentionCoverage {
  /** Scheduled backups a week, all schedules together. */
  perWeek: number;
  /** How far back (in days) the oldest kept backup is, right after a backup: the least in the week. */
  minDays: number;
  /** …and right before the next one: the most in the week. */
  maxDays: number;
}

/** Null when there are no schedules (nothing is made, so nothing is kept). */
export function retentionCoverage(
  kept: number,
  schedules: ReadonlyArray<{ days: readonly Weekday[]; time: string }>,
): RetentionCoverage | null {
  // One week of runs, as offsets into the week from the anchor, in order.
  const runs = schedules
    .flatMap((s) => nextRuns(s.days, s.time, ANCHOR, new Set(s.days).size))
    .map((run) => run.getTime() - ANCHOR.getTime())
    .sort((a, b) => a - b);
  const perWeek = runs.length;
  if (perWeek === 0 || kept < 1) return null;
  // The k-th run counted across weeks (k may be negative or past this week).
  const at = (k: number) =>
    runs[((k % perWeek) + perWeek) % perWeek]! + Math.floor(k / perWeek) * WEEK;
  let min = Infinity;
  let max = 0;
  for (let latest = 0; latest < perWeek; latest++) {
    const oldest = at(latest - kept + 1);
    min = Math.min(min, at(latest) - oldest);
    max = Math.max(max, at(latest + 1) - oldest);
  }
  return { perWeek, minDays: min / DAY, maxDays: max / DAY };
}
