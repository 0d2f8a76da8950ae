// Zomro rows → the dashboard's instances and schedules, and finding a created schedule.
import { describe, expect, it } from 'vitest';
import { toInstance, toSchedule } from '../../src/zomro/mappers.js';

describe('toInstance', () => {
  it('maps a row, showing servername or else the tariff', () => {
    const row = {
      id: { $: '5203773' },
      servername: { $: 'MyServer' },
      name: { $: 'Cloud VPS 2 GB' },
      ip: { $: '185.231.245.17' },
      instance_status: { $: 'active' },
      item_status: { $: '2' },
      status: { $: '2' },
      instances_os: { $: 'Ubuntu 22.04' },
    };
    expect(toInstance(row)).toEqual({
      id: '5203773',
      name: 'MyServer',
      tariff: 'Cloud VPS 2 GB',
      ip: '185.231.245.17',
      status: 'active',
    });
    expect(toInstance({ ...row, servername: { $: '' } })?.name).toBe('Cloud VPS 2 GB');
    expect(toInstance({ ...row, servername: undefined })?.name).toBe('Cloud VPS 2 GB');
  });

  it('falls back to status and drops rows without a digit id', () => {
    expect(toInstance({ id: { $: '9' }, status: { $: 'stopped' } })?.status).toBe('stopped');
    expect(toInstance({ id: { $: 'abc' } })).toBeNull();
    expect(toInstance({})).toBeNull();
  });
});

describe('toSchedule', () => {
  const row = {
    create_date: { $: '2024-07-24' },
    id: { $: '14' },
    instance_id: { $: '5203773' },
    name: { $: 'MySchedule' },
    rotation_days: { $: 'Monday Tuesday Wednesday Thursday Friday Saturday ' },
    rotation_time: { $: '02:01' },
    servername: { $: 'MyServer' },
  };

  it('maps day names to sorted numbers with Sunday = 0', () => {
    expect(toSchedule(row, '5203773')).toEqual({
      id: '14',
      instanceId: '5203773',
      name: 'MySchedule',
      days: [1, 2, 3, 4, 5, 6],
      time: '02:01',
      createdAt: '2024-07-24',
    });
    expect(toSchedule({ ...row, rotation_days: { $: 'Sunday Monday ' } }, '1')?.days).toEqual([
      0, 1,
    ]);
    expect(toSchedule({ ...row, rotation_days: { $: '6,0' } }, '1')?.days).toEqual([0, 6]);
  });

  it('tolerates odd times and dates and missing fields', () => {
    expect(toSchedule({ ...row, rotation_time: { $: '2:05:00' } }, '1')?.time).toBe('02:05');
    expect(toSchedule({ ...row, create_date: { $: '2024-07-24 10:11:12' } }, '1')?.createdAt).toBe(
      '2024-07-24',
    );
    expect(toSchedule({ id: { $: '15' } }, '1')).toEqual({
      id: '15',
      instanceId: '1',
      name: '',
      days: [],
      time: '',
      createdAt: null,
    });
    expect(toSchedule({ ...row, id: { $: '' } }, '1')).toBeNull();
  });

  it('normalises times Zomro sends as H:MM or HH:MM:SS', () => {
    const row = { id: { $: '1' }, rotation_days: { $: 'Monday ' } };
    expect(toSchedule({ ...row, rotation_time: { $: '7:30' } }, '1')?.time).toBe('07:30');
    expect(toSchedule({ ...row, rotation_time: { $: ' 23:59:59 ' } }, '1')?.time).toBe('23:59');
  });
});
