// /api/session and /api/session/totp against the emulator: sign-in, cookie flags, 2FA, sign-out,
// expiry reported by Zomro, the idle time-out, and input that never reaches Zomro.
import { DEMO_ACCOUNT, totpCode } from '@zomro-dash/zomro-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  json,
  RecordingSessionStore,
  sessionCookie,
  signIn,
  type TestContext,
} from '../../helper.js';

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

async function setup(...args: Parameters<typeof buildTestApp>) {
  ctx = await buildTestApp(...args);
  return ctx;
}

const funcs = (c: TestContext) => c.control.calls.map((call) => call.func);

describe('POST /api/session', () => {
  it('signs in and sets an HttpOnly, SameSite=Strict, Path=/ cookie without Secure', async () => {
    const { app, control } = await setup();
    const response = await app.inject(json('POST', '/api/session', null, DEMO_ACCOUNT));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ user: { username: 'demo', role: 'editor' } });
    const cookie = response.cookies.find((c) => c.name === 'zd_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeUndefined();
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const auth = control.calls.find((call) => call.func === 'auth');
    expect(auth?.params).toMatchObject({ username: 'demo', out: 'json', lang: 'en', sok: 'ok' });
  });

  it('sets Secure, named __Host-zd_session, when COOKIE_SECURE is on; it then signs requests in', async () => {
    const { app } = await setup({ config: { cookieSecure: true } });
    const response = await app.inject(json('POST', '/api/session', null, DEMO_ACCOUNT));
    const cookie = response.cookies.find((c) => c.name === '__Host-zd_session');
    expect(cookie).toMatchObject({ secure: true, path: '/' });
    expect(cookie?.domain).toBeUndefined();
    expect(response.cookies.find((c) => c.name === 'zd_session')).toBeUndefined();
    const me = await app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: `__Host-zd_session=${cookie!.value}` },
    });
    expect(me.statusCode).toBe(200);
  });

  it('sets Secure behind a TLS proxy when TRUST_PROXY is on, and only then', async () => {
    const { app } = await setup({ config: { trustProxy: true } });
    const request = json('POST', '/api/session', null, DEMO_ACCOUNT);
    const behindTls = await app.inject({
      ...request,
      headers: { ...request.headers, 'x-forwarded-proto': 'https' },
    });
    expect(behindTls.cookies.find((c) => c.name === '__Host-zd_session')?.secure).toBe(true);
    await ctx!.close();

    const untrusted = await setup();
    const spoofed = await untrusted.app.inject({
      ...request,
      headers: { ...request.headers, 'x-forwarded-proto': 'https' },
    });
    expect(spoofed.cookies.find((c) => c.name === 'zd_session')?.secure).toBeUndefined();
  });

  it('answers 401 BAD_CREDENTIALS with Zomro message and no cookie', async () => {
    const { app } = await setup();
    const response = await app.inject(
      json('POST', '/api/session', null, { username: 'demo', password: 'wrong' }),
    );
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      statusCode: 401,
      code: 'BAD_CREDENTIALS',
      message: 'Invalid username or password',
    });
    expect(sessionCookie(response)).toBeNull();
  });

  it('refuses invalid input with field details before calling Zomro', async () => {
    const { app, control } = await setup();
    for (const body of [{ username: '  ', password: 'x' }, { username: 'demo' }, {}, 'text']) {
      const response = await app.inject(json('POST', '/api/session', null, body));
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    }
    const missing = await app.inject(json('POST', '/api/session', null, { username: 'demo' }));
    expect(missing.json<{ details: unknown }>().details).toEqual([
      { path: 'password', message: 'Password is required' },
    ]);
    const notJson = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ code: 'INVALID_JSON' });
    expect(control.calls).toEqual([]);
  });

  it('replaces the session it is sent with, logging the old one out of Zomro', async () => {
    const { app } = await setup();
    const first = await signIn(app, DEMO_ACCOUNT);
    const response = await app.inject(json('POST', '/api/session', first, DEMO_ACCOUNT));
    const second = sessionCookie(response);
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    const old = await app.inject({
      method: 'GET',
      url: '/api/instances',
      headers: { cookie: first },
    });
    expect(old.json()).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    await expect.poll(() => funcs(ctx!).filter((f) => f === 'logon').length).toBe(1);
  });
});

describe('GET /api/session', () => {
  it('answers the user for a live session, confirmed with keepalive', async () => {
    const { app } = await setup();
    const cookie = await signIn(app, DEMO_ACCOUNT);
    const response = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ user: { username: 'demo', role: 'editor' } });
    expect(funcs(ctx!).at(-1)).toBe('keepalive');
  });

  it('answers 401 UNAUTHENTICATED without a cookie or with an unknown one', async () => {
    const { app, control } = await setup();
    for (const cookie of [undefined, 'zd_session=nope', `zd_session=${'a'.repeat(43)}`]) {
      const response = await app.inject({
        method: 'GET',
        url: '/api/session',
        headers: cookie ? { cookie } : {},
      });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        statusCode: 401,
        code: 'UNAUTHENTICATED',
        message: 'Sign in to continue',
      });
    }
    expect(control.calls).toEqual([]);
  });

  it('answers 401 SESSION_EXPIRED when Zomro forgot the session, and forgets ours', async () => {
    const { app, control } = await setup();
    const cookie = await signIn(app, DEMO_ACCOUNT);
    control.expireSessions('demo');
    const response = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'SESSION_EXPIRED' });
    const cleared = response.cookies.find((c) => c.name === 'zd_session');
    expect(cleared?.value).toBe('');
    const again = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(again.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('ends a session idle for longer than SESSION_IDLE_TIMEOUT_MS, and not before', async () => {
    let now = 1_000_000;
    const store = new RecordingSessionStore({ now: () => now });
    const { app } = await setup({ store, config: { sessionIdleTimeoutMs: 60_000 } });
    const cookie = await signIn(app, DEMO_ACCOUNT);
    const get = () => app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    now += 59_999;
    expect((await get()).statusCode).toBe(200);
    // That request pushed the end back.
    now += 59_999;
    expect((await get()).statusCode).toBe(200);
    now += 60_000;
    expect((await get()).json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('DELETE /api/session', () => {
  it('signs out of the dashboard and of Zomro', async () => {
    const { app, control } = await setup();
    const cookie = await signIn(app, DEMO_ACCOUNT);
    const response = await app.inject(json('DELETE', '/api/session', cookie));
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect(response.cookies.find((c) => c.name === 'zd_session')?.value).toBe('');
    // As Zomro's panel logs out: logon with the session and no sok.
    const logon = control.calls.find((call) => call.func === 'logon');
    expect(logon?.params).toMatchObject({ auth: '***' });
    expect(logon?.params).not.toHaveProperty('sok');
    const after = await app.inject({ method: 'GET', url: '/api/instances', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('answers 204 without a session, and when Zomro cannot be reached', async () => {
    const { app, control } = await setup();
    expect((await app.inject(json('DELETE', '/api/session', null))).statusCode).toBe(204);
    const cookie = await signIn(app, DEMO_ACCOUNT);
    control.addFault({ kind: 'reset', func: 'logon' });
    expect((await app.inject(json('DELETE', '/api/session', cookie))).statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });
});

describe('two-factor sign-in', () => {
  it('asks for the code, allows nothing else until it is confirmed, then rotates the cookie', async () => {
    const { app, control } = await setup();
    const account = control.createAccount({ totp: true });
    const response = await app.inject(json('POST', '/api/session', null, account));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ totpRequired: true });
    const pending = sessionCookie(response)!;
    expect(pending).not.toBeNull();

    for (const url of ['/api/session', '/api/instances']) {
      const blocked = await app.inject({ method: 'GET', url, headers: { cookie: pending } });
      expect(blocked.json()).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    }

    const good = totpCode(account.totpSecret!);
    const wrong = String((Number(good) + 500_000) % 1_000_000).padStart(6, '0');
    const refused = await app.inject(json('POST', '/api/session/totp', pending, { code: wrong }));
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toEqual({
      statusCode: 401,
      code: 'TOTP_INVALID',
      message: 'Invalid confirmation code',
    });

    const confirmed = await app.inject(json('POST', '/api/session/totp', pending, { code: good }));
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({ user: { username: account.username, role: 'editor' } });
    const full = sessionCookie(confirmed)!;
    expect(full).not.toBe(pending);
    expect(confirmed.cookies.find((c) => c.name === 'zd_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
    });

    const instances = await app.inject({
      method: 'GET',
      url: '/api/instances',
      headers: { cookie: full },
    });
    expect(instances.statusCode).toBe(200);
    expect(instances.json<{ instances: unknown[] }>().instances.length).toBeGreaterThan(0);
    const old = await app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: pending },
    });
    expect(old.statusCode).toBe(401);
    const confirmCall = control.calls.find((call) => call.func === 'totp.confirm');
    expect(confirmCall?.params.qrcode).toBe('***');
  });

  it('refuses a code without a session, and a malformed code before calling Zomro', async () => {
    const { app, control } = await setup();
    const none = await app.inject(json('POST', '/api/session/totp', null, { code: '123456' }));
    expect(none.json()).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });

    const account = control.createAccount({ totp: true });
    const pending = sessionCookie(await app.inject(json('POST', '/api/session', null, account)))!;
    control.clearCalls();
    for (const code of ['12345', 'abcdef', '1234567', '']) {
      const response = await app.inject(json('POST', '/api/session/totp', pending, { code }));
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ path: 'code' }],
      });
    }
    expect(control.calls).toEqual([]);
  });

  it('answers the user when the session is already confirmed', async () => {
    const { app, control } = await setup();
    const cookie = await signIn(app, DEMO_ACCOUNT);
    control.clearCalls();
    const response = await app.inject(
      json('POST', '/api/session/totp', cookie, { code: '123456' }),
    );
    expect(response.json()).toEqual({ user: { username: 'demo', role: 'editor' } });
    expect(control.calls).toEqual([]);
  });
});
