// Every way Zomro can fail, injected by the emulator over real HTTP, and the API error it becomes.
import { DEMO_ACCOUNT, type Fault } from '@zomro-dash/zomro-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, json, signIn, type TestContext } from '../helper.js';

const SCHEDULES = '/api/instances/5203773/schedules';
const EDIT = 'instances.fleio_bckps.schedule.edit';
const LIST = 'instances.fleio_bckps.schedule';
const create = { name: 'Nightly', days: [1, 2], time: '03:00' };

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

async function signedIn(config: Parameters<typeof buildTestApp>[0] = {}) {
  ctx = await buildTestApp(config);
  const cookie = await signIn(ctx.app, DEMO_ACCOUNT);
  ctx.control.clearCalls();
  return { ...ctx, cookie };
}

const count = (c: TestContext, func: string) =>
  c.control.calls.filter((x) => x.func === func).length;

describe('reads', () => {
  it.each<[Fault['kind'], number, string]>([
    ['non-json', 502, 'UPSTREAM_BAD_RESPONSE'],
    ['http-403', 503, 'UPSTREAM_BLOCKED'],
    ['http-460', 503, 'UPSTREAM_BLOCKED'],
  ])('%s → %i %s, with no internals', async (kind, status, code) => {
    const c = await signedIn();
    c.control.addFault({ kind, func: 'instances' });
    const response = await c.app.inject({
      method: 'GET',
      url: '/api/instances',
      headers: { cookie: c.cookie },
    });
    expect(response.statusCode).toBe(status);
    const body = response.json<Record<string, unknown>>();
    expect(Object.keys(body).sort()).toEqual(['code', 'message', 'statusCode']);
    expect(body).toMatchObject({ statusCode: status, code });
    expect(response.body).not.toMatch(/nginx|<html|127\.0\.0\.1|Error:|\s+at \S+ \(/);
    expect(count(c, 'instances')).toBe(1);
  });

  it('retries once after a connection reset', async () => {
    const c = await signedIn();
    c.control.addFault({ kind: 'reset', func: 'instances' });
    const response = await c.app.inject({
      method: 'GET',
      url: '/api/instances',
      headers: { cookie: c.cookie },
    });
    expect(response.statusCode).toBe(200);
    // The first page was asked for twice; the other pages once each.
    const firstPages = c.control.calls.filter(
      (x) => x.func === 'instances' && x.params.p_num === '1',
    );
    expect(firstPages).toHaveLength(2);
  });

  it('gives up with 502 UPSTREAM_UNAVAILABLE when the retry fails too', async () => {
    const c = await signedIn();
    c.control.addFault({ kind: 'reset', func: 'instances', count: 2 });
    const response = await c.app.inject({
      method: 'GET',
      url: '/api/instances',
      headers: { cookie: c.cookie },
    });
    expect(response.statusCode).toBe(502);
    expect(response.json()).toEqual({
      statusCode: 502,
      code: 'UPSTREAM_UNAVAILABLE',
      message: 'Zomro could not be reached',
    });
    expect(count(c, 'instances')).toBe(2);
  });

  it('answers 504 UPSTREAM_TIMEOUT after ZOMRO_TIMEOUT_MS, without retrying', async () => {
    const c = await signedIn({ config: { zomroTimeoutMs: 150 } });
    c.control.addFault({ kind: 'hang', func: 'instances.fleio_bckps.schedule' });
    const response = await c.app.inject({
      method: 'GET',
      url: SCHEDULES,
      headers: { cookie: c.cookie },
    });
    expect(response.statusCode).toBe(504);
    expect(response.json()).toEqual({
      statusCode: 504,
      code: 'UPSTREAM_TIMEOUT',
      message: 'Zomro did not answer in time',
    });
    expect(count(c, 'instances.fleio_bckps.schedule')).toBe(1);
  });

  it('answers 502 UPSTREAM_UNAVAILABLE when nothing listens at ZOMRO_API_URL', async () => {
    ctx = await buildTestApp({ config: { zomroApiUrl: 'http://127.0.0.1:9/' } });
    const response = await ctx.app.inject(json('POST', '/api/session', null, DEMO_ACCOUNT));
    expect(response.statusCode).toBe(502);
    expect(response.json()).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });
});

describe('changes', () => {
  it('are never retried after a connection reset', async () => {
    const c = await signedIn();
    c.control.addFault({ kind: 'reset', func: EDIT });
    const response = await c.app.inject(json('POST', SCHEDULES, c.cookie, create));
    expect(response.statusCode).toBe(502);
    expect(response.json()).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(count(c, EDIT)).toBe(1);
  });

  it('answer 409 UPSTREAM_BUSY with Retry-After when Zomro is busy', async () => {
    const c = await signedIn();
    c.control.addFault({ kind: 'running-operation', func: EDIT });
    const response = await c.app.inject(json('PUT', `${SCHEDULES}/14`, c.cookie, create));
    expect(response.statusCode).toBe(409);
    expect(response.headers['retry-after']).toMatch(/^\d+$/);
    expect(response.json()).toEqual({
      statusCode: 409,
      code: 'UPSTREAM_BUSY',
      message: 'Request in process, please wait',
    });
    expect(count(c, EDIT)).toBe(1);
  });

  it('answer 422 UPSTREAM_REJECTED with Zomro message when it refuses a value', async () => {
    const c = await signedIn();
    c.control.addFault({
      kind: 'error',
      func: EDIT,
      error: { type: 'value', object: 'name', message: 'The name is taken' },
    });
    const response = await c.app.inject(json('POST', SCHEDULES, c.cookie, create));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({
      statusCode: 422,
      code: 'UPSTREAM_REJECTED',
      message: 'The name is taken',
      upstream: { type: 'value', object: 'name' },
    });
  });

  it('treat an unknown error type as a rejection, and missed as 404', async () => {
    const c = await signedIn();
    c.control.addFault({
      kind: 'error',
      func: 'instances.fleio_bckps.schedule.delete',
      error: { type: 'extraconfirm', message: 'Confirm by e-mail' },
    });
    const unknown = await c.app.inject(json('DELETE', `${SCHEDULES}/14`, c.cookie));
    expect(unknown.json()).toEqual({
      statusCode: 422,
      code: 'UPSTREAM_REJECTED',
      message: 'Confirm by e-mail',
      upstream: { type: 'extraconfirm', object: '' },
    });
    c.control.addFault({
      kind: 'error',
      func: 'instances.fleio_bckps.schedule.delete',
      error: { type: 'missed', object: 'elid', message: 'Gone' },
    });
    const missed = await c.app.inject(json('DELETE', `${SCHEDULES}/14`, c.cookie));
    expect(missed.statusCode).toBe(404);
    expect(missed.json()).toMatchObject({ code: 'NOT_FOUND', message: 'Gone' });
  });

  it('treat missed on a form field (not an id) as 422 UPSTREAM_REJECTED', async () => {
    const c = await signedIn();
    c.control.addFault({
      kind: 'error',
      func: EDIT,
      error: { type: 'missed', object: 'name', message: 'The "Name" field is required' },
    });
    const response = await c.app.inject(json('POST', SCHEDULES, c.cookie, create));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({
      statusCode: 422,
      code: 'UPSTREAM_REJECTED',
      message: 'The "Name" field is required',
      upstream: { type: 'missed', object: 'name' },
    });
  });

  it('answer 502 UPSTREAM_BAD_RESPONSE when the answer is not JSON', async () => {
    const c = await signedIn();
    c.control.addFault({ kind: 'non-json', func: EDIT });
    const response = await c.app.inject(json('POST', SCHEDULES, c.cookie, create));
    expect(response.statusCode).toBe(502);
    expect(response.json()).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
  });
});

describe('access errors', () => {
  it('are a real permission error (403 FORBIDDEN) when keepalive still works', async () => {
    const c = await signedIn();
    c.control.addFault({ kind: 'session-expired', func: 'instances' });
    const response = await c.app.inject({
      method: 'GET',
      url: '/api/instances',
      headers: { cookie: c.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      statusCode: 403,
      code: 'FORBIDDEN',
      message: 'Insufficient privileges to perform the function',
    });
    expect(c.control.calls.map((x) => x.func)).toEqual(['instances', 'keepalive']);
    const still = await c.app.inject({
      method: 'GET',
      url: '/api/instances',
      headers: { cookie: c.cookie },
    });
    expect(still.statusCode).toBe(200);
  });

  it('mean the session is over (401 SESSION_EXPIRED) when keepalive fails too', async () => {
    const c = await signedIn();
    c.control.addFault({ kind: 'session-expired', func: LIST });
    c.control.addFault({ kind: 'session-expired', func: 'keepalive' });
    const response = await c.app.inject(json('POST', SCHEDULES, c.cookie, create));
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      statusCode: 401,
      code: 'SESSION_EXPIRED',
      message: 'Your Zomro session has expired; sign in again',
    });
    // The create lists first (to learn the new id later, and the instance's state): the schedule
    // list meets the expiry, keepalive confirms it, and nothing is changed.
    const funcs = c.control.calls.map((x) => x.func);
    expect(funcs).toEqual(expect.arrayContaining([LIST, 'keepalive']));
    expect(funcs.filter((f) => f.endsWith('.edit'))).toEqual([]);
    expect(response.cookies.find((x) => x.name === 'zd_session')?.value).toBe('');
    const after = await c.app.inject({
      method: 'GET',
      url: SCHEDULES,
      headers: { cookie: c.cookie },
    });
    expect(after.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('after Zomro expired the session, on every route', async () => {
    const c = await signedIn();
    for (const request of [
      { method: 'GET' as const, url: '/api/instances' },
      { method: 'GET' as const, url: SCHEDULES },
      json('POST', SCHEDULES, null, create),
      json('PUT', `${SCHEDULES}/14`, null, create),
      json('DELETE', `${SCHEDULES}/14`, null),
    ]) {
      const cookie = await signIn(c.app, DEMO_ACCOUNT);
      c.control.expireSessions('demo');
      const response = await c.app.inject({
        ...request,
        headers: { ...('headers' in request ? request.headers : {}), cookie },
      });
      expect(response.json()).toMatchObject({ statusCode: 401, code: 'SESSION_EXPIRED' });
    }
    expect(c.control.schedulesOf('demo', '5203773').map((s) => s.id)).toContain('14');
  });
});

describe('sign-in', () => {
  it('answers 503 UPSTREAM_BLOCKED with Retry-After when Zomro blocks logins', async () => {
    ctx = await buildTestApp();
    ctx.control.addFault({
      kind: 'error',
      func: 'auth',
      error: { type: 'auth', object: 'blocklogon', message: 'Login blocked for 20 seconds' },
    });
    const response = await ctx.app.inject(json('POST', '/api/session', null, DEMO_ACCOUNT));
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('20');
    expect(response.json()).toEqual({
      statusCode: 503,
      code: 'UPSTREAM_BLOCKED',
      message: 'Login blocked for 20 seconds',
    });
  });

  it('is not retried after a connection reset', async () => {
    ctx = await buildTestApp();
    ctx.control.addFault({ kind: 'reset', func: 'auth' });
    const response = await ctx.app.inject(json('POST', '/api/session', null, DEMO_ACCOUNT));
    expect(response.json()).toMatchObject({ statusCode: 502, code: 'UPSTREAM_UNAVAILABLE' });
    expect(count(ctx, 'auth')).toBe(1);
  });

  it('answers 409 UPSTREAM_BUSY, not BAD_CREDENTIALS, when Zomro is busy', async () => {
    ctx = await buildTestApp();
    ctx.control.addFault({ kind: 'running-operation', func: 'auth' });
    const response = await ctx.app.inject(json('POST', '/api/session', null, DEMO_ACCOUNT));
    expect(response.json()).toMatchObject({ statusCode: 409, code: 'UPSTREAM_BUSY' });
  });
});
