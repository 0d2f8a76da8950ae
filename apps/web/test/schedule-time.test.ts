// Next runs and the conversion between the provider's zone (fixed GMT+3) and the operator's zone.
import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatNextRun,
  formatRelative,
  localDayShift,
  localTimeOfSchedule,
  upcomingRuns,
} from '@/lib/schedule-time';

// Saturday 10 January 2026, 12:00 UTC (15:00 at the provider).
const SATURDAY_NOON_UTC = new Date('2026-01-10T12:00:00Z');

describe('upcomingRuns', () => {
  it('gives the next five Mondays 02:01 GMT+3, i.e. Sunday 23:01 UTC', () => {
    const runs = upcomingRuns([1], '02:01', SATURDAY_NOON_UTC, 5, 'en', 'UTC');
    expect(runs.map((r) => r.at.toISOString())).toEqual([
      '2026-01-11T23:01:00.000Z',
      '2026-01-18T23:01:00.000Z',
      '2026-01-25T23:01:00.000Z',
      '2026-02-01T23:01:00.000Z',
      '2026-02-08T23:01:00.000Z',
    ]);
    expect(runs[0]?.provider).toMatch(/^Mon.*12.*02:01$/);
    // In UTC the same instant is still Sunday.
    expect(runs[0]?.local).toMatch(/^Sun.*11.*23:01$/);
    expect(runs[0]?.localShift).toBe(-1);
  });

  it('shows each run in the operator zone: Berlin, New York, Tokyo', () => {
    const [berlin] = upcomingRuns([1], '02:01', SATURDAY_NOON_UTC, 1, 'en', 'Europe/Berlin');
    expect(berlin?.local).toMatch(/^Mon.*12.*00:01$/);
    expect(berlin?.localShift).toBe(0);
    const [newYork] = upcomingRuns([1], '02:01', SATURDAY_NOON_UTC, 1, 'en', 'America/New_York');
    expect(newYork?.local).toMatch(/^Sun.*11.*18:01$/);
    expect(newYork?.localShift).toBe(-1);
    const [tokyo] = upcomingRuns([1], '02:01', SATURDAY_NOON_UTC, 1, 'en', 'Asia/Tokyo');
    expect(tokyo?.local).toMatch(/^Mon.*12.*08:01$/);
  });

  it('formats in Russian when the UI is Russian', () => {
    const [run] = upcomingRuns([1], '02:01', SATURDAY_NOON_UTC, 1, 'ru', 'Europe/Moscow');
    expect(run?.provider).toMatch(/^пн.*12.*02:01$/);
    expect(run?.local).toBe(run?.provider);
    expect(run?.localShift).toBe(0);
  });

  it('counts a run later today and skips one already past', () => {
    // 15:00 at the provider: 16:00 today is next, 14:00 today is gone.
    expect(upcomingRuns([6], '16:00', SATURDAY_NOON_UTC, 1, 'en')[0]?.at.toISOString()).toBe(
      '2026-01-10T13:00:00.000Z',
    );
    expect(upcomingRuns([6], '14:00', SATURDAY_NOON_UTC, 1, 'en')[0]?.at.toISOString()).toBe(
      '2026-01-17T11:00:00.000Z',
    );
  });

  it('is empty without days or with an invalid time', () => {
    expect(upcomingRuns([], '02:01', SATURDAY_NOON_UTC, 5, 'en')).toEqual([]);
    expect(upcomingRuns([1], '24:00', SATURDAY_NOON_UTC, 5, 'en')).toEqual([]);
    expect(upcomingRuns([1], '2:01', SATURDAY_NOON_UTC, 5, 'en')).toEqual([]);
  });
});

describe('localTimeOfSchedule', () => {
  it('follows daylight saving in the operator zone, not at the provider', () => {
    const winter = localTimeOfSchedule([1], '02:01', SATURDAY_NOON_UTC, 'en', 'Europe/Berlin');
    expect(winter).toEqual({ time: '00:01', shift: 0, zone: 'GMT+1' });
    const summer = localTimeOfSchedule(
      [1],
      '02:01',
      new Date('2026-07-04T12:00:00Z'),
      'en',
      'Europe/Berlin',
    );
    expect(summer).toEqual({ time: '01:01', shift: 0, zone: 'GMT+2' });
  });

  it('reports the next day when the operator is far east', () => {
    const late = localTimeOfSchedule([3], '23:30', SATURDAY_NOON_UTC, 'en', 'Asia/Tokyo');
    expect(late).toMatchObject({ time: '05:30', shift: 1 });
  });

  it('is null for a schedule that never runs', () => {
    expect(localTimeOfSchedule([], '02:01', SATURDAY_NOON_UTC, 'en')).toBeNull();
  });
});

describe('localDayShift', () => {
  it('is 0 in the provider zone itself', () => {
    expect(localDayShift(new Date('2026-01-11T23:01:00Z'), 'Europe/Moscow')).toBe(0);
    expect(localDayShift(new Date('2026-01-11T23:01:00Z'), 'Europe/London')).toBe(-1);
  });
});

describe('formatNextRun', () => {
  it('says minutes within the hour, then today, tomorrow, then weekday and date', () => {
    const from = SATURDAY_NOON_UTC;
    const at = (minutes: number) => new Date(from.getTime() + minutes * 60_000);
    expect(formatNextRun(at(5), from, 'en', 'UTC')).toBe('in 5 minutes');
    expect(formatNextRun(at(90), from, 'en', 'UTC')).toBe('today');
    expect(formatNextRun(at(14 * 60), from, 'en', 'UTC')).toBe('tomorrow');
    // 40 hours ahead is the day after tomorrow: its date, never "in 40 hours".
    expect(formatNextRun(at(40 * 60), from, 'en', 'UTC')).toMatch(/^Mon, \w+ \d+$/);
    expect(formatNextRun(at(14 * 60), from, 'ru', 'UTC')).toBe('завтра');
  });
});

describe('formatRelative and formatCalendarDate', () => {
  it('rounds to the unit that reads best, in the language', () => {
    const from = SATURDAY_NOON_UTC;
    const at = (minutes: number) => new Date(from.getTime() + minutes * 60_000);
    expect(formatRelative(at(5), from, 'en')).toBe('in 5 minutes');
    expect(formatRelative(at(90), from, 'en')).toBe('in 2 hours');
    expect(formatRelative(at(3 * 24 * 60), from, 'en')).toBe('in 3 days');
    expect(formatRelative(at(5), from, 'ru')).toBe('через 5 минут');
  });

  it("formats Zomro's YYYY-MM-DD without shifting the day", () => {
    expect(formatCalendarDate('2024-07-24', 'en')).toBe('Jul 24, 2024');
    expect(formatCalendarDate('2024-07-24', 'ru')).toMatch(/^24 июл/);
    expect(formatCalendarDate('soon', 'en')).toBe('soon');
  });
});
