// The overview's pure pieces: the one-line summary, the 7 × 24 grid in both zones, the exports
// (hostile names included), the curl command and the overlap check.
import type { BackupSchedule, FleetInstance, Weekday } from '@zomro-dash/shared';
import { describe, expect, it } from 'vitest';
import { fleetCsv, fleetJson } from '@/features/fleet/lib/export';
import { schedulesLine, startsPerHour } from '@/features/fleet/lib/fleet';
import { scheduleCurl } from '@/features/schedules/lib/curl';
import { findOverlaps } from '@/features/schedules/lib/overlap';
import { summarizeDays } from '@/lib/weekdays';

const schedule = (id: string, name: string, days: Weekday[], time: string): BackupSchedule => ({
  id,
  instanceId: '1',
  name,
  days,
  time,
  createdAt: null,
  version: 'v',
});
const entry = (id: string, name: string, schedules: BackupSchedule[]): FleetInstance => ({
  instance: { id, name, tariff: 'Cloud VPS', ip: '', status: 'active' },
  schedules,
});
const NOW = new Date('2026-11-27T09:00:00Z');

describe('the fleet lib', () => {
  it('puts every schedule of an instance in one line', () => {
    const line = schedulesLine(
      [schedule('1', 'a', [1, 2, 3, 4, 5], '02:00'), schedule('2', 'b', [0], '04:00')],
      (days) => summarizeDays(days, 'en'),
    );
    expect(line).toBe('Mon–Fri 02:00 · Sun 04:00');
  });

  it('counts starts per hour in GMT+3 and shifted to another zone, across the week’s end', () => {
    const fleet = [
      entry('1', 'a', [schedule('1', 'a', [0, 1], '02:30')]),
      entry('2', 'b', [schedule('2', 'b', [1], '02:00')]),
    ];
    const provider = startsPerHour(fleet);
    expect(provider[1]![2]).toBe(2);
    expect(provider[0]![2]).toBe(1);
    // UTC−5: eight hours earlier; Sunday 02:30 becomes Saturday 18:30, Monday's two Sunday 18:xx.
    const shifted = startsPerHour(fleet, -300);
    expect(shifted[0]![18]).toBe(2);
    expect(shifted[6]![18]).toBe(1);
    expect(shifted[1]![2]).toBe(0);
  });

  it('exports CSV with quoting and no formula from a hostile name, and JSON with Zomro days', () => {
    const fleet = [
      entry('1', '=HYPERLINK("x"), & <b>', [schedule('1', 'Нightly, "full"', [1], '02:00')]),
      entry('2', 'empty', []),
    ];
    const csv = fleetCsv(fleet, NOW).split('\r\n');
    expect(csv[1]).toBe(
      `1,"'=HYPERLINK(""x""), & <b>",active,"Нightly, ""full""",Monday,02:00,2026-11-29T23:00:00.000Z,`,
    );
    expect(csv[2]).toBe('2,empty,active,,,,,');
    const json = JSON.parse(fleetJson(fleet, NOW)) as Array<Record<string, unknown>>;
    expect(json[0]).toMatchObject({ instanceId: '1', days: [1], timeGmt3: '02:00', error: null });
    expect(json[1]).toMatchObject({ instanceId: '2', schedule: null, days: [], error: null });
  });

  // Issue 19 item 10: a server that could not be read looked exactly like one without a schedule.
  it('exports a read failure in its own column, unlike a server without schedules', () => {
    const failed: FleetInstance = {
      ...entry('3', 'down', []),
      error: { code: 'ZOMRO_UNAVAILABLE', message: 'Zomro did not answer, try again' },
    };
    const fleet = [entry('2', 'empty', []), failed];
    const csv = fleetCsv(fleet, NOW).split('\r\n');
    expect(csv[0]).toContain(',read error');
    expect(csv[1]).toBe('2,empty,active,,,,,');
    expect(csv[2]).toBe('3,down,active,,,,,"ZOMRO_UNAVAILABLE: Zomro did not answer, try again"');
    const json = JSON.parse(fleetJson(fleet, NOW)) as Array<Record<string, unknown>>;
    expect(json[0]!.error).toBeNull();
    expect(json[1]!.error).toEqual(failed.error);
  });

  // Issue 20 item 11: Excel needs the byte-order mark to read Cyrillic; days in the UI's language.
  it('starts the CSV with a UTF-8 byte-order mark and names the days in the given language', () => {
    const fleet = [entry('1', 'Сервер', [schedule('1', 'Ночной', [1, 3], '02:00')])];
    const csv = fleetCsv(fleet, NOW, 'ru');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFinstance id,instance name,status,schedule,days,time (GMT+3),next run,read error',
    );
    expect(csv.split('\r\n')[1]).toContain(',Понедельник Среда,02:00,');
  });
});

describe('copy as curl', () => {
  it('quotes hostile names for the shell and for curl, and never carries a token', () => {
    const text = scheduleCurl('5203773', { name: `it's "x" & y`, days: [0, 6], time: '02:01' });
    expect(text).toContain(`--form 'name="it'\\''s \\"x\\" & y"'`);
    expect(text).toContain(`--form 'rotation_days="0,6"'`);
    expect(text).toContain('--form "auth=\\"$ZOMRO_AUTH\\""');
  });
});

describe('overlaps', () => {
  it('finds schedules starting on a shared day at the same minute only', () => {
    const others = [
      { name: 'Nightly', days: [0, 1, 2] as Weekday[], time: '03:30' },
      { name: 'Other', days: [1] as Weekday[], time: '03:31' },
    ];
    expect(findOverlaps([2, 3], '03:30', others)).toEqual([{ name: 'Nightly', days: [2] }]);
    expect(findOverlaps([3], '03:30', others)).toEqual([]);
  });
});
