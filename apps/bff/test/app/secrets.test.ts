// The Zomro token and the password never appear in a response body, a header, a cookie or a log
// line: a whole session, failures included, with every log line captured at trace level.
import { DEMO_ACCOUNT, totpCode } from '@zomro-dash/zomro-emulator';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildTeamApp,
  buildTestApp,
  json,
  sessionCookie,
  signIn,
  type TestContext,
} from '../helper.js';

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

describe('secrets', () => {
  it('stay out of responses, headers, cookies and logs', async () => {
    ctx = await buildTestApp({ config: { zomroTimeoutMs: 200 } });
    const { app, control, store, logs } = ctx;
    const responses: LightMyRequestResponse[] = [];
    const send = async (request: InjectOptions) => {
      const response = await app.inject(request);
      responses.push(response);
      return response;
    };

    const account = control.createAccount();
    const wrongPassword = `wrong-${account.password}`;
    await send(json('POST', '/api/session', null, { ...account, password: wrongPassword }));
    await send(json('POST', '/api/session', null, { username: '', password: account.password }));
    const signedIn = await send(json('POST', '/api/session', null, account));
    const cookie = sessionCookie(signedIn)!;
    const schedules = '/api/instances/5203773/schedules';
    await send({ method: 'GET', url: '/api/session', headers: { cookie } });
    await send({ method: 'GET', url: '/api/instances', headers: { cookie } });
    const created = await send(
      json('POST', schedules, cookie, { name: 'Nightly', days: [1], time: '01:00' }),
    );
    const id = created.json<{ schedule: { id: string } }>().schedule.id;
    await send(json('PUT', `${schedules}/${id}`, cookie, { name: 'N', days: [2], time: '02:00' }));
    for (const kind of ['non-json', 'reset', 'hang', 'http-460', 'running-operation'] as const) {
      control.addFault({ kind, count: 2 });
      await send({ method: 'GET', url: schedules, headers: { cookie } });
      control.clearFaults();
    }
    control.addFault({ kind: 'session-expired', count: 1 });
    await send({ method: 'GET', url: '/api/instances', headers: { cookie } });
    await send(json('DELETE', `${schedules}/${id}`, cookie));
    await send(json('DELETE', '/api/session', cookie));

    const twoFactor = control.createAccount({ totp: true });
    const pending = sessionCookie(await send(json('POST', '/api/session', null, twoFactor)))!;
    await send(json('POST', '/api/session/totp', pending, { code: '000000' }));
    const code = totpCode(twoFactor.totpSecret!);
    const confirmed = await send(json('POST', '/api/session/totp', pending, { code }));
    expect(confirmed.statusCode).toBe(200);
    await send({
      method: 'GET',
      url: '/api/instances',
      headers: { cookie: sessionCookie(confirmed)! },
    });
    control.expireSessions();
    await send({
      method: 'GET',
      url: '/api/instances',
      headers: { cookie: sessionCookie(confirmed)! },
    });

    const secrets = [
      ...store.tokens,
      account.password,
      wrongPassword,
      twoFactor.password,
      twoFactor.totpSecret!,
    ];
    // At least one Zomro session per account was opened and remembered.
    expect(store.tokens.size).toBeGreaterThanOrEqual(2);
    expect(responses.map((r) => r.statusCode)).toEqual(
      expect.arrayContaining([200, 201, 204, 400, 401, 403, 409, 502, 503, 504]),
    );
    // The scan below has material: one line per request at least.
    expect(logs.length).toBeGreaterThan(responses.length);
    expect(logs.some((line) => line.includes('"level":50'))).toBe(true);

    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThanOrEqual(8);
      for (const response of responses) {
        expect(response.body).not.toContain(secret);
        expect(JSON.stringify(response.headers)).not.toContain(secret);
      }
      for (const line of logs) expect(line).not.toContain(secret);
    }
  });

  it('in team mode: the account password, TOTP secret and shared token stay on the server', async () => {
    const operator = { name: 'alice', role: 'editor' as const, password: 'operator-password' };
    const c = (ctx = await buildTeamApp({ operators: [operator], totp: true }));
    const responses: LightMyRequestResponse[] = [];
    const send = async (request: InjectOptions) => {
      const response = await c.app.inject(request);
      responses.push(response);
      return response;
    };
    await send(
      json('POST', '/api/session', null, { username: 'alice', password: 'wrong-password' }),
    );
    const cookie = sessionCookie(
      await send(
        json('POST', '/api/session', null, { username: 'alice', password: operator.password }),
      ),
    )!;
    const schedules = '/api/instances/5203773/schedules';
    await send({ method: 'GET', url: schedules, headers: { cookie } });
    await send(json('POST', schedules, cookie, { name: 'Team', days: [1], time: '01:00' }));
    c.control.expireSessions();
    await send({ method: 'GET', url: '/api/instances', headers: { cookie } });
    await send({ method: 'GET', url: '/api/health' });
    await send({ method: 'GET', url: '/api/audit', headers: { cookie } });
    await send(json('DELETE', '/api/session', cookie));
    expect(responses.map((r) => r.statusCode)).toEqual([401, 200, 200, 201, 200, 200, 200, 204]);

    const team = (c as unknown as { team: { password: string; totpSecret: string } }).team;
    for (const secret of [team.password, team.totpSecret, operator.password, 'wrong-password']) {
      for (const response of responses) {
        expect(response.body).not.toContain(secret);
        expect(JSON.stringify(response.headers)).not.toContain(secret);
      }
      for (const line of c.logs) expect(line).not.toContain(secret);
    }
    // Zomro session ids are 24 hex digits: none in an answer or a log line.
    for (const text of [...responses.map((r) => r.body + JSON.stringify(r.headers)), ...c.logs]) {
      expect(text).not.toMatch(/[0-9a-f]{24}/);
    }
  });

  it('are redacted by the logger even if someone logs them', async () => {
    ctx = await buildTestApp();
    ctx.app.log.info(
      {
        password: 'p4ssw0rd-one',
        zomroToken: 'tok-two',
        session: { zomroToken: 'tok-three', password: 'p4ssw0rd-four' },
        req: { headers: { cookie: 'zd_session=abc-five' } },
      },
      'careless',
    );
    const line = ctx.logs.find((l) => l.includes('careless'))!;
    for (const secret of ['p4ssw0rd-one', 'tok-two', 'tok-three', 'p4ssw0rd-four', 'abc-five']) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('[redacted]');
  });

  it('the cookie is a random id, not the token', async () => {
    ctx = await buildTestApp();
    const cookie = await signIn(ctx.app, DEMO_ACCOUNT);
    const [token] = [...ctx.store.tokens];
    expect(token).toBeDefined();
    expect(cookie).not.toContain(token!);
  });
});
