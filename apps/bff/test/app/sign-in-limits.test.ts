// Failed sign-ins are limited per client address and per username, so one client guessing cannot
// trip Zomro's per-IP block for every operator; normal use never meets the limit.
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestContext } from '../helper.js';

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const auths = (c: TestContext) => c.control.calls.filter((x) => x.func === 'auth').length;

function signIn(c: TestContext, username: string, password: string, address = '127.0.0.1') {
  return c.app.inject({
    ...json('POST', '/api/session', null, { username, password }),
    remoteAddress: address,
  });
}

describe('sign-in limits', () => {
  it('30 wrong passwords from one address: 429 RATE_LIMITED with Retry-After before Zomro saw more than 10', async () => {
    ctx = await buildTestApp();
    const c = ctx;
    // Different usernames: only the address limit applies.
    const answers = [];
    for (let i = 0; i < 30; i += 1) answers.push(await signIn(c, `guess-${i}`, 'wrong'));
    const limited = answers.filter((r) => r.statusCode === 429);
    expect(limited.length).toBeGreaterThanOrEqual(20);
    expect(limited[0]!.json()).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(Number(limited[0]!.headers['retry-after'])).toBeGreaterThan(0);
    expect(auths(c)).toBeLessThanOrEqual(10);
    // Another address is not held back.
    const other = await signIn(c, 'someone', 'wrong', '10.0.0.7');
    expect(other.statusCode).toBe(401);
  });

  it('30 wrong passwords sent at once: Zomro still sees at most 10', async () => {
    ctx = await buildTestApp();
    const c = ctx;
    c.control.setLatency({ fixedMs: 20 });
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signIn(c, `burst-${i}`, 'wrong')),
    );
    expect(answers.filter((r) => r.statusCode === 429).length).toBeGreaterThanOrEqual(20);
    expect(auths(c)).toBeLessThanOrEqual(10);
  });

  it('5 wrong passwords for one username from one address, then 429 for that pair only', async () => {
    ctx = await buildTestApp();
    const c = ctx;
    const account = c.control.createAccount();
    for (let i = 0; i < 5; i += 1) {
      const r = await signIn(c, account.username, 'wrong', '10.0.1.1');
      expect(r.statusCode).toBe(401);
    }
    const refused = await signIn(c, account.username, account.password, '10.0.1.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    const otherUser = await signIn(c, 'demo', 'demo', '10.0.1.1');
    expect(otherUser.statusCode).toBe(200);
    // Its owner, elsewhere, is not locked out (decision 081).
    const owner = await signIn(c, account.username, account.password, '10.0.2.1');
    expect(owner.statusCode).toBe(200);
  });

  it('a whole office behind one address signing in correctly never meets the limit', async () => {
    ctx = await buildTestApp();
    const c = ctx;
    const accounts = Array.from({ length: 25 }, () => c.control.createAccount());
    for (const account of accounts) {
      const r = await signIn(c, account.username, account.password);
      expect(r.statusCode).toBe(200);
    }
    // A few typos among them do not lock the office out either.
    for (const account of accounts.slice(0, 3)) {
      expect((await signIn(c, account.username, 'typo')).statusCode).toBe(401);
      expect((await signIn(c, account.username, account.password)).statusCode).toBe(200);
    }
  });
});
