/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   The answers are untyped JSON on purpose: the assertions read the envelope as a client would. */
// Backups happen on the emulator's clock: runs, their endings, rotation, faults, manual backups
// and their limits, image.edit and image.delete with the panel's refusals. The clock is injected
// and moved by the control; nothing here sleeps.
import { describe, expect, it } from 'vitest';
import {
  backupStatusFromZomro,
  computeProtection,
  toProviderIso,
  type ProtectionState,
} from '@zomro-dash/shared';
import { DEMO_ACCOUNT, demoAccountData, type BackupView } from '../src/index.js';
import { rows, startTestEmulator, type Doc, type TestEmulator } from './helpers.js';

const LIST = 'instances.fleio_bckps';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Monday 2026-12-07 12:00 in Zomro's zone (GMT+3). */
const NOW = Date.parse('2026-12-07T12:00:00+03:00');
/** The seed's MyServer: schedule 14, Mon–Sat 02:01, keeps 3 scheduled backups. */
const SEED = '5203773';
const WEB = '5203801'; // Nightly 03:30 and Sunday 05:00, no manual backups

async function signedIn(options: Parameters<typeof startTestEmulator>[0] = {}) {
  const emulator = await startTestEmulator({ now: () => NOW, ...options });
  const auth = await emulator.signIn(DEMO_ACCOUNT);
  return { emulator, auth, control: emulator.control };
}

/** A row with every `{"$": text}` unwrapped, an array of them read as its first. */
const unwrap = (row: Doc): Record<string, string> =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v).$ as string]),
  );

async function listAll(emulator: TestEmulator, auth: string, instanceId: string) {
  const first = await emulator.call({ func: LIST, auth, elid: instanceId });
  const pages = Math.ceil(Number(first.p_elems.$) / Number(first.p_cnt.$));
  const all = rows(first);
  for (let p = 2; p <= pages; p++) {
    all.push(
      ...rows(await emulator.call({ func: LIST, auth, elid: instanceId, p_num: String(p) })),
    );
  }
  return { doc: first, rows: all.map(unwrap) };
}

const autos = (backups: BackupView[]) => backups.filter((b) => b.type === 'auto');
const local = (at: number) => new Date(at + 3 * HOUR).toISOString().slice(0, 19).replace('T', ' ');

async function instanceStatus(emulator: TestEmulator, auth: string, id: string) {
  const doc = await emulator.call({ func: 'instances', auth, p_cnt: '100' });
  return rows(doc)
    .map(unwrap)
    .find((r) => r.id === id)?.instance_status;
}

describe('instances.fleio_bckps (the list)', () => {
  it('lists the seed instance’s history: its last 3 runs and 2 manual backups, paged, with cost and counts', async () => {
    const { emulator, auth } = await signedIn();
    const { doc, rows: list } = await listAll(emulator, auth, SEED);
    expect(doc.p_elems).toEqual({ $: '5' });
    expect(doc.cost.stat_cost.$).toMatch(/^\d+\.\d+$/);
    expect(doc.manual_created_today).toEqual({ $: '0' });
    expect(doc.manual_created_total).toEqual({ $: '2' });
    const scheduled = list.filter((r) => r.backup_type === 'auto');
    // Mon–Sat at 02:01: Friday, Saturday and Monday are kept (Sunday has no run), older rotated.
    expect(scheduled.map((r) => r.createdate)).toEqual([
      '2026-12-04 02:01:00',
      '2026-12-05 02:01:00',
      '2026-12-07 02:01:00',
    ]);
    for (const row of list) {
      expect(Object.keys(row).sort()).toEqual(
        [
          'backup_type',
          'createdate',
          'fleio_status',
          'id',
          'image_size',
          'name',
          'os_distro',
          'os_version',
          'protected',
        ].sort(),
      );
      expect(row.createdate).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(row.fleio_status).toBe('active');
      expect(Number(row.image_size)).toBeGreaterThan(0);
    }
    const manual = list.filter((r) => r.backup_type === 'manual');
    expect(manual.map((r) => [r.name, r.protected])).toEqual([
      ['Before the kernel upgrade', 'on'],
      ['Before PHP 8.3', 'off'],
    ]);
    // Manual rows carry `createdate` as an array of `{$}` (the other form the digest saw).
    const raw = rows(doc).find((r) => r.backup_type.$ === 'manual');
    expect(Array.isArray(raw?.createdate)).toBe(true);
  });

  it('refuses an instance of another account as not found, and needs an instance', async () => {
    const { emulator, auth } = await signedIn();
    expect((await emulator.call({ func: LIST, auth, elid: '6100001' })).error.$type).toBe('missed');
    expect((await emulator.call({ func: LIST, auth })).error.$object).toBe('elid');
  });
});

describe('scheduled runs on the emulated clock', () => {
  it('makes a backup at the run time, saving then active, and rotates the oldest away', async () => {
    const { emulator, auth, control } = await signedIn();
    // Tuesday 02:01 is 14 h 1 min away.
    control.advanceClock(14 * HOUR + MINUTE);
    let backups = autos(control.backupsOf('demo', SEED));
    expect(backups.at(-1)).toMatchObject({ status: 'saving', createdAt: NOW + 14 * HOUR + MINUTE });
    const saving = (await listAll(emulator, auth, SEED)).rows.find(
      (r) => r.id === backups.at(-1)!.id,
    );
    expect(saving).toMatchObject({ fleio_status: 'saving', image_size: '' });
    expect(await instanceStatus(emulator, auth, SEED)).toBe('running_image_uploading');
    // Rotation waits for the new backup to be made: four are listed meanwhile.
    expect(backups).toHaveLength(4);

    control.advanceClock(5 * MINUTE);
    backups = autos(control.backupsOf('demo', SEED));
    expect(backups.map((b) => [local(b.createdAt), b.status])).toEqual([
      ['2026-12-05 02:01:00', 'active'],
      ['2026-12-07 02:01:00', 'active'],
      ['2026-12-08 02:01:00', 'active'],
    ]);
    expect(backups.at(-1)!.sizeGb).toBeGreaterThan(0);
    expect(await instanceStatus(emulator, auth, SEED)).toBe('active');
    // Manual backups are never rotated.
    expect(control.backupsOf('demo', SEED).filter((b) => b.type === 'manual')).toHaveLength(2);
  });

  it('makes every run of a long jump, keeps backup_rotation of them, and a session survives it', async () => {
    const { emulator, auth, control } = await signedIn();
    control.advanceClock(7 * DAY);
    const backups = autos(control.backupsOf('demo', WEB));
    // Nightly 03:30 plus Sunday 05:00, 3 kept: the newest three of the week's eight runs.
    expect(backups.map((b) => local(b.createdAt))).toEqual([
      '2026-12-13 03:30:00',
      '2026-12-13 05:00:00',
      '2026-12-14 03:30:00',
    ]);
    expect(backups).toHaveLength(3);
    expect(await emulator.call({ func: 'keepalive', auth })).toEqual(
      expect.objectContaining({ ok: {} }),
    );
  });

  it('keeps a protected scheduled backup out of rotation', async () => {
    const { emulator, auth, control } = await signedIn();
    const oldest = autos(control.backupsOf('demo', SEED))[0]!;
    const edit = await emulator.call({
      func: 'image.edit',
      auth,
      elid: oldest.id,
      image_name: oldest.name,
      protected: 'on',
      clicked_button: 'ok',
      sok: 'ok',
    });
    expect(edit.ok).toBeDefined();
    control.advanceClock(DAY);
    const kept = autos(control.backupsOf('demo', SEED));
    expect(kept.map((b) => b.id)).toContain(oldest.id);
    expect(kept.filter((b) => !b.protected)).toHaveLength(2);
  });

  it('a schedule edited after a time runs on its new days from then', async () => {
    const { emulator, auth, control } = await signedIn();
    // 12:10: the demo's 12:00 run has ended and nothing is due for hours; the emulator knows it,
    // and must notice the new schedule all the same.
    control.advanceClock(10 * MINUTE);
    control.backupsOf('demo', '5204255');
    await emulator.call({
      func: 'instances.fleio_bckps.schedule.edit',
      auth,
      plid: '5204255',
      name: 'Noon',
      rotation_days: '0,1,2,3,4,5,6',
      rotation_time: '12:30',
      sok: 'ok',
    });
    control.advanceClock(21 * MINUTE);
    const made = control.backupsOf('demo', '5204255');
    expect(made.map((b) => [local(b.createdAt), b.type])).toEqual([
      ['2026-12-07 12:30:00', 'auto'],
    ]);
    expect(made[0]!.name).toBe('Noon 2026-12-07 12:30');
  });
});

describe('faults per instance', () => {
  it('skip: runs never happen, until the fault ends', async () => {
    const { control } = await signedIn();
    control.setBackupFault('demo', WEB, 'skip');
    const before = autos(control.backupsOf('demo', WEB)).map((b) => b.id);
    control.advanceClock(DAY);
    expect(autos(control.backupsOf('demo', WEB)).map((b) => b.id)).toEqual(before);
    control.setBackupFault('demo', WEB, null);
    control.advanceClock(DAY);
    expect(autos(control.backupsOf('demo', WEB)).at(-1)!.createdAt).toBe(
      Date.parse('2026-12-09T03:30:00+03:00'),
    );
  });

  it('kill: runs end killed', async () => {
    const { control } = await signedIn();
    control.setBackupFault('demo', WEB, 'kill');
    control.advanceClock(16 * HOUR); // Tuesday 04:00: the 03:30 run ended
    expect(autos(control.backupsOf('demo', WEB)).at(-1)).toMatchObject({
      status: 'killed',
      createdAt: Date.parse('2026-12-08T03:30:00+03:00'),
    });
  });

  it('stuck: the next run stays saving, the instance uploading, and later runs make nothing', async () => {
    const { emulator, auth, control } = await signedIn();
    control.setBackupFault('demo', WEB, 'stuck');
    control.advanceClock(3 * DAY);
    const made = autos(control.backupsOf('demo', WEB)).filter((b) => b.createdAt > NOW);
    expect(made.map((b) => [local(b.createdAt), b.status])).toEqual([
      ['2026-12-08 03:30:00', 'saving'],
    ]);
    expect(await instanceStatus(emulator, auth, WEB)).toBe('running_image_uploading');
  });
});

describe('the demo account’s two weeks', () => {
  it.each([
    ['02:30', '2026-12-07T02:30:00+03:00'],
    ['12:00', '2026-12-07T12:00:00+03:00'],
    ['23:59', '2026-12-06T23:59:00+03:00'],
  ])(
    'at %s: api-02 missed, grafana stuck, search-01 failed, the rest as scheduled',
    async (_, at) => {
      const now = Date.parse(at);
      const emulator = await startTestEmulator({ now: () => now });
      const { control } = emulator;
      const byName = (name: string) =>
        control.backupsOf('demo', String(5205001 + FLEET_INDEX[name]!));
      const api02 = autos(byName('api-02'));
      // Nightly 02:00; its runs stopped before the second-last one that is 4 h old.
      expect(now - api02.at(-1)!.createdAt).toBeGreaterThan(2 * DAY);
      const grafana = autos(byName('grafana'));
      expect(grafana.at(-1)!.status).toBe('saving');
      expect(now - grafana.at(-1)!.createdAt).toBeGreaterThan(6 * HOUR);
      const search = autos(byName('search-01')).filter((b) => b.status !== 'saving');
      expect(search.at(-1)!.status).toBe('killed');
      // A healthy nightly server has a backup from the last 24 hours.
      const web03 = autos(byName('web-prod-03'));
      expect(now - web03.at(-1)!.createdAt).toBeLessThan(DAY);
      expect(web03.every((b) => b.status === 'active')).toBe(true);
      expect(byName('web-prod-05')).toEqual([]);
    },
  );
});

describe('the demo account’s protection, by the shared rule', () => {
  it.each(['2026-12-07T02:30:00+03:00', '2026-12-07T12:00:00+03:00', '2026-12-06T23:59:00+03:00'])(
    'at %s: 18 ok, 1 missed, 1 stuck, 1 failed, 12 without a schedule',
    async (at) => {
      const now = Date.parse(at);
      const emulator = await startTestEmulator({ now: () => now });
      const data = demoAccountData();
      const states = new Map<string, ProtectionState>();
      for (const instance of data.instances) {
        const protection = computeProtection({
          schedules: data.schedules
            .filter((s) => s.instanceId === instance.id)
            .map((s) => ({ days: s.days, time: s.time, createdAt: s.createDate })),
          backups: emulator.control.backupsOf('demo', instance.id).map((b) => ({
            id: b.id,
            kind: b.type === 'auto' ? 'scheduled' : 'manual',
            createdAt: toProviderIso(new Date(b.createdAt)),
            status: backupStatusFromZomro(b.status),
          })),
          retention: emulator.control.retentionOf('demo', instance.id),
          now: new Date(now),
          graceMinutes: 180,
        });
        states.set(instance.servername, protection.state);
      }
      const count = (state: ProtectionState) =>
        [...states.values()].filter((s) => s === state).length;
      expect(states.get('api-02')).toBe('missed');
      expect(states.get('grafana')).toBe('stuck');
      expect(states.get('search-01')).toBe('failed');
      expect(count('no-schedule')).toBe(12);
      expect(count('ok')).toBe(data.instances.length - 15);
    },
  );
});

const FLEET_INDEX: Record<string, number> = {
  'web-prod-03': 0,
  'web-prod-05': 2,
  'api-02': 4,
  'search-01': 9,
  grafana: 14,
};
