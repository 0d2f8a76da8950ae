import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, FAULT_KINDS } from '../src/index.js';
import { startTestEmulator } from './helpers.js';

const LIST = 'instances.fleio_bckps.schedule';

async function signedIn() {
  const emulator = await startTestEmulator();
  const auth = await emulator.signIn(DEMO_ACCOUNT);
  return { emulator, auth };
}

describe('faults', () => {
  it('answers a non-JSON body with HTTP 200, once', async () => {
    const { emulator, auth } = await signedIn();
    emulator.control.addFault({ kind: 'non-json' });
    const response = await emulator.send({ func: 'instances', auth, out: 'json' });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(() => JSON.parse(body) as unknown).toThrow();
    expect((await emulator.call({ func: 'instances', auth })).elem).toBeDefined();
  });

  it.each([
    ['http-403', 403],
    ['http-460', 460],
  ] as const)('answers %s from the edge', async (kind, status) => {
    const { emulator, auth } = await signedIn();
    emulator.control.addFault({ kind, count: 2 });
    for (let i = 0; i < 2; i++) {
      const response = await emulator.send({ func: 'instances', auth, out: 'json' });
      expect(response.status).toBe(status);
      await response.text();
    }
    expect((await emulator.send({ func: 'instances', auth, out: 'json' })).status).toBe(200);
  });

  it('resets the connection', async () => {
    const { emulator, auth } = await signedIn();
    emulator.control.addFault({ kind: 'reset' });
    await expect(emulator.send({ func: 'instances', auth, out: 'json' })).rejects.toThrow();
    expect((await emulator.call({ func: 'instances', auth })).elem).toBeDefined();
  });

  it('never answers a hanging call, until the emulator closes', async () => {
    const { emulator, auth } = await signedIn();
    emulator.control.addFault({ kind: 'hang', func: LIST });
    let settled = false;
    const hanging = emulator
      .send({ func: LIST, auth, out: 'json', elid: '5203773' })
      .finally(() => {
        settled = true;
      });
    // Once the hanging call has been received, a later call's full round trip proves the first
    // one is still waiting rather than merely slow to arrive.
    while (!emulator.control.calls.some((c) => c.func === LIST)) {
      await emulator.call({ func: 'keepalive', auth });
    }
    expect((await emulator.call({ func: LIST, auth, elid: '5203773' })).elem).toBeDefined();
    expect(settled).toBe(false);
    await emulator.close();
    await expect(hanging).rejects.toThrow();
  });

  it('answers runningoperation and changes nothing', async () => {
    const { emulator, auth } = await signedIn();
    emulator.control.addFault({
      kind: 'running-operation',
      func: 'instances.fleio_bckps.schedule.delete',
    });
    const doc = await emulator.call({
      func: 'instances.fleio_bckps.schedule.delete',
      auth,
      elid: '14',
    });
    expect(doc.error).toMatchObject({
      $object: 'runningoperation',
      msg: { $: 'Request in process, please wait' },
    });
    expect(emulator.control.schedulesOf('demo', '5203773')).toHaveLength(1);
  });

  it('answers an expired session for one call, then the session works again', async () => {
    const { emulator, auth } = await signedIn();
    emulator.control.addFault({ kind: 'session-expired' });
    const doc = await emulator.call({ func: 'instances', auth });
    expect(doc.error).toMatchObject({
      $type: 'access',
      msg: { $: 'Insufficient privileges to perform the function' },
    });
    expect((await emulator.call({ func: 'instances', auth })).error).toBeUndefined();
  });

  it('answers a chosen doc.error', async () => {
    const { emulator, auth } = await signedIn();
    const error = { type: 'auth', object: 'blocklogon', message: 'Blocked for 20 seconds' };
    emulator.control.addFault({ kind: 'error', func: 'auth', error });
    const doc = await emulator.call({ func: 'auth', username: 'demo', password: 'demo' });
    expect(doc.error).toMatchObject({
      $type: 'auth',
      $object: 'blocklogon',
      msg: { $: error.message },
    });
    expect(doc.auth).toBeUndefined();
    expect((await emulator.call({ func: 'keepalive', auth })).ok).toBeDefined();
  });

  it('affects only calls of its func, as many as its count, oldest fault first', async () => {
    const { emulator, auth } = await signedIn();
    emulator.control.addFault({ kind: 'http-460', func: LIST, count: 2 });
    emulator.control.addFault({ kind: 'http-403' });
    const statusOf = async (func: string) => {
      const response = await emulator.send({ func, auth, out: 'json', elid: '5203773' });
      await response.text();
      return response.status;
    };
    expect(await statusOf(LIST)).toBe(460);
    expect(await statusOf('instances')).toBe(403);
    expect(await statusOf('instances')).toBe(200);
    expect(await statusOf(LIST)).toBe(460);
    expect(await statusOf(LIST)).toBe(200);
  });

  it("keeps a fault for one account's calls: another account's calls pass it by", async () => {
    const emulator = await startTestEmulator();
    const a = emulator.control.createAccount();
    const b = emulator.control.createAccount();
    const authA = await emulator.signIn(a);
    const authB = await emulator.signIn(b);
    emulator.control.addFault({ kind: 'http-460', func: 'instances', username: a.username });
    const statusOf = async (auth: string) => {
      const response = await emulator.send({ func: 'instances', auth, out: 'json' });
      await response.text();
      return response.status;
    };
    expect(await statusOf(authB)).toBe(200);
    expect(await statusOf(authB)).toBe(200);
    // Without a session the call belongs to no account, so it does not take the fault either.
    expect((await emulator.call({ func: 'instances' })).error).toMatchObject({ $type: 'access' });
    expect(await statusOf(authA)).toBe(460);
    expect(await statusOf(authA)).toBe(200);
  });

  it("matches an account's sign-in by the username it signs in with", async () => {
    const emulator = await startTestEmulator();
    const a = emulator.control.createAccount();
    const error = { type: 'auth', object: 'blocklogon', message: 'Blocked for 20 seconds' };
    emulator.control.addFault({ kind: 'error', func: 'auth', username: a.username, error });
    expect((await emulator.call({ func: 'auth', ...DEMO_ACCOUNT })).auth).toBeDefined();
    const blocked = await emulator.call({ func: 'auth', username: a.username, password: 'x' });
    expect(blocked.error).toMatchObject({ $object: 'blocklogon' });
    expect(await emulator.signIn(a)).toMatch(/^[0-9a-f]{24}$/);
  });

  it('clears queued faults', async () => {
    const { emulator, auth } = await signedIn();
    for (const kind of FAULT_KINDS) {
      emulator.control.addFault({ kind, error: { type: 'x', message: 'x' } });
    }
    emulator.control.clearFaults();
    expect((await emulator.call({ func: 'instances', auth })).elem).toBeDefined();
  });

  it('delays answers by the fixed latency, plus jitter when asked', async () => {
    const { emulator, auth } = await signedIn();
    emulator.control.setLatency({ fixedMs: 150 });
    let started = performance.now();
    await emulator.call({ func: 'keepalive', auth });
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    emulator.control.setLatency({ fixedMs: 100, jitterMs: 50 });
    started = performance.now();
    await emulator.call({ func: 'keepalive', auth });
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });

  it('records every call with its secrets masked', async () => {
    const at = Date.UTC(2025, 0, 2);
    const emulator = await startTestEmulator({ now: () => at });
    await emulator.call({ func: 'auth', username: 'demo', password: 'demo' });
    emulator.control.addFault({ kind: 'http-403' });
    await (await emulator.send({ func: 'totp.confirm', auth: 'abc', qrcode: '123456' })).text();
    expect(emulator.control.calls).toEqual([
      {
        func: 'auth',
        params: { func: 'auth', username: 'demo', password: '***', out: 'json' },
        at,
      },
      { func: 'totp.confirm', params: { func: 'totp.confirm', auth: '***', qrcode: '***' }, at },
    ]);
    emulator.control.clearCalls();
    expect(emulator.control.calls).toEqual([]);
  });
});
