import { describe, expect, it } from 'vitest';
import {
  computeProtection,
  type ProtectionBackup,
  type ProtectionInput,
  type ProtectionSchedule,
} from '../src/plain/protection.js';
import type { Weekday } from '../src/plain/weekday.js';

// 2026-12-07 is a Monday. Times are written in Zomro's zone (GMT+3) to read like the panel.
const at = (local: string): Date => new Date(`${local}+03:00`);
const iso = (local: string): string => `${local}:00+03:00`;
let seq = 0;
const backup = (
  local: string,
  status: ProtectionBackup['status'] = 'ready',
  kind: ProtectionBackup['kind'] = 'scheduled',
): ProtectionBackup => ({ id: String(++seq), kind, createdAt: iso(local), status });
const daily = (time: string, createdAt: string | null = '2026-10-01'): ProtectionSchedule => ({
  days: [0, 1, 2, 3, 4, 5, 6],
  time,
  createdAt,
});
const on = (days: Weekday[], time: string, createdAt: string | null = '2026-10-01') => ({
  days,
  time,
  createdAt,
});
/** Scheduled ready backups one minute after 02:00 on each of these December days. */
const nightly = (...days: number[]) =>
  days.map((d) => backup(`2026-12-${String(d).padStart(2, '0')}T02:01`));

interface Row {
  name: string;
  input: Partial<ProtectionInput> & { now: Date };
  state: string;
  missedRuns?: string[];
  stuckBackupIds?: (backups: readonly ProtectionBackup[]) => string[];
  lastBackupAt?: string | null;
  nextRunAt?: string | null;
}

const rows: Row[] = [
  {
    name: 'no schedule: manual backups do not make it protected',
    input: {
      schedules: [],
      backups: [backup('2026-12-07T09:00', 'ready', 'manual')],
      now: at('2026-12-07T12:00'),
    },
    state: 'no-schedule',
    lastBackupAt: iso('2026-12-07T09:00'),
    nextRunAt: null,
  },
  {
    name: 'ok: every nightly run of the last 8 days made a backup',
    input: {
      schedules: [daily('02:00')],
      backups: [...nightly(7, 6, 5, 4, 3, 2, 1), backup('2026-11-30T02:01')],
      now: at('2026-12-07T12:00'),
    },
    state: 'ok',
    missedRuns: [],
    lastBackupAt: iso('2026-12-07T02:01'),
    nextRunAt: iso('2026-12-08T02:00'),
  },
  {
    name: 'missed: the last two runs made nothing, newest first',
    input: {
      schedules: [daily('02:00')],
      backups: [...nightly(5, 4, 3, 2, 1), backup('2026-11-30T02:01')],
      now: at('2026-12-07T12:00'),
    },
    state: 'missed',
    missedRuns: [iso('2026-12-07T02:00'), iso('2026-12-06T02:00')],
    lastBackupAt: iso('2026-12-05T02:01'),
  },
  {
    name: 'missed runs are at most 10, newest first',
    input: {
      schedules: [on([0, 1, 2, 3, 4, 5, 6], '02:00'), on([0, 1, 2, 3, 4, 5, 6], '14:00')],
      backups: [],
      now: at('2026-12-07T20:00'),
    },
    state: 'missed',
    missedRuns: [
      iso('2026-12-07T14:00'),
      iso('2026-12-07T02:00'),
      iso('2026-12-06T14:00'),
      iso('2026-12-06T02:00'),
      iso('2026-12-05T14:00'),
      iso('2026-12-05T02:00'),
      iso('2026-12-04T14:00'),
      iso('2026-12-04T02:00'),
      iso('2026-12-03T14:00'),
      iso('2026-12-03T02:00'),
    ],
  },
  {
    name: 'week wrap: Sat/Sun/Mon at 23:30, Sunday made nothing',
    input: {
      schedules: [on([6, 0, 1], '23:30')],
      backups: [backup('2026-11-30T23:31'), backup('2026-12-05T23:31'), backup('2026-12-07T23:32')],
      now: at('2026-12-08T10:00'),
    },
    state: 'missed',
    missedRuns: [iso('2026-12-06T23:30')],
    nextRunAt: iso('2026-12-12T23:30'),
  },
  {
    name: 'week wrap: Monday 00:30 in GMT+3 is Sunday in UTC, and it ran',
    input: {
      schedules: [on([1], '00:30')],
      backups: [backup('2026-11-30T00:31'), backup('2026-12-07T00:31')],
      now: at('2026-12-07T06:00'),
    },
    state: 'ok',
    nextRunAt: iso('2026-12-14T00:30'),
  },
  {
    name: 'week wrap: Monday 00:30 in GMT+3, and it did not run',
    input: {
      schedules: [on([1], '00:30')],
      backups: [backup('2026-11-30T00:31')],
      now: at('2026-12-07T04:00'),
    },
    state: 'missed',
    missedRuns: [iso('2026-12-07T00:30')],
  },
  {
    name: 'several schedules: weekdays 02:00 and weekends 14:00, Saturday made nothing',
    input: {
      schedules: [on([1, 2, 3, 4, 5], '02:00'), on([0, 6], '14:00')],
      backups: [...nightly(7, 4, 3, 2, 1), backup('2026-11-30T02:01'), backup('2026-12-06T14:01')],
      now: at('2026-12-07T20:00'),
    },
    state: 'missed',
    missedRuns: [iso('2026-12-05T14:00')],
  },
  {
    name: 'several schedules at the same time: one missed run is listed once',
    input: {
      schedules: [daily('02:00'), on([1], '02:00')],
      backups: nightly(6, 5, 4, 3, 2, 1).concat(backup('2026-11-30T02:01')),
      now: at('2026-12-07T12:00'),
    },
    state: 'missed',
    missedRuns: [iso('2026-12-07T02:00')],
  },
  {
    name: 'retention cuts the window: 3 kept, runs before the oldest kept were rotated away',
    input: {
      schedules: [daily('02:00')],
      backups: nightly(7, 6, 5),
      retention: 3,
      now: at('2026-12-07T12:00'),
    },
    state: 'ok',
    missedRuns: [],
  },
  {
    name: 'retention not reached: the older runs are missed',
    input: {
      schedules: [daily('02:00')],
      backups: nightly(7, 6, 5),
      retention: 5,
      now: at('2026-12-07T12:00'),
    },
    state: 'missed',
    missedRuns: [
      iso('2026-12-04T02:00'),
      iso('2026-12-03T02:00'),
      iso('2026-12-02T02:00'),
      iso('2026-12-01T02:00'),
      iso('2026-11-30T02:00'),
    ],
  },
  {
    name: 'retention cuts the window yet a run after the oldest kept is still missed',
    input: {
      schedules: [daily('02:00')],
      backups: nightly(7, 5, 4),
      retention: 3,
      now: at('2026-12-07T12:00'),
    },
    state: 'missed',
    missedRuns: [iso('2026-12-06T02:00')],
  },
  {
    name: 'retention unknown: the whole 8 days are checked',
    input: {
      schedules: [daily('02:00')],
      backups: nightly(7, 6, 5, 4, 3, 2),
      retention: null,
      now: at('2026-12-07T12:00'),
    },
    state: 'missed',
    missedRuns: [iso('2026-12-01T02:00'), iso('2026-11-30T02:00')],
  },
  {
    name: "a schedule made yesterday: yesterday's run is not missed",
    input: {
      schedules: [daily('02:00', '2026-12-06')],
      backups: nightly(7),
      now: at('2026-12-07T12:00'),
    },
    state: 'ok',
    missedRuns: [],
  },
  {
    name: 'a schedule made yesterday that did not run today',
    input: { schedules: [daily('02:00', '2026-12-06')], backups: [], now: at('2026-12-07T12:00') },
    state: 'missed',
    missedRuns: [iso('2026-12-07T02:00')],
  },
  {
    name: 'waiting: a schedule made today for tomorrow',
    input: { schedules: [daily('02:00', '2026-12-07')], backups: [], now: at('2026-12-07T12:00') },
    state: 'waiting',
    nextRunAt: iso('2026-12-08T02:00'),
    lastBackupAt: null,
  },
  {
    name: 'not waiting: a schedule made today whose run today made a backup',
    input: {
      schedules: [daily('02:00', '2026-12-07')],
      backups: nightly(7),
      now: at('2026-12-07T12:00'),
    },
    state: 'ok',
  },
  {
    name: 'waiting: a weekly schedule made today whose first run is tomorrow',
    input: {
      schedules: [on([2], '02:00', '2026-12-07')],
      backups: [],
      now: at('2026-12-07T12:00'),
    },
    state: 'waiting',
  },
  {
    name: 'grace edge: exactly 180 minutes after the run it is not missed yet',
    input: {
      schedules: [daily('02:00')],
      backups: nightly(6, 5, 4, 3, 2, 1).concat(backup('2026-11-30T02:01')),
      now: at('2026-12-07T05:00'),
    },
    state: 'ok',
    missedRuns: [],
  },
  {
    name: 'grace edge: one millisecond later it is',
    input: {
      schedules: [daily('02:00')],
      backups: nightly(6, 5, 4, 3, 2, 1).concat(backup('2026-11-30T02:01')),
      now: new Date(at('2026-12-07T05:00').getTime() + 1),
    },
    state: 'missed',
    missedRuns: [iso('2026-12-07T02:00')],
  },
  {
    name: 'grace edge: a shorter grace checks sooner',
    input: {
      schedules: [daily('02:00')],
      backups: nightly(6, 5, 4, 3, 2, 1).concat(backup('2026-11-30T02:01')),
      graceMinutes: 60,
      now: at('2026-12-07T03:01'),
    },
    state: 'missed',
    missedRuns: [iso('2026-12-07T02:00')],
  },
  {
    name: 'grace edge: a backup 10 minutes before the run counts',
    input: {
      schedules: [daily('02:00')],
      backups: [
        backup('2026-12-07T01:50'),
        ...nightly(6, 5, 4, 3, 2, 1),
        backup('2026-11-30T02:01'),
      ],
      now: at('2026-12-07T12:00'),
    },
    state: 'ok',
  },
  {
    name: 'grace edge: 11 minutes before does not',
    input: {
      schedules: [daily('02:00')],
      backups: [
        backup('2026-12-07T01:49'),
        ...nightly(6, 5, 4, 3, 2, 1),
        backup('2026-11-30T02:01'),
      ],
      now: at('2026-12-07T12:00'),
    },
    state: 'missed',
    missedRuns: [iso('2026-12-07T02:00')],
  },
  {
    name: 'grace edge: a backup at the end of the grace counts, one minute later does not',
    input: {
      schedules: [daily('02:00')],
      backups: [
        backup('2026-12-07T05:00'),
        backup('2026-12-06T05:01'),
        ...nightly(5, 4, 3, 2, 1),
        backup('2026-11-30T02:01'),
      ],
      now: at('2026-12-07T12:00'),
    },
    state: 'missed',
    missedRuns: [iso('2026-12-06T02:00')],
  },
  {
    name: 'stuck: in progress for more than 6 hours, before failed and missed',
    input: {
      schedules: [daily('02:00')],
      backups: [backup('2026-12-07T02:01', 'in-progress'), backup('2026-12-06T02:01', 'failed')],
      now: at('2026-12-07T08:02'),
    },
    state: 'stuck',
    stuckBackupIds: (b) => [b[0]!.id],
    lastBackupAt: null,
  },
  {
    name: 'not stuck at exactly 6 hours: a run in progress is a run',
    input: {
      schedules: [daily('02:00')],
      backups: [
        backup('2026-12-07T02:00', 'in-progress'),
        ...nightly(6, 5, 4, 3, 2, 1),
        backup('2026-11-30T02:01'),
      ],
      now: at('2026-12-07T08:00'),
    },
    state: 'ok',
    stuckBackupIds: () => [],
    lastBackupAt: iso('2026-12-06T02:01'),
  },
  {
    name: 'stuck: a manual backup stuck counts as well',
    input: {
      schedules: [daily('02:00')],
      backups: [
        ...nightly(7, 6, 5, 4, 3, 2, 1),
        backup('2026-11-30T02:01'),
        backup('2026-12-07T03:00', 'in-progress', 'manual'),
      ],
      now: at('2026-12-07T09:30'),
    },
    state: 'stuck',
    stuckBackupIds: (b) => [b[b.length - 1]!.id],
  },
  {
    name: 'failed: the newest scheduled backup failed (a newer manual one does not hide it), before missed',
    input: {
      schedules: [daily('02:00')],
      backups: [
        backup('2026-12-07T02:01', 'failed'),
        backup('2026-12-07T10:00', 'ready', 'manual'),
      ],
      now: at('2026-12-07T12:00'),
    },
    state: 'failed',
    lastBackupAt: iso('2026-12-07T10:00'),
  },
  {
    name: 'failed: a run in progress does not clear the failure before it',
    input: {
      schedules: [daily('02:00')],
      backups: [backup('2026-12-07T02:01', 'in-progress'), backup('2026-12-06T02:01', 'failed')],
      now: at('2026-12-07T02:03'),
    },
    state: 'failed',
  },
  {
    name: 'an older failure followed by a good backup is ok',
    input: {
      schedules: [daily('02:00')],
      backups: [
        ...nightly(7),
        backup('2026-12-06T02:01', 'failed'),
        ...nightly(5, 4, 3, 2, 1),
        backup('2026-11-30T02:01'),
      ],
      now: at('2026-12-07T12:00'),
    },
    state: 'ok',
  },
];

describe('computeProtection', () => {
  it.each(rows)('$name', (row) => {
    const input: ProtectionInput = {
      schedules: [],
      backups: [],
      retention: 10,
      graceMinutes: 180,
      ...row.input,
    };
    const result = computeProtection(input);
    expect(result.state).toBe(row.state);
    if (row.missedRuns) expect(result.missedRuns).toEqual(row.missedRuns);
    if (row.stuckBackupIds)
      expect(result.stuckBackupIds).toEqual(row.stuckBackupIds(input.backups));
    if (row.lastBackupAt !== undefined) expect(result.lastBackupAt).toBe(row.lastBackupAt);
    if (row.nextRunAt !== undefined) expect(result.nextRunAt).toBe(row.nextRunAt);
  });

  it('ignores a backup whose date cannot be read', () => {
    const result = computeProtection({
      schedules: [daily('02:00')],
      backups: [{ id: '1', kind: 'scheduled', createdAt: 'yesterday', status: 'in-progress' }],
      retention: 1,
      graceMinutes: 180,
      now: at('2026-12-07T12:00'),
    });
    expect(result.stuckBackupIds).toEqual([]);
    expect(result.state).toBe('missed');
  });
});
