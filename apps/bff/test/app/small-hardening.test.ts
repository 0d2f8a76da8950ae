// The smaller items of issue 19 (item 13): HSTS with COOKIE_SECURE, names without bidi controls or
// lone surrogates, Zomro's error text without markup, 413 PAYLOAD_TOO_LARGE, unknown query shapes
// on /api/audit refused, audit entries for refusals and limits (with the address), and a team-mode
// start that says what it needs.
import path from 'node:path';
import { scheduleNameSchema, type AuditEntry } from '@zomro-dash/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { Secret } from '../../src/config.js';
import { startBanner } from '../../src/start-banner.js';
import {
  buildTeamApp,
  buildTestApp,
  json,
  sessionCookie,
  signIn,
  tempDir,
  type TestContext,
  type TestOperator,
} from '../helper.js';
import { DEMO_ACCOUNT, totpCode } from '@zomro-dash/zomro-emulator';

const ALICE: TestOperator = { name: 'alice', role: 'editor', password: 'correct horse' };
const VICTOR: TestOperator = { name: 'victor', role: 'viewer', password: 'battery staple' };
const SCHEDULES = '/api/instances/5203773/schedules';
const EDIT = 'instances.fleio_bckps.schedule.edit';

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

async function operatorCookie(c: TestContext, who: TestOperator) {
  const response = await c.app.inject(
    json('POST', '/api/session', null, { username: who.name, password: who.password }),
  );
  expect(response.statusCode).toBe(200);
  return sessionCookie(response)!;
}

async function auditOf(c: TestContext, cookie: string): Promise<AuditEntry[]> {
  const response = await c.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie } });
  expect(response.statusCode).toBe(200);
  return response.json<{ entries: AuditEntry[] }>().entries;
}

describe('Strict-Transport-Security', () => {
  it('is sent when COOKIE_SECURE=true, and not otherwise', async () => {
    ctx = await buildTestApp({ config: { cookieSecure: true } });
    const secure = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    await ctx.close();
    ctx = await buildTestApp();
    const plain = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('names', () => {
  it.each([
    ['a bidi override', 'evil\u202e'],
    ['a bidi isolate', 'a\u2066b'],
    ['a lone high surrogate', 'x\ud800'],
    ['a lone low surrogate', '\udc00x'],
  ])('are refused with %s, in the shared schema and at the API', async (_what, name) => {
    expect(scheduleNameSchema.safeParse(name).success).toBe(false);
    ctx = await buildTestApp();
    const cookie = await signIn(ctx.app, DEMO_ACCOUNT);
    ctx.control.clearCalls();
    const response = await ctx.app.inject(
      json('POST', SCHEDULES, cookie, { name, days: [1], time: '03:00' }),
    );
    expect(response.statusCode).toBe(400);
    expect(ctx.control.calls).toEqual([]);
  });

  it('keep emoji and other well-formed text', () => {
    expect(scheduleNameSchema.safeParse('Nightly 🌙 Ночной').success).toBe(true);
  });
});

describe('Zomro’s error text', () => {
  it('reaches the browser without markup, and at most 300 characters long', async () => {
    ctx = await buildTestApp();
    const cookie = await signIn(ctx.app, DEMO_ACCOUNT);
    ctx.control.addFault({
      kind: 'error',
      func: EDIT,
      error: { type: 'value', object: 'name', message: 'Internal <b>server</b> trace<br/>x' },
    });
    const body = { name: 'Nightly', days: [1], time: '03:00' };
    const marked = await ctx.app.inject(json('POST', SCHEDULES, cookie, body));
    expect(marked.json()).toMatchObject({ message: 'Internal server trace x' });
    ctx.control.addFault({
      kind: 'error',
      func: EDIT,
      error: { type: 'value', object: 'name', message: 'long '.repeat(1_000) },
    });
    const long = await ctx.app.inject(json('POST', SCHEDULES, cookie, body));
    expect(long.json<{ message: string }>().message.length).toBeLessThanOrEqual(300);
  });
});

describe('a body over the limit', () => {
  it('answers 413 PAYLOAD_TOO_LARGE', async () => {
    ctx = await buildTestApp();
    const cookie = await signIn(ctx.app, DEMO_ACCOUNT);
    const response = await ctx.app.inject(
      json('POST', SCHEDULES, cookie, { name: 'x'.repeat(20_000), days: [1], time: '03:00' }),
    );
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});

describe('GET /api/audit', () => {
  it.each(['?actor[]=x', '?actor=a&actor=b', '?instance=5203773', '?limit=5&extra=1'])(
    'refuses %s instead of ignoring it',
    async (query) => {
      ctx = await buildTestApp();
      const cookie = await signIn(ctx.app, DEMO_ACCOUNT);
      const response = await ctx.app.inject({
        method: 'GET',
        url: `/api/audit${query}`,
        headers: { cookie },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    },
  );
});

describe('the audit trail records', () => {
  it('a viewer’s refused bulk apply, per instance', async () => {
    const c = (ctx = await buildTeamApp({ operators: [ALICE, VICTOR] }));
    const victor = await operatorCookie(c, VICTOR);
    const refused = await c.app.inject(
      json('POST', '/api/schedules/bulk', victor, {
        name: 'Nightly',
        days: [1],
        time: '03:00',
        instanceIds: ['5203773', '5204255'],
      }),
    );
    expect(refused.statusCode).toBe(403);
    const entries = (await auditOf(c, victor)).filter((e) => e.actor === 'victor');
    const creates = entries.filter((e) => e.action === 'schedule.create');
    expect(creates.map((e) => [e.instanceId, e.outcome, e.errorCode]).sort()).toEqual([
      ['5203773', 'failed', 'FORBIDDEN'],
      ['5204255', 'failed', 'FORBIDDEN'],
    ]);
  });

  it('failed sign-ins with the address, and a 429 as well', async () => {
    const c = (ctx = await buildTeamApp({ operators: [ALICE] }));
    const wrong = {
      ...json('POST', '/api/session', null, { username: 'alice', password: 'nope' }),
      remoteAddress: '10.1.1.1',
    };
    for (let i = 0; i < 5; i += 1) expect((await c.app.inject(wrong)).statusCode).toBe(401);
    expect((await c.app.inject(wrong)).statusCode).toBe(429);
    const alice = await operatorCookie(c, ALICE);
    const failed = (await auditOf(c, alice)).filter((e) => e.action === 'session.sign-in-failed');
    expect(failed).toHaveLength(6);
    expect(failed.map((e) => [e.errorCode, e.address])).toEqual([
      ['RATE_LIMITED', '10.1.1.1'],
      ...Array.from({ length: 5 }, () => ['BAD_CREDENTIALS', '10.1.1.1']),
    ]);
  });
});

describe('the audit trail records, in personal mode,', () => {
  it('a wrong two-factor code with the address', async () => {
    const c = (ctx = await buildTestApp());
    const account = c.control.createAccount({ totp: true });
    const from = (request: object) => ({ ...request, remoteAddress: '10.2.2.2' });
    const password = await c.app.inject(from(json('POST', '/api/session', null, account)));
    const cookie = sessionCookie(password)!;
    const good = totpCode(account.totpSecret!);
    const wrong = String((Number(good) + 500_000) % 1_000_000).padStart(6, '0');
    const refused = await c.app.inject(
      from(json('POST', '/api/session/totp', cookie, { code: wrong })),
    );
    expect(refused.json()).toMatchObject({ code: 'TOTP_INVALID' });
    const confirmed = await c.app.inject(
      from(json('POST', '/api/session/totp', cookie, { code: good })),
    );
    const signedIn = sessionCookie(confirmed)!;
    const failed = (await auditOf(c, signedIn)).filter(
      (e) => e.action === 'session.sign-in-failed',
    );
    expect(failed.map((e) => [e.errorCode, e.address])).toEqual([['TOTP_INVALID', '10.2.2.2']]);
  });
});

describe('team mode at start', () => {
  it('prints what team mode needs, not the demo accounts', () => {
    const banner = startBanner({
      address: { address: '127.0.0.1', family: 'IPv4', port: 8080 },
      host: '127.0.0.1',
      demo: true,
      team: { account: 'company', operatorsFile: '/srv/operators', proxyHeader: null },
    });
    expect(banner).not.toContain('demo / demo');
    expect(banner).toContain('company');
    expect(banner).toContain('/srv/operators');
    expect(banner).toContain('operator:add');
  });

  it('warns at start-up, not at the first sign-in, when the operators file cannot be read', async () => {
    const missing = path.join(tempDir(), 'no-such-operators');
    ctx = await buildTestApp({
      configure: (control) => {
        const team = control.createAccount();
        return {
          team: { username: team.username, password: new Secret(team.password), totpSecret: null },
          operatorsFile: missing,
          proxyAuth: null,
        };
      },
    });
    const warnings = ctx.logs.filter((line) => line.includes('operators file cannot be read'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"level":40');
  });
});
