// Schedule versions and If-Match parsing.
import { describe, expect, it } from 'vitest';
import {
  ifMatchAllows,
  parseIfMatch,
  scheduleVersion,
  withVersion,
} from '../../src/services/versions.js';

const schedule = {
  id: '14',
  instanceId: '1',
  name: 'A',
  days: [1, 2] as (1 | 2)[],
  time: '01:00',
  createdAt: null,
};

describe('scheduleVersion', () => {
  it('changes with name, days or time and nothing else', () => {
    const v = scheduleVersion(schedule);
    expect(v).toMatch(/^[\w-]{16}$/);
    expect(scheduleVersion({ ...schedule })).toBe(v);
    expect(scheduleVersion({ ...schedule, name: 'B' })).not.toBe(v);
    expect(scheduleVersion({ ...schedule, days: [1] })).not.toBe(v);
    expect(scheduleVersion({ ...schedule, time: '01:01' })).not.toBe(v);
    // Fields cannot run into each other.
    expect(scheduleVersion({ ...schedule, name: 'A1', time: ':00' })).not.toBe(v);
  });
});

describe('If-Match', () => {
  it('reads *, quoted and weak tags, and lists', () => {
    expect(parseIfMatch('*')).toBe('*');
    expect(parseIfMatch('"abc"')).toEqual(['abc']);
    expect(parseIfMatch(' W/"abc" , "d-e_f" ')).toEqual(['abc', 'd-e_f']);
    for (const bad of ['abc', '"abc', '', '"a"b"', '"a",']) expect(parseIfMatch(bad)).toBeNull();
  });

  it('allows a change only on the version named', () => {
    const current = withVersion(schedule);
    expect(ifMatchAllows(undefined, current)).toBe(true);
    expect(ifMatchAllows('*', current)).toBe(true);
    expect(ifMatchAllows([current.version], current)).toBe(true);
    expect(ifMatchAllows(['old', current.version], current)).toBe(true);
    expect(ifMatchAllows(['old'], current)).toBe(false);
  });
});
