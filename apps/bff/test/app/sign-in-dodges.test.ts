// The sign-in limits cannot be dodged with made-up forwarded addresses or fresh sign-ins, and
// cannot be used to lock a colleague out (issue 19, item 4).
import { totpCode } from '@zomro-dash/zomro-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildTestApp, json, sessionCookie, type TestContext } from '../helper.js';

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const PROXY = '10.9.0.1';

function signIn(
  c: TestContext,
  username: string,
  password: string,
  remoteAddress = '127.0.0.1',
  headers: Record<string, string> = {},
) {
  const request = json('POST', '/api/session', null, { username, password });
  return c.app.inject({ ...request, remoteAddress, headers: { ...request.headers, ...headers } });
}

describe('TRUST_PROXY', () => {
  it('lists the proxies: a client-written X-Forwarded-For entry does not choose the address', async () => {
    const { trustProxy } = loadConfig({ TRUST_PROXY: `${PROXY}, 10.8.0.0/16` });
    ctx = await buildTestApp({ config: { trustProxy } });
    const c = ctx;
    const codes: number[] = [];
    for (let i = 0; i < 15; i += 1) {
      // The client wrote the first entry; the proxy appended the address it saw.
      const forwarded = `198.51.100.${i}, 203.0.113.7`;
      const r = await signIn(c, `guess-${i}`, 'wrong', PROXY, { 'x-forwarded-for': forwarded });
      codes.push(r.statusCode);
    }
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(codes.slice(10)).toEqual(Array(5).fill(429));
    // Another client behind the same proxy is not held back.
    const other = await signIn(c, 'someone', 'wrong', PROXY, { 'x-forwarded-for': '203.0.113.8' });
    expect(other.statusCode).toBe(401);
    // A client reaching the BFF directly is its own address, not the one it names.
    const direct = await signIn(c, 'someone', 'wrong', '192.0.2.50', {
      'x-forwarded-for': '203.0.113.7',
    });
    expect(direct.statusCode).toBe(401);
  });

  it('refuses `true` and a hop count, which would let a client name its own address', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '1' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.1, nonsense' })).toThrow(/nonsense/);
  });
});

describe('the per-username limit', () => {
  it('5 wrong passwords for alice from one address do not refuse her from her own', async () => {
    ctx = await buildTestApp();
    const c = ctx;
    const alice = c.control.createAccount();
    for (let i = 0; i < 5; i += 1) {
      expect((await signIn(c, alice.username, 'wrong', '10.0.1.1')).statusCode).toBe(401);
    }
    expect((await signIn(c, alice.username, 'wrong', '10.0.1.1')).statusCode).toBe(429);
    expect((await signIn(c, alice.username, alice.password, '10.0.2.2')).statusCode).toBe(200);
  });
});

describe('two-factor codes', () => {
  it('count toward the username’s limit: signing in again does not give 5 more without end', async () => {
    ctx = await buildTestApp();
    const c = ctx;
    const account = c.control.createAccount({ totp: true });
    const wrong = () =>
      String((Number(totpCode(account.totpSecret!)) + 500_000) % 1_000_000).padStart(6, '0');
    const statuses: number[] = [];
    for (let round = 0; round < 8; round += 1) {
      const password = await signIn(c, account.username, account.password);
      statuses.push(password.statusCode);
      if (password.statusCode !== 200) continue;
      const cookie = sessionCookie(password)!;
      for (let i = 0; i < 5; i += 1) {
        await c.app.inject(json('POST', '/api/session/totp', cookie, { code: wrong() }));
      }
    }
    const confirms = c.control.calls.filter((x) => x.func === 'totp.confirm').length;
    expect(confirms).toBeLessThanOrEqual(5);
    expect(statuses.slice(1)).toEqual(Array(7).fill(429));
  });
});
