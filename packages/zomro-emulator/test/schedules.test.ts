/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   The answers are untyped JSON on purpose: the assertions read the envelope as a client would. */
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, DEMO_TOTP_ACCOUNT } from '../src/index.js';
import { ENCODINGS, plain, rows, startTestEmulator } from './helpers.js';

const LIST = 'instances.fleio_bckps.schedule';
const EDIT = 'instances.fleio_bckps.schedule.edit';
const DELETE = 'instances.fleio_bckps.schedule.delete';

async function signedIn(options: Parameters<typeof startTestEmulator>[0] = {}) {
  const emulator = await startTestEmulator(options);
  const auth = await emulator.signIn(DEMO_ACCOUNT);
  return { emulator, auth };
}

describe('schedule list', () => {
  it.each(['elid', 'plid'])('takes the instance id as %s', async (field) => {
    const { emulator, auth } = await signedIn();
    const doc = await emulator.call({ func: LIST, auth, [field]: '5203815' });
    expect(rows(doc).map(plain)).toEqual([
      expect.objectContaining({
        id: '24',
        name: 'Бэкап базы',
        rotation_days: 'Monday Wednesday Friday ',
      }),
      expect.objectContaining({
        id: '25',
        rotation_days: 'Saturday Sunday ',
        rotation_time: '22:00',
      }),
      expect.objectContaining({ id: '26', rotation_days: 'Tuesday ', rotation_time: '23:59' }),
    ]);
    expect(doc.p_elems).toEqual({ $: '3' });
    expect(doc.backup_rotation.$).toMatch(/^\d+$/);
    for (const row of rows(doc)) {
      expect(Object.keys(row).sort()).toEqual([
        'create_date',
        'id',
        'instance_id',
        'name',
        'rotation_days',
        'rotation_time',
        'servername',
      ]);
      expect(plain(row)).toMatchObject({ instance_id: '5203815', servername: 'db-primary' });
    }
  });

  it('leaves elem out when an instance has no schedules', async () => {
    const { emulator, auth } = await signedIn();
    const doc = await emulator.call({ func: LIST, auth, elid: '5203816' });
    expect(doc).not.toHaveProperty('elem');
    expect(doc.p_elems).toEqual({ $: '0' });
    expect(doc.error).toBeUndefined();
  });

  it('names the field of a missing or unknown instance', async () => {
    const { emulator, auth } = await signedIn();
    expect((await emulator.call({ func: LIST, auth })).error).toMatchObject({
      $type: 'missed',
      $object: 'elid',
    });
    expect((await emulator.call({ func: LIST, auth, elid: '999' })).error).toMatchObject({
      $type: 'missed',
      $object: 'elid',
    });
    expect((await emulator.call({ func: LIST, auth, plid: '999' })).error).toMatchObject({
      $type: 'missed',
      $object: 'plid',
    });
    // Another account's instance is as unknown as one that does not exist.
    const foreign = await emulator.call({ func: LIST, auth, elid: '6100001' });
    expect(foreign.error).toMatchObject({ $type: 'missed', $object: 'elid' });
  });
});

describe('schedule edit', () => {
  it.each(ENCODINGS)(
    'creates a schedule from %s parameters, answering ok without an id',
    async (encoding) => {
      const now = Date.UTC(2025, 2, 9, 22, 30); // 01:30 on 10 March in GMT+3
      const { emulator, auth } = await signedIn({ now: () => now });
      const doc = await emulator.call(
        {
          func: EDIT,
          auth,
          plid: '5203816',
          name: '  Replica nightly  ',
          rotation_days: '0,1,2,3,4,5,6',
          rotation_time: '03:15',
          sok: 'ok',
        },
        encoding,
      );
      expect(doc.ok).toEqual({});
      expect(doc.error).toBeUndefined();
      expect(JSON.stringify(doc)).not.toMatch(/"\$id"|"id"/);
      const created = emulator.control.schedulesOf('demo', '5203816');
      expect(created).toEqual([
        {
          id: expect.stringMatching(/^\d+$/),
          name: 'Replica nightly',
          days: [0, 1, 2, 3, 4, 5, 6],
          time: '03:15',
        },
      ]);
      const listed = await emulator.call({ func: LIST, auth, elid: '5203816' });
      expect(plain(rows(listed)[0] ?? {})).toEqual({
        create_date: '2025-03-10',
        id: created[0]?.id,
        instance_id: '5203816',
        name: 'Replica nightly',
        rotation_days: 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday ',
        rotation_time: '03:15',
        servername: 'db-replica',
      });
    },
  );

  it('gives new schedules fresh ids above every existing one', async () => {
    const { emulator, auth } = await signedIn();
    const base = {
      func: EDIT,
      auth,
      plid: '5203773',
      rotation_days: '1',
      rotation_time: '01:00',
      sok: 'ok',
    };
    await emulator.call({ ...base, name: 'one' });
    await emulator.call({ ...base, name: 'two' });
    const ids = emulator.control.schedulesOf('demo', '5203773').map((s) => Number(s.id));
    expect(ids[0]).toBe(14);
    expect(ids[1]).toBeGreaterThan(41);
    expect(ids[2]).toBe((ids[1] ?? 0) + 1);
  });

  it('edits a schedule given its elid, with or without plid', async () => {
    const { emulator, auth } = await signedIn();
    const edit = {
      func: EDIT,
      auth,
      elid: '14',
      name: 'Renamed',
      rotation_days: '5,1,3',
      rotation_time: '23:05',
      sok: 'ok',
    };
    expect((await emulator.call(edit)).ok).toBeDefined();
    expect(emulator.control.schedulesOf('demo', '5203773')).toEqual([
      { id: '14', name: 'Renamed', days: [1, 3, 5], time: '23:05' },
    ]);
    expect((await emulator.call({ ...edit, plid: '5203773', name: 'Again' })).ok).toBeDefined();
    expect(emulator.control.schedulesOf('demo', '5203773')[0]?.name).toBe('Again');
    const listed = await emulator.call({ func: LIST, auth, elid: '5203773' });
    expect(plain(rows(listed)[0] ?? {})).toMatchObject({
      id: '14',
      rotation_days: 'Monday Wednesday Friday ',
      create_date: '2024-07-24',
    });
  });

  it('returns the form and changes nothing without sok=ok', async () => {
    const { emulator, auth } = await signedIn();
    const before = emulator.control.schedulesOf('demo', '5203773');
    const form = await emulator.call({
      func: EDIT,
      auth,
      elid: '14',
      name: 'Not saved',
      rotation_days: '0',
      rotation_time: '00:00',
    });
    expect(form.ok).toBeUndefined();
    expect(form.error).toBeUndefined();
    expect(form).toMatchObject({
      elid: { $: '14' },
      plid: { $: '5203773' },
      name: { $: 'MySchedule' },
      rotation_days: { $: '1,2,3,4,5,6' },
      rotation_time: { $: '02:01' },
    });
    const create = await emulator.call({
      func: EDIT,
      auth,
      plid: '5203816',
      name: 'x',
      rotation_days: '1',
      rotation_time: '01:00',
    });
    expect(create.ok).toBeUndefined();
    expect(emulator.control.schedulesOf('demo', '5203773')).toEqual(before);
    expect(emulator.control.schedulesOf('demo', '5203816')).toEqual([]);
  });

  const valid = { name: 'Nightly', rotation_days: '1,2,3', rotation_time: '02:00' };
  it.each([
    ['a missing name', { name: undefined }, 'missed', 'name'],
    ['a blank name', { name: '   ' }, 'missed', 'name'],
    ['a name over 100 characters', { name: 'x'.repeat(101) }, 'value', 'name'],
    ['missing days', { rotation_days: undefined }, 'missed', 'rotation_days'],
    ['a day out of range', { rotation_days: '1,7' }, 'value', 'rotation_days'],
    ['day names instead of numbers', { rotation_days: 'Monday' }, 'value', 'rotation_days'],
    ['a trailing comma', { rotation_days: '1,2,' }, 'value', 'rotation_days'],
    ['a missing time', { rotation_time: undefined }, 'missed', 'rotation_time'],
    ['an hour out of range', { rotation_time: '24:00' }, 'value', 'rotation_time'],
    ['a time without leading zero', { rotation_time: '2:01' }, 'value', 'rotation_time'],
    ['a time with seconds', { rotation_time: '02:01:00' }, 'value', 'rotation_time'],
    ['an unknown instance', { plid: '999' }, 'missed', 'plid'],
    ['another account instance', { plid: '6100001' }, 'missed', 'plid'],
    ['an unknown schedule', { elid: '424242' }, 'missed', 'elid'],
    ['another account schedule', { elid: '40', plid: undefined }, 'missed', 'elid'],
    ['a schedule of a different instance', { elid: '21' }, 'missed', 'elid'],
    ['no instance at all', { plid: undefined }, 'missed', 'plid'],
  ])('refuses %s, naming the field', async (_label, change, type, object) => {
    const { emulator, auth } = await signedIn();
    const params: Record<string, string | undefined> = {
      func: EDIT,
      auth,
      plid: '5203773',
      sok: 'ok',
      ...valid,
      ...change,
    };
    const defined = Object.fromEntries(
      Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
    );
    const doc = await emulator.call(defined);
    expect(doc.ok).toBeUndefined();
    expect(doc.error).toMatchObject({ $type: type, $object: object });
    expect(doc.error.msg.$).toEqual(expect.any(String));
    expect(emulator.control.schedulesOf('demo', '5203773')).toEqual([
      { id: '14', name: 'MySchedule', days: [1, 2, 3, 4, 5, 6], time: '02:01' },
    ]);
  });

  it('accepts a name of exactly 100 characters, counted as characters not bytes', async () => {
    const { emulator, auth } = await signedIn();
    const name = 'ж'.repeat(100);
    const doc = await emulator.call({
      func: EDIT,
      auth,
      plid: '5203816',
      name,
      rotation_days: '0',
      rotation_time: '00:00',
      sok: 'ok',
    });
    expect(doc.ok).toBeDefined();
    expect(emulator.control.schedulesOf('demo', '5203816')[0]?.name).toBe(name);
  });
});

describe('schedule delete', () => {
  it('deletes one schedule', async () => {
    const { emulator, auth } = await signedIn();
    expect((await emulator.call({ func: DELETE, auth, elid: '22' })).ok).toEqual({});
    expect(emulator.control.schedulesOf('demo', '5203801').map((s) => s.id)).toEqual(['21']);
  });

  it('deletes a comma-separated list of schedules', async () => {
    const { emulator, auth } = await signedIn();
    expect((await emulator.call({ func: DELETE, auth, elid: '24, 26' })).ok).toBeDefined();
    expect(emulator.control.schedulesOf('demo', '5203815').map((s) => s.id)).toEqual(['25']);
  });

  it('deletes nothing when any id is unknown or another account’s', async () => {
    const { emulator, auth } = await signedIn();
    for (const elid of ['24,999', '24,40', '']) {
      const doc = await emulator.call({ func: DELETE, auth, elid });
      expect(doc.error).toMatchObject({ $type: 'missed', $object: 'elid' });
    }
    expect(emulator.control.schedulesOf('demo', '5203815')).toHaveLength(3);
    expect(emulator.control.schedulesOf(DEMO_TOTP_ACCOUNT.username, '6100001')).toHaveLength(2);
  });
});

describe('accounts', () => {
  it('gives a created account its own copy of the demo data', async () => {
    const { emulator, auth } = await signedIn();
    const account = emulator.control.createAccount();
    const other = await emulator.signIn(account);
    await emulator.call({ func: DELETE, auth: other, elid: '14' });
    expect(emulator.control.schedulesOf(account.username, '5203773')).toEqual([]);
    expect(emulator.control.schedulesOf('demo', '5203773')).toHaveLength(1);
    const mine = await emulator.call({ func: LIST, auth, elid: '5203773' });
    expect(plain(rows(mine)[0] ?? {}).id).toBe('14');
    expect(() => emulator.control.schedulesOf('nobody', '5203773')).toThrow();
  });

  it('resets to the demo data, without sessions, faults or calls', async () => {
    const { emulator, auth } = await signedIn();
    await emulator.call({ func: DELETE, auth, elid: '14' });
    const account = emulator.control.createAccount();
    emulator.control.addFault({ kind: 'http-403' });
    emulator.control.reset();
    expect(emulator.control.calls).toEqual([]);
    expect(emulator.control.schedulesOf('demo', '5203773')).toHaveLength(1);
    expect(() => emulator.control.schedulesOf(account.username, '5203773')).toThrow();
    const doc = await emulator.call({ func: 'keepalive', auth });
    expect(doc.error).toMatchObject({ $type: 'access' });
  });
});
