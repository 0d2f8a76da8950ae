/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   The answers are untyped JSON on purpose: the assertions read the envelope as a client would. */
import { describe, expect, it } from 'vitest';
import { buildEmulatorApp, DEMO_ACCOUNT, DEMO_TOTP_ACCOUNT, totpCode } from '../src/index.js';
import { MAX_RECORDED_CALLS } from '../src/state.js';
import { startTestEmulator, type TestEmulator } from './helpers.js';

function control(emulator: TestEmulator, method: string, path: string, body?: unknown) {
  return fetch(new URL(`__emulator/${path}`, emulator.url), {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('HTTP test control', () => {
  it('does not exist unless asked for', async () => {
    const emulator = await startTestEmulator();
    for (const [method, path] of [
      ['POST', 'faults'],
      ['POST', 'reset'],
      ['GET', 'calls'],
      ['GET', 'totp/demo2fa'],
    ] as const) {
      const response = await control(emulator, method, path, method === 'POST' ? {} : undefined);
      expect(response.status).toBe(404);
    }
    const { app } = buildEmulatorApp();
    const injected = await app.inject({ method: 'POST', url: '/__emulator/accounts', payload: {} });
    expect(injected.statusCode).toBe(404);
  });

  it('queues and clears faults, which control calls never consume', async () => {
    const emulator = await startTestEmulator({ testControl: true });
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    expect((await control(emulator, 'POST', 'faults', { kind: 'http-403', count: 2 })).status).toBe(
      204,
    );
    expect((await control(emulator, 'GET', 'calls')).status).toBe(200);
    const first = await emulator.send({ func: 'instances', auth, out: 'json' });
    expect(first.status).toBe(403);
    expect((await control(emulator, 'DELETE', 'faults')).status).toBe(204);
    expect((await emulator.send({ func: 'instances', auth, out: 'json' })).status).toBe(200);

    const custom = { kind: 'error', func: 'instances', error: { type: 'value', message: 'Nope' } };
    expect((await control(emulator, 'POST', 'faults', custom)).status).toBe(204);
    expect((await emulator.call({ func: 'instances', auth })).error).toMatchObject({
      $type: 'value',
      msg: { $: 'Nope' },
    });
  });

  it('queues a fault for one account only', async () => {
    const emulator = await startTestEmulator({ testControl: true });
    const other = await emulator.signIn(DEMO_ACCOUNT);
    const own = await emulator.signIn(DEMO_TOTP_ACCOUNT);
    const fault = { kind: 'http-403', username: DEMO_TOTP_ACCOUNT.username };
    expect((await control(emulator, 'POST', 'faults', fault)).status).toBe(204);
    expect((await emulator.send({ func: 'instances', auth: other, out: 'json' })).status).toBe(200);
    expect((await emulator.send({ func: 'instances', auth: own, out: 'json' })).status).toBe(403);
  });

  it.each([
    { kind: 'explode' },
    { kind: 'hang', count: 0 },
    { kind: 'hang', func: 5 },
    { kind: 'hang', username: 7 },
    { kind: 'hang', username: '' },
    { kind: 'error' },
    { kind: 'error', error: { type: 'value' } },
  ])('refuses a malformed fault %j', async (fault) => {
    const emulator = await startTestEmulator({ testControl: true });
    expect((await control(emulator, 'POST', 'faults', fault)).status).toBe(400);
    expect(emulator.control.calls).toEqual([]);
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    expect((await emulator.call({ func: 'keepalive', auth })).ok).toBeDefined();
  });

  it('sets latency and refuses a negative one', async () => {
    const emulator = await startTestEmulator({ testControl: true });
    expect((await control(emulator, 'POST', 'latency', { fixedMs: -1 })).status).toBe(400);
    expect(
      (await control(emulator, 'POST', 'latency', { fixedMs: 120, jitterMs: 10 })).status,
    ).toBe(204);
    const started = performance.now();
    await emulator.call({ func: 'keepalive' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });

  it('creates accounts that can sign in, with and without two factors', async () => {
    const emulator = await startTestEmulator({ testControl: true });
    const plainResponse = await control(emulator, 'POST', 'accounts', {});
    expect(plainResponse.status).toBe(201);
    const plainAccount = (await plainResponse.json()) as { username: string; password: string };
    expect(plainAccount).not.toHaveProperty('totpSecret');
    await emulator.signIn(plainAccount);

    const totpResponse = await control(emulator, 'POST', 'accounts', { totp: true });
    const totpAccount = (await totpResponse.json()) as {
      username: string;
      password: string;
      totpSecret: string;
    };
    expect(totpAccount.username).not.toBe(plainAccount.username);
    const login = await emulator.call({
      func: 'auth',
      username: totpAccount.username,
      password: totpAccount.password,
    });
    const auth = login.auth.$id as string;
    const { code } = (await (
      await control(emulator, 'GET', `totp/${totpAccount.username}`)
    ).json()) as {
      code: string;
    };
    expect(code).toBe(totpCode(totpAccount.totpSecret));
    const confirmed = await emulator.call({ func: 'totp.confirm', auth, qrcode: code, sok: 'ok' });
    expect(confirmed.ok).toBeDefined();
    const renewed = confirmed.auth.$id as string;
    expect((await emulator.call({ func: 'instances', auth: renewed })).elem).toBeDefined();
  });

  it('gives the current code of the demo two-factor account, and 404 for others', async () => {
    const now = Date.UTC(2025, 4, 4, 4, 4);
    const emulator = await startTestEmulator({ testControl: true, now: () => now });
    const response = await control(emulator, 'GET', `totp/${DEMO_TOTP_ACCOUNT.username}`);
    expect(await response.json()).toEqual({
      code: totpCode(DEMO_TOTP_ACCOUNT.totpSecret ?? '', now),
    });
    expect((await control(emulator, 'GET', 'totp/demo')).status).toBe(404);
  });

  it('makes an account padded to a number of instances, for benchmarks', async () => {
    const emulator = await startTestEmulator({ testControl: true, pageSize: 500 });
    const response = await control(emulator, 'POST', 'accounts', { instances: 200 });
    expect(response.status).toBe(201);
    const account = (await response.json()) as { username: string; password: string };
    const doc = await emulator.call({ func: 'instances', auth: await emulator.signIn(account) });
    expect(doc.p_elems).toEqual({ $: '200' });
    expect((await control(emulator, 'POST', 'accounts', { instances: -1 })).status).toBe(400);
  });

  it('expires the sessions of one user, or of everyone', async () => {
    const emulator = await startTestEmulator({ testControl: true });
    const demo = await emulator.signIn(DEMO_ACCOUNT);
    const other = await emulator.signIn(emulator.control.createAccount());
    expect((await control(emulator, 'POST', 'sessions/expire', { username: 'demo' })).status).toBe(
      204,
    );
    expect((await emulator.call({ func: 'keepalive', auth: demo })).error).toMatchObject({
      $type: 'access',
    });
    expect((await emulator.call({ func: 'keepalive', auth: other })).ok).toBeDefined();
    expect((await control(emulator, 'POST', 'sessions/expire', {})).status).toBe(204);
    expect((await emulator.call({ func: 'keepalive', auth: other })).error).toMatchObject({
      $type: 'access',
    });
  });

  it('lists the calls received and resets everything', async () => {
    const emulator = await startTestEmulator({ testControl: true });
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    await emulator.call({ func: 'instances.fleio_bckps.schedule.delete', auth, elid: '14' });
    const { calls } = (await (await control(emulator, 'GET', 'calls')).json()) as {
      calls: Array<{ func: string; params: Record<string, string> }>;
    };
    expect(calls.map((c) => c.func)).toEqual(['auth', 'instances.fleio_bckps.schedule.delete']);
    expect(calls[0]?.params.password).toBe('***');
    expect((await control(emulator, 'POST', 'reset')).status).toBe(204);
    expect(emulator.control.schedulesOf('demo', '5203773')).toHaveLength(1);
    const after = (await (await control(emulator, 'GET', 'calls')).json()) as { calls: unknown[] };
    expect(after.calls).toEqual([]);
  });
});

describe('app.inject', () => {
  it('speaks BILLmanager without a socket, for embedding', async () => {
    const { app } = buildEmulatorApp();
    const response = await app.inject({
      method: 'POST',
      url: '/billmgr',
      payload: 'func=auth&username=demo&password=demo&out=json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    const doc = response.json<{ doc: Record<string, { $id?: string }> }>().doc;
    expect(doc.auth?.$id).toMatch(/^[0-9a-f]{24}$/);
    await app.close();
  });

  it('remembers only the most recent calls, so a long-running emulator does not grow', async () => {
    const { app, control } = buildEmulatorApp();
    const extra = 3;
    for (let n = 0; n < MAX_RECORDED_CALLS + extra; n++) {
      await app.inject({ method: 'GET', url: `/?func=whoami&out=json&n=${n}` });
    }
    expect(control.calls).toHaveLength(MAX_RECORDED_CALLS);
    expect(control.calls[0]?.params.n).toBe(String(extra));
    expect(control.calls.at(-1)?.params.n).toBe(String(MAX_RECORDED_CALLS + extra - 1));
    await app.close();
  });

  it('ignores a JSON body as BILLmanager does, answering 200 with an error', async () => {
    const { app } = buildEmulatorApp();
    const response = await app.inject({
      method: 'POST',
      url: '/?out=json',
      payload: { func: 'auth', username: 'demo', password: 'demo' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ doc: { error: { $type: 'missed', $object: 'func' } } });
    await app.close();
  });
});
