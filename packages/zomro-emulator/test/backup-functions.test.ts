/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   The answers are untyped JSON on purpose: the assertions read the envelope as a client would. */
// Manual backups and their limits, image.edit and image.delete with the panel's refusals, access
// to another account's or instance's image, and the clock's HTTP control. The clock is injected
// and moved by the control; nothing here sleeps.
import { describe, expect, it } from 'vitest';
import {
  DEMO_ACCOUNT,
  MANUAL_PER_DAY,
  MANUAL_TOTAL,
  STAT_COST,
  BACKUP_MINUTES,
} from '../src/index.js';
import { plain, rows, startTestEmulator, type Doc, type TestEmulator } from './helpers.js';

const LIST = 'instances.fleio_bckps';
const CREATE = 'instances.fleio_bckps.edit';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Monday 2026-12-07 12:00 in Zomro's zone (GMT+3): no demo run is due within the hour. */
const NOW = Date.parse('2026-12-07T12:00:00+03:00');
const SEED = '5203773'; // MyServer: two manual backups in the demo history, one protected
const WEB = '5203801';

async function signedIn() {
  const emulator = await startTestEmulator({ now: () => NOW, testControl: true });
  const auth = await emulator.signIn(DEMO_ACCOUNT);
  return { emulator, auth, control: emulator.control };
}

const backUpNow = (emulator: TestEmulator, auth: string, plid: string, name: string, lang = 'en') =>
  emulator.call({
    func: CREATE,
    auth,
    plid,
    name,
    rotation_days: '',
    rotation_time: '',
    sok: 'ok',
    lang,
  });

const error = (doc: Doc) => ({
  type: doc.error?.$type as string,
  object: doc.error?.$object as string,
  msg: doc.error?.msg?.$ as string,
});

describe('instances.fleio_bckps.edit (back up now)', () => {
  it('answers the form without sok and changes nothing', async () => {
    const { emulator, auth, control } = await signedIn();
    const before = control.backupsOf('demo', WEB);
    const form = await emulator.call({ func: CREATE, auth, plid: WEB });
    expect(form.plid).toEqual({ $: WEB });
    expect(control.backupsOf('demo', WEB)).toEqual(before);
  });

  it('makes a manual backup: saving, the instance uploading, active a few minutes later', async () => {
    const { emulator, auth, control } = await signedIn();
    const answer = await backUpNow(emulator, auth, WEB, 'Before the upgrade');
    // A bare ok, as for a schedule's create: no id of the new backup.
    expect(answer).toEqual(expect.objectContaining({ ok: {} }));
    expect(Object.keys(answer)).not.toContain('id');
    const made = control.backupsOf('demo', WEB).filter((b) => b.type === 'manual');
    expect(made).toMatchObject([{ name: 'Before the upgrade', status: 'saving', createdAt: NOW }]);
    const list = await emulator.call({ func: LIST, auth, elid: WEB });
    expect(list.manual_created_today).toEqual({ $: '1' });
    expect(list.manual_created_total).toEqual({ $: '1' });
    expect(list.cost.stat_cost).toEqual({ $: STAT_COST });
    const instances = rows(await emulator.call({ func: 'instances', auth, p_cnt: '100' }));
    expect(plain(instances.find((r) => r.id.$ === WEB)!).instance_status).toBe(
      'running_image_uploading',
    );
    // While it is made, a second one is refused as Zomro refuses a busy instance.
    expect(error(await backUpNow(emulator, auth, WEB, 'Again')).object).toBe('runningoperation');

    control.advanceClock(BACKUP_MINUTES * MINUTE);
    const done = control.backupsOf('demo', WEB).filter((b) => b.type === 'manual');
    expect(done).toMatchObject([{ status: 'active' }]);
    expect(done[0]!.sizeGb).toBeGreaterThan(0);
    const after = rows(await emulator.call({ func: 'instances', auth, p_cnt: '100' }));
    expect(plain(after.find((r) => r.id.$ === WEB)!).instance_status).toBe('active');
  });

  it('refuses a missing or too long name, and an instance in error, changing nothing', async () => {
    const { emulator, auth, control } = await signedIn();
    expect(error(await backUpNow(emulator, auth, WEB, '  '))).toMatchObject({
      type: 'missed',
      object: 'name',
    });
    expect(error(await backUpNow(emulator, auth, WEB, 'x'.repeat(101)))).toMatchObject({
      type: 'value',
      object: 'name',
    });
    control.setInstanceStatus('demo', WEB, 'error');
    expect(error(await backUpNow(emulator, auth, WEB, 'Fine'))).toMatchObject({ type: 'value' });
    expect(error(await backUpNow(emulator, auth, '6100001', 'Fine')).type).toBe('missed');
    expect(control.backupsOf('demo', WEB).filter((b) => b.type === 'manual')).toEqual([]);
  });

  it(`allows ${MANUAL_PER_DAY} a day (deleted ones still count), refuses the next in both languages, and allows more the next day`, async () => {
    const { emulator, auth, control } = await signedIn();
    for (let i = 1; i <= MANUAL_PER_DAY; i++) {
      expect((await backUpNow(emulator, auth, WEB, `Manual ${i}`)).ok).toBeDefined();
      control.advanceClock(BACKUP_MINUTES * MINUTE);
    }
    // Deleting one does not give the day's allowance back.
    const first = control.backupsOf('demo', WEB).find((b) => b.name === 'Manual 1')!;
    expect((await emulator.call({ func: 'image.delete', auth, elid: first.id })).ok).toBeDefined();
    const refused = error(await backUpNow(emulator, auth, WEB, 'One too many'));
    expect(refused).toMatchObject({ type: 'value', object: 'backup_limit' });
    expect(refused.msg).toContain(String(MANUAL_PER_DAY));
    const ru = error(await backUpNow(emulator, auth, WEB, 'One too many', 'ru'));
    expect(ru.msg).toMatch(/[а-я]/);
    expect(control.backupsOf('demo', WEB).filter((b) => b.type === 'manual')).toHaveLength(4);
    const list = await emulator.call({ func: LIST, auth, elid: WEB });
    expect(list.manual_created_today).toEqual({ $: String(MANUAL_PER_DAY) });

    // Zomro's day is GMT+3: at 00:00 there (12 h on from Monday 12:00) the count starts again.
    control.advanceClock(12 * HOUR - MANUAL_PER_DAY * BACKUP_MINUTES * MINUTE);
    expect((await backUpNow(emulator, auth, WEB, 'Tuesday')).ok).toBeDefined();
  });

  it(`refuses more than ${MANUAL_TOTAL} kept in all`, async () => {
    const { emulator, auth, control } = await signedIn();
    let made = 0;
    // The seed server keeps 2; five a day for twenty days brings it to the total.
    while (made < MANUAL_TOTAL - 2) {
      for (let i = 0; i < MANUAL_PER_DAY && made < MANUAL_TOTAL - 2; i++, made++) {
        expect((await backUpNow(emulator, auth, SEED, `M${made}`)).ok).toBeDefined();
        control.advanceClock(BACKUP_MINUTES * MINUTE);
      }
      control.advanceClock(DAY);
    }
    const refused = error(await backUpNow(emulator, auth, SEED, 'Too many'));
    expect(refused).toMatchObject({ type: 'value', object: 'backup_limit' });
    expect(refused.msg).toContain(String(MANUAL_TOTAL));
    const list = await emulator.call({ func: LIST, auth, elid: SEED });
    expect(list.manual_created_total).toEqual({ $: String(MANUAL_TOTAL) });
  });
});

describe('image.edit', () => {
  it('answers the details without sok, changing nothing', async () => {
    const { emulator, auth, control } = await signedIn();
    const backup = control.backupsOf('demo', SEED).find((b) => b.type === 'manual')!;
    const details = plain(await emulator.call({ func: 'image.edit', auth, elid: backup.id }));
    expect(details).toMatchObject({
      elid: backup.id,
      image_name: backup.name,
      instances_id: SEED,
      fleio_status: 'active',
      backup_type: 'manual',
      protected: 'on',
    });
    expect(details.created).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(control.backupsOf('demo', SEED)).toContainEqual(backup);
  });

  it('renames and protects; a bad value changes nothing', async () => {
    const { emulator, auth, control } = await signedIn();
    const backup = control.backupsOf('demo', WEB).at(-1)!;
    const edit = (params: Record<string, string>) =>
      emulator.call({
        func: 'image.edit',
        auth,
        elid: backup.id,
        clicked_button: 'ok',
        sok: 'ok',
        ...params,
      });
    expect((await edit({ image_name: 'Keep me', protected: 'on' })).ok).toBeDefined();
    expect(control.backupsOf('demo', WEB).at(-1)).toMatchObject({
      name: 'Keep me',
      protected: true,
    });
    expect(error(await edit({ image_name: 'Other', protected: 'yes' }))).toMatchObject({
      type: 'value',
      object: 'protected',
    });
    expect(error(await edit({ image_name: 'x'.repeat(101) })).object).toBe('image_name');
    expect(control.backupsOf('demo', WEB).at(-1)).toMatchObject({
      name: 'Keep me',
      protected: true,
    });
  });
});

describe('image.delete', () => {
  it('refuses a protected backup and one being made; deletes a ready one and a failed one', async () => {
    const { emulator, auth, control } = await signedIn();
    const del = (elid: string) => emulator.call({ func: 'image.delete', auth, elid });
    const protectedOne = control.backupsOf('demo', SEED).find((b) => b.protected)!;
    expect(error(await del(protectedOne.id))).toMatchObject({ type: 'value', object: 'protected' });

    await backUpNow(emulator, auth, WEB, 'In progress');
    const saving = control.backupsOf('demo', WEB).find((b) => b.status === 'saving')!;
    expect(error(await del(saving.id))).toMatchObject({ type: 'value', object: 'fleio_status' });
    expect(control.backupsOf('demo', WEB).map((b) => b.id)).toContain(saving.id);

    control.advanceClock(BACKUP_MINUTES * MINUTE);
    expect((await del(saving.id)).ok).toBeDefined();
    expect(control.backupsOf('demo', WEB).map((b) => b.id)).not.toContain(saving.id);
    const listed = rows(await emulator.call({ func: LIST, auth, elid: WEB })).map(
      (r) => plain(r).id,
    );
    expect(listed).not.toContain(saving.id);

    control.setBackupFault('demo', WEB, 'kill');
    control.advanceClock(DAY);
    const killed = control.backupsOf('demo', WEB).find((b) => b.status === 'killed')!;
    expect((await del(killed.id)).ok).toBeDefined();
  });
});

describe('access to images', () => {
  it('refuses an image of another account, and one of another instance, as not found', async () => {
    const { emulator, auth, control } = await signedIn();
    // A second account with the demo's servers has backups of its own, with ids of its own.
    const other = control.createAccount();
    const foreign = control.backupsOf(other.username, SEED).at(-1)!;
    for (const func of ['image.edit', 'image.delete']) {
      const answer = error(
        await emulator.call({ func, auth, elid: foreign.id, image_name: 'Mine', sok: 'ok' }),
      );
      expect(answer).toMatchObject({ type: 'missed', object: 'elid' });
    }
    expect(control.backupsOf(other.username, SEED)).toContainEqual(foreign);
    // With the instance named (`plid`), an image of another of the account's instances is refused.
    const ofWeb = control.backupsOf('demo', WEB).at(-1)!;
    const answer = await emulator.call({ func: 'image.delete', auth, elid: ofWeb.id, plid: SEED });
    expect(error(answer)).toMatchObject({ type: 'missed', object: 'elid' });
    expect(control.backupsOf('demo', WEB)).toContainEqual(ofWeb);
  });
});

describe('the clock', () => {
  function post(emulator: TestEmulator, path: string, body: unknown) {
    return fetch(new URL(`__emulator/${path}`, emulator.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  it('moves forward over HTTP, refuses a move back, and sets faults over HTTP', async () => {
    const { emulator, control } = await signedIn();
    const moved = await post(emulator, 'clock', { advanceMs: HOUR });
    expect(await moved.json()).toEqual({ now: NOW + HOUR });
    expect((await post(emulator, 'clock', { advanceMs: -1 })).status).toBe(400);
    expect(control.clock()).toBe(NOW + HOUR);
    const clockNow = (await (await fetch(new URL('__emulator/clock', emulator.url))).json()) as {
      now: number;
    };
    expect(clockNow.now).toBe(NOW + HOUR);

    const fault = { username: 'demo', instanceId: WEB, fault: 'skip' };
    expect((await post(emulator, 'backup-fault', fault)).status).toBe(204);
    expect((await post(emulator, 'backup-fault', { ...fault, fault: 'melt' })).status).toBe(400);
    expect((await post(emulator, 'backup-fault', { ...fault, instanceId: '1' })).status).toBe(404);
    const before = control.backupsOf('demo', WEB).length;
    await post(emulator, 'clock', { advanceMs: DAY });
    expect(control.backupsOf('demo', WEB)).toHaveLength(before);
    const listed = await fetch(new URL(`__emulator/backups/demo/${WEB}`, emulator.url));
    expect(((await listed.json()) as { backups: unknown[] }).backups).toHaveLength(before);
  });

  it('takes an injected base for the emulated time, leaving sessions on theirs', async () => {
    const pinned = Date.parse('2026-12-01T12:00:00+03:00');
    const emulator = await startTestEmulator({ clock: () => pinned });
    expect(emulator.control.clock()).toBe(pinned);
    const newest = emulator.control.backupsOf('demo', WEB).at(-1)!;
    expect(newest.createdAt).toBeLessThan(pinned);
    expect(pinned - newest.createdAt).toBeLessThan(DAY);
  });
});
