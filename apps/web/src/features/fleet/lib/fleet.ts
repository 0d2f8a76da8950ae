// The fleet in the terms the overview shows: each instance's schedules in one line, its next run,
// and the 7 × 24 grid of backups starting per hour (the exports are ./export.ts).
import type { BackupSchedule, FleetInstance, Weekday } from '@zomro-dash/shared';
import { nextRun, parseTimeOfDay, PROVIDER_UTC_OFFSET_MINUTES } from '@zomro-dash/shared/plain';

export type DaysSummary = (days: readonly Weekday[]) => string;

/** "Mon–Fri 02:00 · Sun 04:00": each schedule as days and time, in the order Zomro lists them. */
export function schedulesLine(schedules: readonly BackupSchedule[], summary: DaysSummary): string {
  return schedules.map((s) => `${summary(s.days)} ${s.time}`).join(' · ');
}

/** The earliest next run of any of the schedules, or null. */
export function fleetNextRun(schedules: readonly BackupSchedule[], now: Date): Date | null {
  let first: Date | null = null;
  for (const s of schedules) {
    const next = nextRun(s.days, s.time, now);
    if (next && (!first || next < first)) first = next;
  }
  return first;
}

const WEEK_MINUTES = 7 * 24 * 60;

/** One backup start in the week: the day (Sunday = 0), hour and minute in the zone asked for. */
export interface WeekStart {
  day: Weekday;
  hour: number;
  minute: number;
  instanceId: string;
  instanceName: string;
  schedule: string;
}

/**
 * Every backup start of the week, in the provider's zone (GMT+3), or shifted to a zone
 * `offsetMinutes` east of UTC (the browser's).
 */
export function startsOfWeek(
  entries: readonly FleetInstance[],
  offsetMinutes = PROVIDER_UTC_OFFSET_MINUTES,
): WeekStart[] {
  const starts: WeekStart[] = [];
  const shift = offsetMinutes - PROVIDER_UTC_OFFSET_MINUTES;
  for (const { instance, schedules } of entries) {
    for (const s of schedules) {
      const minute = parseTimeOfDay(s.time);
      if (minute === null) continue;
      for (const day of s.days) {
        const at = (((day * 1440 + minute + shift) % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES;
        starts.push({
          day: Math.floor(at / 1440) as Weekday,
          hour: Math.floor((at % 1440) / 60),
          minute: at % 60,
          instanceId: instance.id,
          instanceName: instance.name,
          schedule: s.name,
        });
      }
    }
  }
  return starts;
}

/** How many backups start in each hour of the week: `grid[day][hour]`, days Sunday = 0. */
export function startsPerHour(
  entries: readonly FleetInstance[],
  offsetMinutes = PROVIDER_UTC_OFFSET_MINUTES,
): number[][] {
  const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const start of startsOfWeek(entries, offsetMinutes)) grid[start.day]![start.hour]! += 1;
  return grid;
}
