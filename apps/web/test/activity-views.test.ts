// The Activity page's views (changes by default) and its exports: a CSV that spreadsheets open with
// Cyrillic intact and formulas neutralised, times in UTC and Zomro's GMT+3, and the JSON as listed.
import type { AuditEntry, Instance } from '@zomro-dash/shared';
import { AUDIT_ACTIONS } from '@zomro-dash/shared/plain';
import { describe, expect, it } from 'vitest';
import { activityCsv, activityJson } from '@/features/activity/lib/export';
import { parseView, viewActions } from '@/features/activity/lib/views';

describe('the Activity views', () => {
  it('show changes unless told otherwise', () => {
    expect(parseView(null)).toBe('changes');
    expect(parseView('nonsense')).toBe('changes');
    expect(parseView('all')).toBe('all');
    expect(parseView('schedule.delete')).toBe('schedule.delete');
  });

  it('ask for every action but sign-ins for changes, and only sign-ins for sessions', () => {
    const changes = viewActions('changes')!;
    expect(changes).toContain('schedule.create');
    expect(changes).toContain('instance.retention');
    expect(changes.some((a) => a.startsWith('session.'))).toBe(false);
    expect(viewActions('sessions')).toEqual(AUDIT_ACTIONS.filter((a) => a.startsWith('session.')));
    expect(viewActions('all')).toBeUndefined();
    expect(viewActions('schedule.update')).toEqual(['schedule.update']);
  });
});

const ENTRY: AuditEntry = {
  id: '1',
  at: '2026-12-07T23:30:00.000Z',
  actor: '=cmd|калина',
  account: 'team',
  action: 'schedule.update',
  instanceId: '5203773',
  scheduleId: '14',
  before: { name: 'Ночной, "основной"', days: [1, 2], time: '02:00' },
  after: { name: 'Ночной, "основной"', days: [1, 2, 3], time: '02:30' },
  outcome: 'failed',
  errorCode: 'UPSTREAM_REJECTED',
};

describe('the Activity export', () => {
  it('writes a CSV with a byte-order mark, both zones and no formula', () => {
    const instances = new Map<string, Instance>([
      ['5203773', { id: '5203773', name: 'db & <prod>', tariff: 't', ip: '', status: 'active' }],
    ]);
    const csv = activityCsv([ENTRY], instances);
    expect(csv.startsWith('\uFEFFtime (UTC),time (GMT+3),operator,action')).toBe(true);
    const [, row] = csv.slice(1).split('\r\n');
    expect(row).toBe(
      [
        '2026-12-07T23:30:00.000Z',
        '2026-12-08 02:30:00',
        "'=cmd|калина",
        'schedule.update',
        '5203773',
        'db & <prod>',
        '14',
        '"Ночной, ""основной"": Monday Tuesday 02:00"',
        '"Ночной, ""основной"": Monday Tuesday Wednesday 02:30"',
        '',
        '',
        'failed',
        'UPSTREAM_REJECTED',
      ].join(','),
    );
  });

  it('writes the entries as JSON', () => {
    expect(JSON.parse(activityJson([ENTRY]))).toEqual([ENTRY]);
  });
});
