// What Zomro's own panel shows about its API (Karantir-dev/billing-typescript), proven against the
// emulator: long requests, paging without p_cnt, instances that take no schedule changes,
// messages in Russian, a JSON $object, one-row lists, and two-factor sign-in and logout as the
// panel does them.
import type { AuditEntry, BackupSchedule, Instance } from '@zomro-dash/shared';
import {
  DEMO_TOTP_ACCOUNT,
  demoAccountData,
  totpCode,
  type DemoAccount,
} from '@zomro-dash/zomro-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../src/config.js';
import { ZomroClient } from '../../src/zomro/client.js';
import { buildTestApp, json, sessionCookie, signIn, type TestContext } from '../helper.js';

const INSTANCE = '5203773';
const SCHEDULES = `/api/instances/${INSTANCE}/schedules`;
const EDIT = 'instances.fleio_bckps.schedule.edit';
const LIST = 'instances.fleio_bckps.schedule';
/** The demo's instance in the `error` state. */
const BROKEN = '5204255';

let ctx: TestContext;
let account: DemoAccount;
let cookie: string;

async function setup(config: Partial<AppConfig> = {}) {
  ctx = await buildTestApp({ config });
  account = ctx.control.createAccount();
  cookie = await signIn(ctx.app, account);
  ctx.control.clearCalls();
}
afterEach(async () => {
  await ctx.close();
});

const get = (url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });
const changeCalls = () =>
  ctx.control.calls.filter((c) => c.func.endsWith('.edit') || c.func.endsWith('.delete'));
const create = (name: string, instanceId = INSTANCE) =>
  ctx.app.inject(
    json('POST', `/api/instances/${instanceId}/schedules`, cookie, {
      name,
      days: [2],
      time: '04:00',
    }),
  );

describe('a long request', () => {
  it('answering a create is followed to its result, and makes exactly one schedule', async () => {
    await setup();
    const before = ctx.control.schedulesOf(account.username, INSTANCE).length;
    ctx.control.addFault({ kind: 'long', func: EDIT, username: account.username, polls: 2 });
    const response = await create('Slow');
    expect(response.statusCode).toBe(201);
    const { schedule } = response.json<{ schedule: BackupSchedule }>();
    expect(schedule).toMatchObject({ name: 'Slow', days: [2], time: '04:00' });
    const made = ctx.control.schedulesOf(account.username, INSTANCE);
    expect(made).toHaveLength(before + 1);
    expect(made.filter((s) => s.name === 'Slow').map((s) => s.id)).toEqual([schedule.id]);
    // The page's URL was looked at until the answer came: twice "still running", then JSON.
    expect(ctx.control.calls.filter((c) => c.func === 'long')).toHaveLength(3);
    expect(changeCalls()).toHaveLength(1);
  });

  it('that outlasts the time-out leaves the outcome unknown: the list tells, nothing is sent twice', async () => {
    await setup({ zomroTimeoutMs: 1_000 });
    ctx.control.addFault({ kind: 'long', func: EDIT, username: account.username, polls: 1_000 });
    const response = await create('Slower');
    // Zomro made it (the emulator acts at once); the BFF found it in the list after the time-out.
    expect(response.statusCode).toBe(201);
    expect(ctx.control.calls.filter((c) => c.func === 'long').length).toBeGreaterThan(1);
    expect(
      ctx.control.schedulesOf(account.username, INSTANCE).filter((s) => s.name === 'Slower'),
    ).toHaveLength(1);
    expect(changeCalls()).toHaveLength(1);
  });

  it('that outlasts the time-out of a read answers 504', async () => {
    await setup({ zomroTimeoutMs: 800 });
    ctx.control.addFault({ kind: 'long', func: LIST, username: account.username, polls: 1_000 });
    const response = await get(SCHEDULES);
    expect(response.statusCode).toBe(504);
    expect(response.json()).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
  });
});

describe('paging', () => {
  it('reads whole lists at a small saved page size and never sends p_cnt', async () => {
    await setup();
    ctx.control.setPageSize(account.username, 2);
    const instances = (await get('/api/instances')).json<{ instances: Instance[] }>().instances;
    const demoCount = demoAccountData().instances.length;
    expect(instances).toHaveLength(demoCount);
    expect(new Set(instances.map((i) => i.id)).size).toBe(demoCount);

    const multi = '/api/instances/5203815/schedules';
    const listed = (await get(multi)).json<{ schedules: BackupSchedule[] }>().schedules;
    expect(listed.map((s) => s.id)).toEqual(['24', '25', '26']);
    // A create whose new row lands on the last page is still found.
    const response = await create('Paged', '5203815');
    expect(response.statusCode).toBe(201);
    const after = (await get(multi)).json<{ schedules: BackupSchedule[] }>().schedules;
    expect(after.map((s) => s.id)).toContain(
      response.json<{ schedule: BackupSchedule }>().schedule.id,
    );
    expect(after).toHaveLength(4);

    expect(ctx.control.calls.some((c) => 'p_cnt' in c.params)).toBe(false);
    expect(ctx.control.pageSizeChanges).toEqual([]);
    expect(ctx.control.pageSizeOf(account.username)).toBe(2);
  });

  it('reads a one-row list whether Zomro sends it as an array or as an object', async () => {
    await setup();
    for (const asObject of [false, true]) {
      ctx.control.setOneRowAsObject(asObject);
      const listed = (await get(SCHEDULES)).json<{ schedules: BackupSchedule[] }>().schedules;
      expect(listed.map((s) => s.id)).toEqual(['14']);
    }
  });
});

describe('an instance that takes no schedule changes', () => {
  it('in the error state refuses a create with 409 INSTANCE_BLOCKED and sends nothing', async () => {
    await setup();
    const before = ctx.control.schedulesOf(account.username, BROKEN);
    const response = await create('Never', BROKEN);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      statusCode: 409,
      code: 'INSTANCE_BLOCKED',
      message: expect.stringContaining('"error"') as string,
    });
    expect(changeCalls()).toEqual([]);
    expect(ctx.control.schedulesOf(account.username, BROKEN)).toEqual(before);
    // Reading is still allowed.
    expect((await get(`/api/instances/${BROKEN}/schedules`)).statusCode).toBe(200);
    // The refusal is on the trail.
    const audit = await get(`/api/audit?instanceId=${BROKEN}`);
    expect(audit.json<{ entries: AuditEntry[] }>().entries[0]).toMatchObject({
      action: 'schedule.create',
      outcome: 'failed',
      errorCode: 'INSTANCE_BLOCKED',
    });
  });

  it('while its image uploads refuses edits and deletes too, until it runs again', async () => {
    await setup();
    ctx.control.setInstanceStatus(account.username, INSTANCE, 'running_image_uploading');
    const body = { name: 'Renamed', days: [1], time: '01:00' };
    const edited = await ctx.app.inject(json('PUT', `${SCHEDULES}/14`, cookie, body));
    expect(edited.statusCode).toBe(409);
    expect(edited.json()).toMatchObject({ code: 'INSTANCE_BLOCKED' });
    const deleted = await ctx.app.inject(json('DELETE', `${SCHEDULES}/14`, cookie));
    expect(deleted.statusCode).toBe(409);
    expect(changeCalls()).toEqual([]);
    expect(ctx.control.schedulesOf(account.username, INSTANCE).map((s) => s.id)).toEqual(['14']);

    ctx.control.setInstanceStatus(account.username, INSTANCE, 'active');
    const again = await ctx.app.inject(json('PUT', `${SCHEDULES}/14`, cookie, body));
    expect(again.statusCode).toBe(200);
  });
});

describe('Zomro’s messages', () => {
  it('recognise “busy” in Russian: 409 UPSTREAM_BUSY with Retry-After', async () => {
    await setup();
    ctx.control.addFault({
      kind: 'error',
      func: EDIT,
      username: account.username,
      error: { type: 'value', message: 'Ваш запрос обрабатывается, пожалуйста, подождите' },
    });
    const response = await create('Busy');
    expect(response.statusCode).toBe(409);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json()).toMatchObject({ code: 'UPSTREAM_BUSY' });
  });

  it('recognise “insufficient privileges” in Russian, whatever the type, and ask keepalive', async () => {
    await setup();
    const russian = {
      kind: 'error' as const,
      func: 'instances',
      error: { type: 'value', message: 'У вас недостаточно прав на выполнение функции' },
    };
    ctx.control.addFault(russian);
    const forbidden = await get('/api/instances');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(ctx.control.calls.map((c) => c.func)).toEqual(['instances', 'keepalive']);

    ctx.control.expireSessions(account.username);
    ctx.control.addFault(russian);
    const expired = await get('/api/instances');
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'SESSION_EXPIRED' });
  });

  it('map a JSON $object to the API’s field names', async () => {
    await setup();
    ctx.control.addFault({
      kind: 'error',
      func: EDIT,
      username: account.username,
      error: {
        type: 'value',
        object: JSON.stringify({ rotation_time: ['Enter a valid time.'], name: ['Too long.'] }),
        message: 'Invalid data',
      },
    });
    const response = await create('Fleio');
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({
      statusCode: 422,
      code: 'UPSTREAM_REJECTED',
      message: 'Invalid data: Enter a valid time.',
      details: [
        { path: 'time', message: 'Enter a valid time.' },
        { path: 'name', message: 'Too long.' },
      ],
      upstream: { type: 'value', object: 'rotation_time' },
    });
  });
});

describe('sessions as Zomro’s panel keeps them', () => {
  it('log out with logon and no sok, ending Zomro’s side; a failed logout stays harmless', async () => {
    await setup();
    const [token] = [...ctx.store.tokens];
    const response = await ctx.app.inject(json('DELETE', '/api/session', cookie));
    expect(response.statusCode).toBe(204);
    const logon = ctx.control.calls.find((c) => c.func === 'logon');
    expect(logon?.params).not.toHaveProperty('sok');
    const zomro = new ZomroClient({ url: ctx.emulatorUrl, timeoutMs: 5_000 });
    expect(await zomro.keepalive(token!)).toBe(false);

    const again = await signIn(ctx.app, account);
    ctx.control.addFault({ kind: 'reset', func: 'logon' });
    expect((await ctx.app.inject(json('DELETE', '/api/session', again))).statusCode).toBe(204);
    expect((await get('/api/session')).statusCode).toBe(401);
  });

  it('confirm the code as the panel does and go on with the session id it answers', async () => {
    await setup();
    const started = await ctx.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: DEMO_TOTP_ACCOUNT.username, password: DEMO_TOTP_ACCOUNT.password },
    });
    expect(started.json()).toEqual({ totpRequired: true });
    const pending = sessionCookie(started)!;
    ctx.control.clearCalls();

    // While the code is owed, Zomro answers data functions with an empty ok, not an error: the
    // BFF never asks, so such an "empty list" can never be taken for the account's.
    const early = await ctx.app.inject({
      method: 'GET',
      url: '/api/instances',
      headers: { cookie: pending },
    });
    expect(early.statusCode).toBe(401);
    expect(early.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(ctx.control.calls).toEqual([]);

    const confirmed = await ctx.app.inject(
      json('POST', '/api/session/totp', pending, {
        code: totpCode(DEMO_TOTP_ACCOUNT.totpSecret!),
      }),
    );
    expect(confirmed.statusCode).toBe(200);
    expect(ctx.control.calls.find((c) => c.func === 'totp.confirm')?.params).toMatchObject({
      sok: 'ok',
      clicked_button: 'ok',
    });
    const full = sessionCookie(confirmed)!;
    const instances = await ctx.app.inject({
      method: 'GET',
      url: '/api/instances',
      headers: { cookie: full },
    });
    // The emulator gave a new session id and ended the old one: this works only with the new.
    expect(instances.statusCode).toBe(200);
    expect(instances.json<{ instances: Instance[] }>().instances).toHaveLength(3);
  });
});
