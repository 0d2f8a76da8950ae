// Two schedules of one instance that start at the same minute of the same day: Zomro takes both,
// but the backups then compete; the form says so before saving (and still saves).
import type { Weekday } from '@zomro-dash/shared';
import { addMinutes } from '@/lib/time-of-day';

export interface Overlap {
  name: string;
  days: Weekday[];
  /** Apply to many: the server the other schedule is on. */
  server?: string;
}

/** Another schedule the new one may collide with. */
export interface OtherSchedule {
  name: string;
  days: readonly Weekday[];
  time: string;
  /** Apply to many: the server it is on… */
  server?: string;
  /** …and how many minutes after the form's time the new schedule starts there (a spread). */
  shift?: number;
}

export function findOverlaps(
  days: readonly Weekday[],
  time: string,
  others: readonly OtherSchedule[],
): Overlap[] {
  const wanted = new Set(days);
  return others
    .filter((other) => other.time === (other.shift ? addMinutes(time, other.shift) : time))
    .map((other) => ({
      name: other.name,
      days: other.days.filter((d) => wanted.has(d)),
      ...(other.server !== undefined && { server: other.server }),
    }))
    .filter((overlap) => overlap.days.length > 0);
}
