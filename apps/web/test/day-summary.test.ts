// The short day summary of the schedules table, in English and Russian.
import type { Weekday } from '@zomro-dash/shared';
import { describe, expect, it } from 'vitest';
import { summarizeDays, weekdayName } from '@/lib/weekdays';

const cases: Array<[Weekday[], string, string]> = [
  [[1, 2, 3, 4, 5], 'Mon–Fri', 'Пн–Пт'],
  [[0, 1, 2, 3, 4, 5, 6], 'Every day', 'Каждый день'],
  [[0, 3], 'Sun, Wed', 'Ср, Вс'],
  [[1, 2, 3, 4, 5, 6], 'Mon–Sat', 'Пн–Сб'],
  [[0, 6], 'Sat, Sun', 'Сб, Вс'],
  [[1, 2], 'Mon, Tue', 'Пн, Вт'],
  [[1, 3, 5], 'Mon, Wed, Fri', 'Пн, Ср, Пт'],
  [[4], 'Thu', 'Чт'],
  // Runs across the end of each language's week stay whole.
  [[5, 6, 0, 1], 'Fri–Mon', 'Пт–Пн'],
  [[0, 1, 2, 3, 4, 5], 'Sun–Fri', 'Вс–Пт'],
  [[0, 1, 2, 4], 'Sun–Tue, Thu', 'Вс–Вт, Чт'],
];

describe('summarizeDays', () => {
  it.each(cases)('%j reads "%s" in English', (days, english) => {
    expect(summarizeDays(days, 'en')).toBe(english);
  });

  it.each(cases)('%j reads "%s" / "%s" in Russian', (days, _english, russian) => {
    expect(summarizeDays(days, 'ru')).toBe(russian);
  });

  it('does not depend on the order or repetition of the days it is given', () => {
    expect(summarizeDays([5, 4, 3, 2, 1, 1], 'en')).toBe('Mon–Fri');
  });

  it('says so when no day is chosen', () => {
    expect(summarizeDays([], 'en')).toBe('No days');
  });
});

describe('weekdayName', () => {
  it('gives short and full names in both languages, Sunday = 0', () => {
    expect(weekdayName(0, 'en', 'long')).toBe('Sunday');
    expect(weekdayName(1, 'en', 'short')).toBe('Mon');
    expect(weekdayName(1, 'ru', 'long')).toBe('Понедельник');
    expect(weekdayName(6, 'ru', 'short')).toBe('Сб');
  });
});
