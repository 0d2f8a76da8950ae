// A schedule's times in the provider's zone (Zomro's fixed GMT+3) and in the operator's own zone,
// formatted in the UI's language. `timeZone` undefined means the browser's zone.
import type { Weekday } from '@zomro-dash/shared';
import {
  nextRuns,
  PROVIDER_UTC_OFFSET_MINUTES,
  PROVIDER_ZONE_LABEL,
} from '@zomro-dash/shared/plain';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export { PROVIDER_ZONE_LABEL };

/** The instant moved so that its UTC fields read the provider's wall clock. */
function providerWallClock(date: Date): Date {
  return new Date(date.getTime() + PROVIDER_UTC_OFFSET_MINUTES * MINUTE);
}

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  ...TIME,
};

function format(
  date: Date,
  language: string,
  options: Intl.DateTimeFormatOptions,
  timeZone?: string,
) {
  return new Intl.DateTimeFormat(language, { ...options, timeZone }).format(date);
}

export function formatLocalTime(date: Date, language: string, timeZone?: string): string {
  return format(date, language, TIME, timeZone);
}

export function formatProviderDateTime(date: Date, language: string): string {
  return format(providerWallClock(date), language, DATE_TIME, 'UTC');
}

export function formatLocalDateTime(date: Date, language: string, timeZone?: string): string {
  return format(date, language, DATE_TIME, timeZone);
}

/** The operator's zone as a short label at that instant ("GMT+1", "EST", …). */
export function localZoneLabel(date: Date, language: string, timeZone?: string): string {
  const part = new Intl.DateTimeFormat(language, { timeZoneName: 'short', timeZone })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

/** Days since 1970 of the calendar date the instant falls on in a zone. */
function dayNumber(date: Date, timeZone: string | undefined): number {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day')) / DAY;
}

/** -1 when the local date is the day before the provider's date at that instant, 1 the day after. */
export function localDayShift(date: Date, timeZone?: string): number {
  return dayNumber(date, timeZone) - dayNumber(providerWallClock(date), 'UTC');
}

export interface RunInZones {
  at: Date;
  provider: string;
  local: string;
  /** Local date minus provider date, in days. */
  localShift: number;
}

/** The next `count` runs, each in both zones. */
export function upcomingRuns(
  days: readonly Weekday[],
  time: string,
  from: Date,
  count: number,
  language: string,
  timeZone?: string,
): RunInZones[] {
  return nextRuns(days, time, from, count).map((at) => ({
    at,
    provider: formatProviderDateTime(at, language),
    local: formatLocalDateTime(at, language, timeZone),
    localShift: localDayShift(at, timeZone),
  }));
}

/**
 * The schedule's time in the operator's zone, read at its next run (daylight saving can move it
 * during the year), with the day shift against the provider's date. Null when it never runs.
 */
export function localTimeOfSchedule(
  days: readonly Weekday[],
  time: string,
  from: Date,
  language: string,
  timeZone?: string,
): { time: string; shift: number; zone: string } | null {
  const next = nextRuns(days, time, from, 1)[0];
  if (!next) return null;
  return {
    time: formatLocalTime(next, language, timeZone),
    shift: localDayShift(next, timeZone),
    zone: localZoneLabel(next, language, timeZone),
  };
}

/**
 * When a schedule runs next, by one rule for every row: minutes within the hour, then the
 * calendar words "today" and "tomorrow" (in the operator's zone), then weekday and date.
 */
export function formatNextRun(date: Date, from: Date, language: string, timeZone?: string): string {
  const minutes = Math.round((date.getTime() - from.getTime()) / MINUTE);
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (minutes >= 0 && minutes < 60) return rtf.format(minutes, 'minute');
  const days = dayNumber(date, timeZone) - dayNumber(from, timeZone);
  if (days === 0 || days === 1) return rtf.format(days, 'day');
  return format(date, language, { weekday: 'short', day: 'numeric', month: 'short' }, timeZone);
}

/** "in 5 hours", "tomorrow", "in 3 days" — rounded to the unit that reads best. */
export function formatRelative(date: Date, from: Date, language: string): string {
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const minutes = Math.round((date.getTime() - from.getTime()) / MINUTE);
  if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 36) return rtf.format(hours, 'hour');
  return rtf.format(Math.round(minutes / (60 * 24)), 'day');
}

/** Zomro's `YYYY-MM-DD` in the language's date form; the text as it came when it is not a date. */
export function formatCalendarDate(value: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
