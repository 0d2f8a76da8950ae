import { describe, expect, it } from 'vitest';
import {
  formatRotationDaysNames,
  formatRotationDaysParam,
  parseRotationDays,
} from '../src/weekday.js';

describe('parseRotationDays', () => {
  it("reads Zomro's output form: names, Monday first, trailing space", () => {
    expect(parseRotationDays('Monday Tuesday Wednesday Thursday Friday Saturday ')).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
  });
  it('is lenient about case, order, short names, numbers and separators', () => {
    expect(parseRotationDays('  sunday  MONDAY ')).toEqual([0, 1]);
    expect(parseRotationDays('Sat,Sun')).toEqual([0, 6]);
    expect(parseRotationDays('3,1,2')).toEqual([1, 2, 3]);
    expect(parseRotationDays('7')).toEqual([0]);
  });
  it('refuses what is not a day', () => {
    expect(parseRotationDays('')).toBeNull();
    expect(parseRotationDays('Someday')).toBeNull();
    expect(parseRotationDays('1,9')).toBeNull();
  });
});

describe('formatting', () => {
  it('writes numbers for Zomro input, Sunday = 0', () => {
    expect(formatRotationDaysParam([6, 0, 1])).toBe('0,1,6');
  });
  it('writes names Monday first with a trailing space, as Zomro does', () => {
    expect(formatRotationDaysNames([0, 1, 6])).toBe('Monday Saturday Sunday ');
  });
});
