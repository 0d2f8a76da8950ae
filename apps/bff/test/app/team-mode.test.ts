// Team mode against the emulator: the server's one Zomro session (lazy, shared, renewed once across
// an expiry, backing off when refused), operators from a file and from a trusted proxy, roles.
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import {
  buildTeamApp,
  json,
  sessionCookie,
  type TestContext,
  type TestOperator,
} from '../helper.js';

const INSTANCE = '5203773';
const SCHEDULES = `/api/instances/${INSTANCE}/schedules`;
const ALICE: TestOperator = { name: 'alice', role: 'editor', password: 'correct horse' };
const VICTOR: TestOperator = { name: 'victor', role: 'viewer', password: 'battery staple' };
const body = { name: 'Nightly', days: [1, 2], time: '03:00' };

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const count = (c: TestContext, func: string) =>
  c.control.calls.filter((call) => call.func === func).length;

async function operatorCookie(c: TestContext, operator: TestOperator): Promise<string> {
  const response = await c.app.inject(
    json('POST', '/api/session', null, { username: operator.name, password: operator.password }),
  );
  expect(response.statusCode).toBe(200);
  return sessionCookie(response)!;
}

const health = async (c: TestContext) =>
  (await c.app.inject({ method: 'GET', url: '/api/health' })).json<Record<string, string>>();

describe('the shared Zomro session', () => {
  it('signs in lazily, once, and once more for 20 concurrent requests across an expiry', async () => {
    let now = Date.now();
    const c = (ctx = await buildTeamApp({
      operators: [ALICE],
      emulator: { now: () => now, sessionTtlMs: 60_000 },
    }));
    const cookie = await operatorCookie(c, ALICE);
    // An operator's sign-in is the dashboard's own: Zomro has seen nothing yet.
    expect(count(c, 'auth')).toBe(0);
    expect(await health(c)).toEqual({
      status: 'ok',
      upstream: 'emulator',
      mode: 'team',
      account: 'not-signed-in',
      store: 'memory',
    });

    const first = await c.app.inject({ method: 'GET', url: SCHEDULES, headers: { cookie } });
    expect(first.statusCode).toBe(200);
    expect(count(c, 'auth')).toBe(1);
    expect((await health(c)).account).toBe('ok');

    now += 61_000; // Zomro's session is over.
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        c.app.inject({
          method: 'GET',
          url: i % 2 ? SCHEDULES : '/api/instances',
          headers: { cookie },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    expect(count(c, 'auth')).toBe(2);
    // The operator's dashboard session was never in question.
    const session = await c.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(session.json()).toEqual({ user: { username: 'alice', role: 'editor' } });
  });

  it('retries a change that met the expiry once, after the new sign-in', async () => {
    let now = Date.now();
    const c = (ctx = await buildTeamApp({
      operators: [ALICE],
      emulator: { now: () => now, sessionTtlMs: 60_000 },
    }));
    const cookie = await operatorCookie(c, ALICE);
    await c.app.inject({ method: 'GET', url: '/api/instances', headers: { cookie } });
    now += 61_000;
    const created = await c.app.inject(json('POST', SCHEDULES, cookie, body));
    expect(created.statusCode).toBe(201);
    expect(count(c, 'auth')).toBe(2);
    expect(c.control.schedulesOf(c.control.calls[0]!.params.username!, INSTANCE)).toHaveLength(2);
  });

  it('completes the two-factor step itself with ZOMRO_TOTP_SECRET', async () => {
    const c = (ctx = await buildTeamApp({ operators: [ALICE], totp: true }));
    const cookie = await operatorCookie(c, ALICE);
    const response = await c.app.inject({ method: 'GET', url: SCHEDULES, headers: { cookie } });
    expect(response.statusCode).toBe(200);
    const confirm = c.control.calls.find((call) => call.func === 'totp.confirm');
    expect(confirm?.params.qrcode).toBe('***');
  });

  it('reports a refused account, answers 503 and does not try again before the wait', async () => {
    const c = (ctx = await buildTeamApp({ operators: [ALICE], wrongPassword: true }));
    const cookie = await operatorCookie(c, ALICE);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        c.app.inject({ method: 'GET', url: '/api/instances', headers: { cookie } }),
      ),
    );
    for (const response of responses) {
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: 'UPSTREAM_ACCOUNT_REJECTED' });
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(response.headers['retry-after'])).toBeLessThanOrEqual(30);
    }
    const again = await c.app.inject(json('POST', SCHEDULES, cookie, body));
    expect(again.json()).toMatchObject({ code: 'UPSTREAM_ACCOUNT_REJECTED' });
    expect(count(c, 'auth')).toBe(1);
    expect(count(c, 'instances.fleio_bckps.schedule.edit')).toBe(0);
    expect((await health(c)).account).toBe('rejected');
    const line = c.logs.find((l) => l.includes('Zomro refused the configured account'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ level: 50, reason: 'badpassword' });
  });

  it('is refused when the account has two factors and no ZOMRO_TOTP_SECRET', async () => {
    const c = (ctx = await buildTeamApp({ operators: [ALICE], totp: true }));
    const config = c.config.team!;
    (config as { totpSecret: unknown }).totpSecret = null;
    const cookie = await operatorCookie(c, ALICE);
    const response = await c.app.inject({
      method: 'GET',
      url: '/api/instances',
      headers: { cookie },
    });
    expect(response.json()).toMatchObject({ code: 'UPSTREAM_ACCOUNT_REJECTED' });
    expect(c.logs.some((l) => l.includes('"reason":"two-factor"'))).toBe(true);
  });
});

describe('operators from OPERATORS_FILE', () => {
  it('sign in with their own name and password; Zomro is not asked', async () => {
    const c = (ctx = await buildTeamApp({ operators: [ALICE, VICTOR] }));
    const response = await c.app.inject(
      json('POST', '/api/session', null, { username: 'alice', password: ALICE.password }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ user: { username: 'alice', role: 'editor' } });
    const cookie = sessionCookie(response)!;
    const me = await c.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(me.json()).toEqual({ user: { username: 'alice', role: 'editor' } });
    expect(c.control.calls).toEqual([]);
  });

  it('are refused with a wrong password or an unknown name', async () => {
    const c = (ctx = await buildTeamApp({ operators: [ALICE] }));
    for (const credentials of [
      { username: 'alice', password: 'wrong' },
      { username: 'mallory', password: ALICE.password },
      { username: 'alice:editor', password: ALICE.password },
    ]) {
      const response = await c.app.inject(json('POST', '/api/session', null, credentials));
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'BAD_CREDENTIALS' });
      expect(sessionCookie(response)).toBeNull();
    }
    expect(c.control.calls).toEqual([]);
  });

  it('as viewers read, and are refused every change with nothing sent to Zomro', async () => {
    const c = (ctx = await buildTeamApp({ operators: [ALICE, VICTOR] }));
    const cookie = await operatorCookie(c, VICTOR);
    const list = await c.app.inject({ method: 'GET', url: SCHEDULES, headers: { cookie } });
    expect(list.statusCode).toBe(200);
    c.control.clearCalls();
    for (const request of [
      json('POST', SCHEDULES, cookie, body),
      json('PUT', `${SCHEDULES}/14`, cookie, body),
      json('DELETE', `${SCHEDULES}/14`, cookie),
    ]) {
      const response = await c.app.inject(request);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(c.control.calls).toEqual([]);
  });

  it('lose access when removed from the file, and get a new role when it changes', async () => {
    const c = (ctx = await buildTeamApp({ operators: [ALICE, VICTOR] }));
    const alice = await operatorCookie(c, ALICE);
    const victor = await operatorCookie(c, VICTOR);
    // Victor's line with the same hash (a new hash would be a changed password, ending his session).
    const { readFileSync, writeFileSync } = await import('node:fs');
    const victorLine = readFileSync(c.config.operatorsFile!, 'utf8')
      .split('\n')
      .find((line) => line.startsWith('victor:'))!;
    writeFileSync(c.config.operatorsFile!, `${victorLine.replace(':viewer:', ':editor:')}\n`);
    // The file is looked at again at most once a second: the clock moves past that second
    // (only Date is faked; timers and sockets run as ever).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 1_100 });
    onTestFinished(() => void vi.useRealTimers());
    const gone = await c.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: alice },
    });
    expect(gone.json()).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    const promoted = await c.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: victor },
    });
    expect(promoted.json()).toEqual({ user: { username: 'victor', role: 'editor' } });
  });

  it('have no two-factor step of their own', async () => {
    const c = (ctx = await buildTeamApp({ operators: [ALICE] }));
    const cookie = await operatorCookie(c, ALICE);
    const response = await c.app.inject(
      json('POST', '/api/session/totp', cookie, { code: '123456' }),
    );
    expect(response.statusCode).toBe(401);
    expect(c.control.calls).toEqual([]);
  });
});

describe('operators named by a trusted proxy', () => {
  const proxied = (user: string, remoteAddress: string, extra: object = {}) => ({
    method: 'GET' as const,
    url: '/api/session',
    remoteAddress,
    headers: { 'x-forwarded-user': user },
    ...extra,
  });

  it('are believed from a trusted address, viewers unless named editors', async () => {
    const c = (ctx = await buildTeamApp({
      proxy: { trustedText: '10.0.0.0/8,127.0.0.1', editors: new Set(['carol']) },
    }));
    const carol = await c.app.inject(proxied('carol', '10.1.2.3'));
    expect(carol.json()).toEqual({ user: { username: 'carol', role: 'editor' } });
    const vera = await c.app.inject(proxied('vera', '127.0.0.1'));
    expect(vera.json()).toEqual({ user: { username: 'vera', role: 'viewer' } });
    const change = await c.app.inject({
      ...json('DELETE', `${SCHEDULES}/14`, null),
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-user': 'vera' },
    });
    expect(change.statusCode).toBe(403);
    const create = await c.app.inject({
      ...json('POST', SCHEDULES, null, body),
      remoteAddress: '10.1.2.3',
      headers: { 'x-forwarded-user': 'carol', 'content-type': 'application/json' },
    });
    expect(create.statusCode).toBe(201);
    expect(create.json()).toMatchObject({ schedule: { lastChange: { actor: 'carol' } } });
  });

  it('are ignored from any other address, even with X-Forwarded-For', async () => {
    const c = (ctx = await buildTeamApp({
      proxy: { trustedText: '10.0.0.1' },
      config: { trustProxy: true },
    }));
    const direct = await c.app.inject(
      proxied('carol', '192.168.1.5', {
        headers: { 'x-forwarded-user': 'carol', 'x-forwarded-for': '10.0.0.1' },
      }),
    );
    expect(direct.statusCode).toBe(401);
    expect(direct.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const options = await c.app.inject({ method: 'GET', url: '/api/session/options' });
    expect(options.json()).toEqual({ mode: 'team', password: false, proxy: true });
    // No operators file: no sign-in form either.
    const form = await c.app.inject(
      json('POST', '/api/session', null, { username: 'carol', password: 'x' }),
    );
    expect(form.statusCode).toBe(403);
  });
});
