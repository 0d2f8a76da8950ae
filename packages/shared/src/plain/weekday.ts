// Weekdays as Zomro numbers them (Sunday = 0 … Saturday = 6), and their English names, which
// Zomro sends back in `rotation_days` and which the UI shows Monday first.
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** English names indexed by Zomro's day number. */
export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const satisfies readonly string[];

/** The order a European operator reads a week in (and Zomro's panel shows it). */
export const WEEKDAYS_MONDAY_FIRST: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];

export const WORKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5];
export const WEEKEND: readonly Weekday[] = [0, 6];

export function isWeekday(value: number): value is Weekday {
  return Number.isInteger(value) && value >= 0 && value <= 6;
}

/** Distinct days in ascending order (Sunday first), the canonical form on the wire. */
export function sortWeekdays(days: Iterable<Weekday>): Weekday[] {
  return [...new Set(days)].sort((a, b) => a - b);
}

const NAME_TO_DAY = new Map<string, Weekday>(
  WEEKDAY_NAMES.flatMap((name, day) => [
    [name.toLowerCase(), day as Weekday],
    [name.slice(0, 3).toLowerCase(), day as Weekday],
  ]),
);

/**
 * Reads Zomro's `rotation_days` in any form seen or plausible: English names separated by
 * spaces with a trailing space ("Monday Tuesday "), short names, any case, or numbers
 * separated by commas or spaces ("1,2,3"). Returns null when any token is not a day.
 */
export function parseRotationDays(text: string): Weekday[] | null {
  const tokens = text
    .split(/[\s,;]+/)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t.length > 0);
  if (tokens.length === 0) return null;
  const days: Weekday[] = [];
  for (const token of tokens) {
    if (/^\d+$/.test(token)) {
      const n = Number(token);
      // Some BILLmanager builds number Sunday as 7; accept it as Sunday.
      if (n === 7) days.push(0);
      else if (isWeekday(n)) days.push(n);
      else return null;
    } else {
      const day = NAME_TO_DAY.get(token);
      if (day === undefined) return null;
      days.push(day);
    }
  }
  return sortWeekdays(days);
}

/** Zomro's input form of `rotation_days`: numbers separated by commas, Sunday = 0. */
export function formatRotationDaysParam(days: readonly Weekday[]): string {
  return sortWeekdays(days).join(',');
}

/** Zomro's output form of `rotation_days`: English names, Monday first, each followed by a space. */
export function formatRotationDaysNames(days: readonly Weekday[]): string {
  const set = new Set(days);
  return WEEKDAYS_MONDAY_FIRST.filter((d) => set.has(d))
    .map((d) => `${WEEKDAY_NAMES[d]} `)
    .join('');
}
