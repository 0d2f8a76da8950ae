// What "Zomro keeps N scheduled backups" means in days for an instance's schedules: every
// schedule makes one backup on each of its days, so N backups reach back N ÷ (backups a week)
// weeks.
import type { Weekday } from '@zomro-dash/shared';

export interface RetentionCoverage {
  /** Scheduled backups a week, all schedules together. */
  perWeek: number;
  /** About how many days the kept backups reach back (rounded; 0 for less than a day). */
  days: number;
}

/** Null when there are no schedules (nothing is made, so nothing is kept). */
export function retentionCoverage(
  kept: number,
  schedules: ReadonlyArray<{ days: readonly Weekday[] }>,
): RetentionCoverage | null {
  const perWeek = schedules.reduce((sum, schedule) => sum + new Set(schedule.days).size, 0);
  if (perWeek === 0) return null;
  return { perWeek, days: Math.round((kept * 7) / perWeek) };
}
