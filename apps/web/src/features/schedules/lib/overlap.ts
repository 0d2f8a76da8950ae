// Two schedules of one instance that start at the same minute of the same day: Zomro takes both,
// but the backups then compete; the form says so before saving (and still saves).
import type { Weekday } from '@zomro-dash/shared';

export interface Overlap {
  name: string;
  days: Weekday[];
}

export function findOverlaps(
  days: readonly Weekday[],
  time: string,
  others: ReadonlyArray<{ name: string; days: readonly Weekday[]; time: string }>,
): Overlap[] {
  const wanted = new Set(days);
  return others
    .filter((other) => other.time === time)
    .map((other) => ({ name: other.name, days: other.days.filter((d) => wanted.has(d)) }))
    .filter((overlap) => overlap.days.length > 0);
}
