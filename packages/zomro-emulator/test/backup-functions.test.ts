/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   The answers are untyped JSON on purpose: the assertions read the envelope as a client would. */
// Back up now (with the panel's limits), image.edit and image.delete (with the panel's refusals),
// and access: an image of another account or instance is not found. The clock is moved, never
// waited for.
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, DEMO_TOTP_ACCOUNT } from '../src/index.js';
import { rows, startTestEmulator, type TestEmulator } from './helpers.js';

const LIST = 'instances.fleio_bckps';
const CREATE = 'instances.fleio_bckps.edit';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Monday 2026-12-07 12:00 in Zomro's zone (GMT+3). */
const NOW = Date.parse('2026-12-07T12:00:00+03:00');
const SEED = '5203773';
const WEB = '5203801';

async function signedIn() {
  const emulator = await startTestEmulator({ now: () => NOW });
  const auth = await emulator.signIn(DEMO_ACCOUNT);
  return { emulator, auth, control: emulator.control };
}

const backUp = (emulator: TestEmulator, auth: string, name: string, plid = WEB) =>
  emulator.call({
    func: CREATE,
    auth,
    plid,
    name,
    rotation_days: '',
    rotation_time: '',
    sok: 'ok',
  });

const image = (emulator: TestEmulator, auth: string, params: Record<string, string>) =>
  emulator.call({ auth, ...params });

describe('back up now (instances.fleio_bckps.edit)', () => {
  it('makes a manual backup: saving, the instance uploading, active 5 minutes later, no id answered', async () => {
    const { emulator, auth, control } = await signedIn();
    const doc = await backUp(emulator, auth, '  Before the upgrade ');
    expect(doc.ok).toBeDefined();
    expect(doc.id).toBeUndefined();
    const made = control.backupsOf('demo', WEB).filter((b) => b.type === 'manual');
    expect(made).toEqual([
      expect.objectContaining({ name: 'Before the upgrade', status: 'saving', createdAt: NOW }),
    ]);
    // A second one while the first is made: Zomro's "request in process" refusal.
    const busy = await backUp(emulator, auth, 'Again');
    expect(busy.error).toMatchObject({ $type: 'value', $object: 'runningoperation' });
    control.advanceClock(5 * MINUTE);
    expect(control.backupsOf('demo', WEB).find((b) => b.id === made[0]!.id)?.status).toBe('active');
    const list = await emulator.call({ func: LIST, auth, elid: WEB });
    expect(list.manual_created_today).toEqual({ $: '1' });
  });

  it('allows 5 a day: the 6th is refused in Zomro’s words and changes nothing; the next day it works', async () => {
    const { emulator, auth, control } = await signedIn();
    for (let i = 1; i <= 5; i++) {
      expect((await backUp(emulator, auth, `Manual ${i}`)).ok).toBeDefined();
      control.advanceClock(5 * MINUTE);
    }
    const before = control.backupsOf('demo', WEB).length;
    const sixth = await backUp(emulator, auth, 'Manual 6');
    expect(sixth.error).toMatchObject({ $type: 'value', $object: 'backup_limit' });
    expect(sixth.error.msg.$).toBe('The limit of 5 manual backups per day has been reached');
    expect(control.backupsOf('demo', WEB)).toHaveLength(before);
    const ru = await emulator.call({
      func: CREATE,
      auth,
      plid: WEB,
      name: 'x',
      sok: 'ok',
      lang: 'ru',
    });
    expect(ru.error.msg.$).toMatch(/лимит/);
    // Deleting one does not give the day's quota back.
    const manual = control.backupsOf('demo', WEB).filter((b) => b.type === 'manual');
    await image(emulator, auth, { func: 'image.delete', elid: manual[0]!.id });
    expect((await backUp(emulator, auth, 'Manual 6')).error?.$object).toBe('backup_limit');
    // Midnight in GMT+3 is 12 hours away.
    control.advanceClock(12 * HOUR);
    expect((await backUp(emulator, auth, 'Tomorrow')).ok).toBeDefined();
  });

  it('checks its fields and its instance', async () => {
    const { emulator, auth, control } = await signedIn();
    expect((await backUp(emulator, auth, '   ')).error).toMatchObject({
      $type: 'missed',
      $object: 'name',
    });
    expect((await backUp(emulator, auth, 'x'.repeat(101))).error.$object).toBe('name');
    expect((await backUp(emulator, auth, 'Other', '6100001')).error).toMatchObject({
      $type: 'missed',
      $object: 'plid',
    });
    control.setInstanceStatus('demo', WEB, 'error');
    expect((await backUp(emulator, auth, 'Broken')).error.$object).toBe('instance_status');
    expect(control.backupsOf('demo', WEB).filter((b) => b.type === 'manual')).toEqual([]);
    // Without sok=ok: the form, nothing made.
    const form = await emulator.call({ func: CREATE, auth, plid: SEED });
    expect(form.plid).toEqual({ $: SEED });
    expect(control.backupsOf('demo', SEED).filter((b) => b.status === 'saving')).toEqual([]);
  });
});

describe('image.edit', () => {
  it('renames and protects with sok=ok, and answers details without it', async () => {
    const { emulator, auth, control } = await signedIn();
    const target = control.backupsOf('demo', SEED).find((b) => b.name === 'Before PHP 8.3')!;
    const doc = await image(emulator, auth, {
      func: 'image.edit',
      elid: target.id,
      image_name: ' Keep me ',
      protected: 'on',
      clicked_button: 'ok',
      sok: 'ok',
    });
    expect(doc.ok).toBeDefined();
    expect(control.backupsOf('demo', SEED).find((b) => b.id === target.id)).toMatchObject({
      name: 'Keep me',
      protected: true,
    });
    const details = await image(emulator, auth, { func: 'image.edit', elid: target.id });
    expect(details).toMatchObject({
      image_name: { $: 'Keep me' },
      instances_id: { $: SEED },
      fleio_status: { $: 'active' },
      backup_type: { $: 'manual' },
      protected: { $: 'on' },
    });
    expect(details.created.$).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('refuses a bad protected value and an empty name, changing nothing', async () => {
    const { emulator, auth, control } = await signedIn();
    const target = control.backupsOf('demo', SEED)[0]!;
    const bad = await image(emulator, auth, {
      func: 'image.edit',
      elid: target.id,
      protected: 'yes',
      image_name: 'New',
      sok: 'ok',
    });
    expect(bad.error).toMatchObject({ $type: 'value', $object: 'protected' });
    const empty = await image(emulator, auth, {
      func: 'image.edit',
      elid: target.id,
      image_name: ' ',
      sok: 'ok',
    });
    expect(empty.error).toMatchObject({ $type: 'missed', $object: 'image_name' });
    expect(control.backupsOf('demo', SEED)[0]).toEqual(target);
  });
});

describe('image.delete', () => {
  it('deletes a ready backup, and refuses a protected one, one being made and a failed one', async () => {
    const { emulator, auth, control } = await signedIn();
    const backups = control.backupsOf('demo', SEED);
    const locked = backups.find((b) => b.protected)!;
    const refused = await image(emulator, auth, { func: 'image.delete', elid: locked.id });
    expect(refused.error).toMatchObject({ $type: 'value', $object: 'protected' });

    await backUp(emulator, auth, 'In progress', SEED);
    const saving = control.backupsOf('demo', SEED).find((b) => b.status === 'saving')!;
    const busy = await image(emulator, auth, { func: 'image.delete', elid: saving.id });
    expect(busy.error).toMatchObject({ $type: 'value', $object: 'fleio_status' });

    control.setBackupFault('demo', WEB, 'kill');
    control.advanceClock(16 * HOUR);
    const killed = control.backupsOf('demo', WEB).find((b) => b.status === 'killed')!;
    expect(
      (await image(emulator, auth, { func: 'image.delete', elid: killed.id })).error.$object,
    ).toBe('fleio_status');

    const ready = control
      .backupsOf('demo', SEED)
      .find((b) => b.status === 'active' && !b.protected)!;
    expect(
      (await image(emulator, auth, { func: 'image.delete', elid: ready.id })).ok,
    ).toBeDefined();
    expect(control.backupsOf('demo', SEED).map((b) => b.id)).not.toContain(ready.id);
  });
});

describe('access to images', () => {
  it('an image of another account is not found by image.edit or image.delete, and nothing changes', async () => {
    const { emulator, auth, control } = await signedIn();
    const other = await emulator.signIn(DEMO_TOTP_ACCOUNT);
    const foreign = control.backupsOf('demo2fa', '6100001').at(-1)!;
    for (const func of ['image.edit', 'image.delete']) {
      const doc = await image(emulator, auth, {
        func,
        elid: foreign.id,
        image_name: 'Mine',
        protected: 'on',
        sok: 'ok',
      });
      expect(doc.error).toMatchObject({ $type: 'missed', $object: 'elid' });
    }
    expect(control.backupsOf('demo2fa', '6100001').at(-1)).toEqual(foreign);
    // Its owner still reaches it.
    expect(
      (await image(emulator, other, { func: 'image.edit', elid: foreign.id })).image_name,
    ).toBeDefined();
  });

  it('an image of another instance is not found when plid names the instance', async () => {
    const { emulator, auth, control } = await signedIn();
    const seedImage = control.backupsOf('demo', SEED)[0]!;
    const doc = await image(emulator, auth, {
      func: 'image.delete',
      elid: seedImage.id,
      plid: WEB,
    });
    expect(doc.error).toMatchObject({ $type: 'missed', $object: 'elid' });
    expect(control.backupsOf('demo', SEED)[0]).toEqual(seedImage);
    const unknown = await image(emulator, auth, { func: 'image.delete', elid: '1' });
    expect(unknown.error.$object).toBe('elid');
    expect(rows(await emulator.call({ func: LIST, auth, elid: SEED }))).toHaveLength(5);
  });
});

describe('test control over HTTP', () => {
  const control = (emulator: TestEmulator, method: string, path: string, body?: unknown) =>
    fetch(new URL(`__emulator/${path}`, emulator.url), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('moves the clock, sets backup faults and lists backups; refuses bad input', async () => {
    const emulator = await startTestEmulator({ now: () => NOW, testControl: true });
    expect(await (await control(emulator, 'GET', 'clock')).json()).toEqual({ now: NOW });
    const moved = await control(emulator, 'POST', 'clock', { advanceMs: HOUR });
    expect(await moved.json()).toEqual({ now: NOW + HOUR });
    expect((await control(emulator, 'POST', 'clock', { advanceMs: -1 })).status).toBe(400);
    const fault = { username: 'demo', instanceId: WEB, fault: 'skip' };
    expect((await control(emulator, 'POST', 'backup-fault', fault)).status).toBe(204);
    expect(
      (await control(emulator, 'POST', 'backup-fault', { ...fault, fault: 'melt' })).status,
    ).toBe(400);
    expect(
      (await control(emulator, 'POST', 'backup-fault', { ...fault, instanceId: '1' })).status,
    ).toBe(404);
    await control(emulator, 'POST', 'clock', { advanceMs: 24 * HOUR });
    const listed = (await (await control(emulator, 'GET', `backups/demo/${WEB}`)).json()) as {
      backups: Array<{ createdAt: number }>;
    };
    expect(listed.backups.every((b) => b.createdAt < NOW)).toBe(true);
    expect((await control(emulator, 'GET', 'backups/demo/1')).status).toBe(404);
  });
});
