import { describe, expect, it } from 'vitest';
import { nextRun, nextRuns } from '../src/plain/next-run.js';

describe('nextRuns (provider zone GMT+3)', () => {
  it('converts the provider time to UTC', () => {
    // Friday 2026-11-27 00:00 UTC is 03:00 Friday in GMT+3; 02:01 Friday has passed.
    const from = new Date('2026-11-27T00:00:00Z');
    expect(nextRun([1, 2, 3, 4, 5, 6], '02:01', from)?.toISOString()).toBe(
      '2026-11-27T23:01:00.000Z',
    );
  });
  it('uses the provider-zone weekday, not the UTC one', () => {
    // 22:30 UTC Sunday is already 01:30 Monday in GMT+3: a Monday 02:00 run is 30 minutes away.
    const from = new Date('2026-11-29T22:30:00Z');
    expect(nextRun([1], '02:00', from)?.toISOString()).toBe('2026-11-29T23:00:00.000Z');
  });
  it('lists several runs in order, skipping days not chosen', () => {
    const from = new Date('2026-11-27T12:00:00Z'); // Friday 15:00 GMT+3
    const runs = nextRuns([0, 3], '10:00', from, 3).map((d) => d.toISOString());
    expect(runs).toEqual([
      '2026-11-29T07:00:00.000Z',
      '2026-12-02T07:00:00.000Z',
      '2026-12-06T07:00:00.000Z',
    ]);
  });
  it('is strictly after now', () => {
    const from = new Date('2026-11-27T07:00:00Z'); // Friday 10:00 GMT+3
    expect(nextRun([5], '10:00', from)?.toISOString()).toBe('2026-12-04T07:00:00.000Z');
  });
  it('never fires without days or with a bad time', () => {
    expect(nextRuns([], '10:00', new Date(), 5)).toEqual([]);
    expect(nextRuns([1], '25:00', new Date(), 5)).toEqual([]);
  });
});
