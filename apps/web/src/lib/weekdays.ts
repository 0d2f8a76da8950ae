// Day names in the UI's language and the short summary of a set of days ("Mon–Fri",
// "Every day", "Sun, Wed"), read in the week order of that language.
import type { Weekday } from '@zomro-dash/shared';
import { WEEKDAYS, WEEKDAYS_MONDAY_FIRST, WORKDAYS, WEEKEND } from '@zomro-dash/shared/plain';
import { i18n } from '@/lib/i18n';

// 7 January 2024 was a Sunday: adding the day number gives a date with that weekday.
const SUNDAY = Date.UTC(2024, 0, 7);
const DAY_MS = 86_400_000;

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** "Mon" / "Monday" in English, "Пн" / "Понедельник" in Russian. */
export function weekdayName(day: Weekday, language: string, width: 'short' | 'long'): string {
  const name = new Intl.DateTimeFormat(language, { weekday: width, timeZone: 'UTC' }).format(
    new Date(SUNDAY + day * DAY_MS),
  );
  return capitalise(name.replace(/\.$/, ''));
}

/** The week as the language reads it: Sunday first in English (as en-US calendars), Monday first in Russian. */
export function weekOrder(language: string): readonly Weekday[] {
  return language.startsWith('en') ? WEEKDAYS : WEEKDAYS_MONDAY_FIRST;
}

export const PRESETS = {
  weekdays: WORKDAYS,
  weekends: WEEKEND,
  everyDay: WEEKDAYS,
} as const satisfies Record<string, readonly Weekday[]>;

/**
 * The days in short form. Runs of three or more days become a range ("Mon–Fri"); a run may wrap
 * round the end of the week ("Sat–Mon"). All seven days read "Every day".
 */
export function summarizeDays(days: readonly Weekday[], language: string): string {
  const t = i18n.getFixedT(language);
  const wanted = new Set(days);
  if (wanted.size === 7) return t('days.everyDay');
  if (wanted.size === 0) return t('days.none');
  const order = weekOrder(language);
  // A run across the week's end (Sat–Sun in English) is read from its first day, so it stays whole.
  const wraps = wanted.has(order[0] as Weekday) && wanted.has(order[6] as Weekday);
  const start = wraps ? order.findLastIndex((day) => !wanted.has(day)) + 1 : 0;
  const rotated = [...order.slice(start), ...order.slice(0, start)];
  const runs: Weekday[][] = [];
  let run: Weekday[] = [];
  for (const day of rotated) {
    if (wanted.has(day)) {
      run.push(day);
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  const name = (day: Weekday) => weekdayName(day, language, 'short');
  return runs
    .map((r) =>
      r.length >= 3
        ? `${name(r[0] as Weekday)}–${name(r[r.length - 1] as Weekday)}`
        : r.map(name).join(', '),
    )
    .join(', ');
}

export function sameDays(a: readonly Weekday[], b: readonly Weekday[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((d) => set.has(d));
}
