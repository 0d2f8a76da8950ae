// Issue 20 item 5: "spread the start times" in apply to many, and the same-minute warning per
// server, which follows each server's spread start.
import { describe, expect, it } from 'vitest';
import { spreadOffsets } from '@/features/fleet/lib/spread';
import { findOverlaps } from '@/features/schedules/lib/overlap';
import { addMinutes } from '@/lib/time-of-day';

describe('spreading start times', () => {
  it('spreads servers evenly over the window, the first at the form’s time', () => {
    expect(spreadOffsets(4, 30, '02:00')).toEqual([0, 10, 20, 30]);
    expect(spreadOffsets(1, 30, '02:00')).toEqual([0]);
    expect(spreadOffsets(0, 30, '02:00')).toEqual([]);
  });

  it('never crosses midnight: the window ends at 23:59', () => {
    const offsets = spreadOffsets(3, 60, '23:30');
    expect(offsets).toEqual([0, 15, 29]);
    expect(offsets.map((m) => addMinutes('23:30', m))).toEqual(['23:30', '23:45', '23:59']);
  });

  it('warns per server, at the time that server will start', () => {
    const others = [
      { name: 'Nightly', days: [0, 1, 2] as const, time: '02:00', server: 'web-3', shift: 0 },
      { name: 'Nightly', days: [0, 1, 2] as const, time: '02:00', server: 'web-4', shift: 30 },
      { name: 'Late', days: [1] as const, time: '02:30', server: 'web-5', shift: 30 },
    ];
    expect(findOverlaps([1], '02:00', others)).toEqual([
      { name: 'Nightly', days: [1], server: 'web-3' },
      { name: 'Late', days: [1], server: 'web-5' },
    ]);
  });
});
