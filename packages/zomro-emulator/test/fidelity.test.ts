// What Zomro's own panel shows about the API: long requests, retention (instances.edit), and the
// emulator's count of calls in flight that tests of parallel clients read.
import { describe, expect, it, vi } from 'vitest';
import { DEMO_ACCOUNT } from '../src/index.js';
import { plain, rows, startTestEmulator, type TestEmulator } from './helpers.js';

const LIST = 'instances.fleio_bckps.schedule';
const EDIT = 'instances.fleio_bckps.schedule.edit';

const CREATE = {
  func: EDIT,
  plid: '5203816',
  name: 'Slow one',
  rotation_days: '1,3',
  rotation_time: '04:00',
  sok: 'ok',
  out: 'json',
};

function control(emulator: TestEmulator, method: string, path: string, body?: unknown) {
  return fetch(new URL(`__emulator/${path}`, emulator.url), {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('long requests', () => {
  it('answer a page with a long…billmgr URL that serves the result, the change made once', async () => {
    const emulator = await startTestEmulator();
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    emulator.control.addFault({ kind: 'long', func: EDIT, polls: 2 });
    const response = await emulator.send({ ...CREATE, auth });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const page = await response.text();
    // The panel's own pattern (src/utils/handleLongRequest.js) finds exactly the URL.
    const url = /long.+billmgr/.exec(page)?.[0];
    expect(url).toMatch(/^long\/[0-9a-f]{32}\/billmgr$/);
    // The operation took effect at once, and only once.
    expect(emulator.control.schedulesOf('demo', '5203816')).toHaveLength(1);

    const poll = () => fetch(new URL(url ?? '', emulator.url));
    for (let i = 0; i < 2; i++) {
      const still = await poll();
      expect(still.status).toBe(200);
      expect(await still.text()).toContain(url);
    }
    const done = await poll();
    expect(done.headers.get('content-type')).toContain('application/json');
    expect(((await done.json()) as { doc: { ok: unknown } }).doc.ok).toEqual({});
    // Asking again gives the same result; nothing is made twice.
    expect(((await (await poll()).json()) as { doc: { ok: unknown } }).doc.ok).toEqual({});
    expect(emulator.control.schedulesOf('demo', '5203816')).toHaveLength(1);

    const polls = emulator.control.calls.filter((c) => c.func === 'long');
    expect(polls).toHaveLength(4);
    // The URL is the key to the result: it stays out of the call log.
    expect(JSON.stringify(emulator.control.calls)).not.toContain(url);
    expect((await fetch(new URL('long/0000/billmgr', emulator.url))).status).toBe(404);
  });

  it('serve a refusal at the URL too, as the doc.error the call would have answered', async () => {
    const emulator = await startTestEmulator();
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    emulator.control.addFault({ kind: 'long', func: EDIT, polls: 0 });
    const page = await (await emulator.send({ ...CREATE, auth, rotation_days: '9' })).text();
    const url = /long.+billmgr/.exec(page)?.[0] ?? '';
    const done = (await (await fetch(new URL(url, emulator.url))).json()) as {
      doc: { error: unknown };
    };
    expect(done.doc.error).toMatchObject({ $type: 'value', $object: 'rotation_days' });
    expect(emulator.control.schedulesOf('demo', '5203816')).toEqual([]);
  });
});

describe('retention (instances.edit backup_rotation)', () => {
  it('is listed with the schedules and changed with sok=ok, 1 to 10', async () => {
    const emulator = await startTestEmulator();
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    const listed = await emulator.call({ func: LIST, auth, elid: '5203773' });
    expect(listed.backup_rotation).toEqual({ $: '3' });

    const form = await emulator.call({ func: 'instances.edit', auth, elid: '5203773' });
    expect(plain(form)).toMatchObject({
      elid: '5203773',
      backup_rotation: '3',
    });
    const edit = { func: 'instances.edit', auth, elid: '5203773', sok: 'ok' };
    expect(
      (await emulator.call({ ...edit, backup_rotation: '7', clicked_button: 'ok' })).ok,
    ).toEqual({});
    expect(emulator.control.retentionOf('demo', '5203773')).toBe(7);
    expect((await emulator.call({ func: LIST, auth, elid: '5203773' })).backup_rotation).toEqual({
      $: '7',
    });

    for (const bad of ['0', '11', 'x', '2.5']) {
      const refused = await emulator.call({ ...edit, backup_rotation: bad });
      expect(refused.error).toMatchObject({ $type: 'value', $object: 'backup_rotation' });
    }
    expect(emulator.control.retentionOf('demo', '5203773')).toBe(7);
    const unknown = await emulator.call({ ...edit, elid: '1', backup_rotation: '2' });
    expect(unknown.error).toMatchObject({ $type: 'missed', $object: 'elid' });
  });
});

describe('instance states and page sizes through the control', () => {
  it('puts an instance into a state, and sets and reports page sizes over HTTP', async () => {
    const emulator = await startTestEmulator({ testControl: true });
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    const state = { username: 'demo', instanceId: '5203773', status: 'running_image_uploading' };
    expect((await control(emulator, 'POST', 'instance-status', state)).status).toBe(204);
    const listed = rows(await emulator.call({ func: 'instances', auth }))
      .map(plain)
      .find((row) => row.id === '5203773');
    expect(listed?.instance_status).toBe('running_image_uploading');
    const missing = { ...state, instanceId: '1' };
    expect((await control(emulator, 'POST', 'instance-status', missing)).status).toBe(404);
    expect((await control(emulator, 'POST', 'instance-status', {})).status).toBe(400);

    expect(
      (await control(emulator, 'POST', 'page-size', { username: 'demo', size: 2 })).status,
    ).toBe(204);
    expect((await emulator.call({ func: 'instances', auth })).p_cnt).toEqual({ $: '2' });
    expect(
      (await control(emulator, 'POST', 'page-size', { username: 'demo', size: 0 })).status,
    ).toBe(400);
    await emulator.call({ func: 'instances', auth, p_cnt: '3' });
    const changes = (await (await control(emulator, 'GET', 'page-size-changes')).json()) as {
      changes: unknown[];
    };
    expect(changes.changes).toEqual([
      { username: 'demo', from: 2, to: 3, at: expect.any(Number) as number },
    ]);
    expect((await control(emulator, 'POST', 'faults', { kind: 'long', polls: -1 })).status).toBe(
      400,
    );
  });
});

describe('calls in flight', () => {
  it('are counted overall and per instance, with the most seen at once', async () => {
    const emulator = await startTestEmulator({ testControl: true });
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    // All six are held until all six are in flight: they overlap for certain, however far apart
    // a busy machine starts them.
    const hold = emulator.control.hold({ count: 6 });
    const list = (elid: string) => emulator.call({ func: LIST, auth, elid });
    const calls = Promise.all([
      list('5203773'),
      list('5203773'),
      list('5203773'),
      list('5203801'),
      emulator.call({ func: 'instances', auth }),
      // An edit names its instance through the schedule.
      emulator.call({
        func: EDIT,
        auth,
        elid: '21',
        name: 'Nightly',
        rotation_days: '1',
        rotation_time: '03:30',
        sok: 'ok',
      }),
    ]);
    await vi.waitFor(() => expect(hold.held).toBe(6), { timeout: 20_000 });
    hold.release();
    await calls;
    const counts = emulator.control.inFlight;
    expect(counts.current).toBe(0);
    expect(counts.max).toBe(6);
    expect(counts.instances['5203773']).toEqual({ current: 0, max: 3 });
    expect(counts.instances['5203801']).toEqual({ current: 0, max: 2 });

    const overHttp = (await (await control(emulator, 'GET', 'in-flight')).json()) as {
      max: number;
    };
    expect(overHttp.max).toBe(6);
    emulator.control.reset();
    expect(emulator.control.inFlight.max).toBe(0);
  });

  it('end when the connection does: a hanging call counts until the emulator cuts it', async () => {
    const emulator = await startTestEmulator();
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    emulator.control.addFault({ kind: 'reset', func: LIST });
    await expect(emulator.call({ func: LIST, auth, elid: '5203773' })).rejects.toThrow();
    // The cut connection's close reaches the emulator when it does: wait for it, not for a time.
    await vi.waitFor(() => expect(emulator.control.inFlight.current).toBe(0), { timeout: 20_000 });
    expect(emulator.control.inFlight.instances['5203773']?.max).toBe(1);
  });
});
