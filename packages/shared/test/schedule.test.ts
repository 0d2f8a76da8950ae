import { describe, expect, it } from 'vitest';
import { normaliseTime, scheduleInputSchema } from '../src/schedule.js';

const valid = { name: '  Nightly  ', days: [5, 1, 3], time: '02:01' };

describe('scheduleInputSchema', () => {
  it('trims the name and sorts the days', () => {
    expect(scheduleInputSchema.parse(valid)).toEqual({
      name: 'Nightly',
      days: [1, 3, 5],
      time: '02:01',
    });
  });
  it.each([
    ['empty name', { ...valid, name: '   ' }, 'name'],
    ['long name', { ...valid, name: 'x'.repeat(101) }, 'name'],
    ['control character', { ...valid, name: 'a\u0007b' }, 'name'],
    ['no days', { ...valid, days: [] }, 'days'],
    ['duplicate day', { ...valid, days: [1, 1] }, 'days'],
    ['day 7', { ...valid, days: [7] }, 'days'],
    ['fractional day', { ...valid, days: [1.5] }, 'days'],
    ['time 24:00', { ...valid, time: '24:00' }, 'time'],
    ['time 2:61', { ...valid, time: '2:61' }, 'time'],
    ['time 12:60', { ...valid, time: '12:60' }, 'time'],
  ])('refuses %s', (_label, input, field) => {
    const result = scheduleInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });
  it('accepts 100 characters and the edges of the day', () => {
    expect(
      scheduleInputSchema.safeParse({ ...valid, name: 'x'.repeat(100), time: '00:00' }).success,
    ).toBe(true);
    expect(scheduleInputSchema.safeParse({ ...valid, time: '23:59' }).success).toBe(true);
  });
});

describe('normaliseTime', () => {
  it.each([
    ['02:01', '02:01'],
    ['2:01', '02:01'],
    ['201', '02:01'],
    ['0201', '02:01'],
    ['2.01', '02:01'],
    [' 23:59:59 ', '23:59'],
  ])('reads %j as %s', (typed, expected) => {
    expect(normaliseTime(typed)).toBe(expected);
  });
  it('leaves what is no time for validation to explain', () => {
    expect(normaliseTime(' noon ')).toBe('noon');
    expect(normaliseTime('25:00')).toBe('25:00');
    // Not padded into something that looks like a time.
    expect(normaliseTime('2:61')).toBe('2:61');
    expect(normaliseTime('24:00')).toBe('24:00');
  });
  it('is what the schema accepts and stores: H:MM in, HH:MM out', () => {
    const parsed = scheduleInputSchema.parse({ name: 'n', days: [1], time: '3:00' });
    expect(parsed.time).toBe('03:00');
    for (const bad of ['24:00', '2:61', 'abc', '']) {
      expect(scheduleInputSchema.safeParse({ name: 'n', days: [1], time: bad }).success).toBe(
        false,
      );
    }
  });
});
