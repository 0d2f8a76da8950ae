// GET /api/instances and the schedule routes against the emulator: the contract's shapes, the
// new id after a create, one-row and empty lists, validation that never reaches Zomro, and
// changes to one instance sent one at a time.
import type { BackupSchedule, Instance } from '@zomro-dash/shared';
import { DEMO_ACCOUNT, demoAccountData, type DemoAccount } from '@zomro-dash/zomro-emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, json, signIn, type TestContext } from '../../helper.js';

const INSTANCE = '5203773';
const SCHEDULES = `/api/instances/${INSTANCE}/schedules`;

let ctx: TestContext;
let account: DemoAccount;
let cookie: string;

beforeEach(async () => {
  ctx = await buildTestApp();
  account = ctx.control.createAccount();
  cookie = await signIn(ctx.app, account);
  ctx.control.clearCalls();
});
afterEach(async () => {
  await ctx.close();
});

const get = (url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });
const listSchedules = async (instanceId = INSTANCE) =>
  (await get(`/api/instances/${instanceId}/schedules`)).json<{ schedules: BackupSchedule[] }>()
    .schedules;
const changeCalls = () =>
  ctx.control.calls.filter((call) => call.func.endsWith('.edit') || call.func.endsWith('.delete'));

describe('GET /api/instances', () => {
  it('lists every instance, naming it by servername or else by tariff', async () => {
    const response = await get('/api/instances');
    expect(response.statusCode).toBe(200);
    const { instances } = response.json<{ instances: Instance[] }>();
    expect(instances.find((i) => i.id === INSTANCE)).toEqual({
      id: INSTANCE,
      name: 'MyServer',
      tariff: 'Cloud VPS 2 GB',
      ip: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/) as string,
      status: 'active',
    });
    expect(instances.length).toBeGreaterThan(5);
    expect(instances.some((i) => i.name === i.tariff)).toBe(true);
    expect(new Set(instances.map((i) => i.status)).size).toBeGreaterThan(1);
    for (const instance of instances) expect(instance.id).toMatch(/^\d+$/);
    // Every page at the account's saved page size (5): asked for with p_num alone.
    expect(ctx.control.calls.map((c) => [c.func, c.params.p_num])).toEqual(
      expect.arrayContaining([
        ['instances', '1'],
        ['instances', '2'],
        ['instances', '3'],
      ]),
    );
    expect(ctx.control.calls).toHaveLength(Math.ceil(demoAccountData().instances.length / 5));
    for (const call of ctx.control.calls) {
      expect(call.params).toMatchObject({ out: 'json', lang: 'en', auth: '***' });
      expect(call.params).not.toHaveProperty('p_cnt');
    }
  });

  it('needs a session', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/instances' });
    expect(response.json()).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
  });
});

describe('GET /api/instances/:instanceId/schedules', () => {
  it('lists schedules with days as numbers (Sunday = 0) and HH:MM times', async () => {
    const response = await get(SCHEDULES);
    expect(response.statusCode).toBe(200);
    expect(response.json<{ schedules: BackupSchedule[] }>().schedules).toContainEqual({
      id: '14',
      instanceId: INSTANCE,
      name: 'MySchedule',
      days: [1, 2, 3, 4, 5, 6],
      time: '02:01',
      createdAt: '2024-07-24',
      version: expect.stringMatching(/^[\w-]{16}$/) as string,
      // Never changed through the dashboard.
      lastChange: null,
    });
    expect(ctx.control.calls[0]).toMatchObject({
      func: 'instances.fleio_bckps.schedule',
      params: { elid: INSTANCE },
    });
  });

  it.each([true, false])(
    'reads a one-row list (oneRowAsObject %s) and an empty one',
    async (oneRowAsObject) => {
      ctx.control.setOneRowAsObject(oneRowAsObject);
      const existing = await listSchedules();
      for (const schedule of existing.slice(1)) {
        await ctx.app.inject(json('DELETE', `${SCHEDULES}/${schedule.id}`, cookie));
      }
      const one = await listSchedules();
      expect(one).toEqual([existing[0]]);
      await ctx.app.inject(json('DELETE', `${SCHEDULES}/${existing[0]!.id}`, cookie));
      const empty = await get(SCHEDULES);
      expect(empty.statusCode).toBe(200);
      expect(empty.json()).toEqual({ schedules: [], retention: 3 });
    },
  );

  it('answers 404 NOT_FOUND for an instance the account does not have', async () => {
    const response = await get('/api/instances/999999999/schedules');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
    // Zomro's internal type and object stay in the log: only a refusal names them.
    expect(response.json()).not.toHaveProperty('upstream');
  });

  it('refuses an id that is not digits before calling Zomro', async () => {
    for (const id of ['abc', '12a', '-1', '1.5']) {
      const response = await get(`/api/instances/${id}/schedules`);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ path: 'instanceId' }],
      });
    }
    expect(ctx.control.calls).toEqual([]);
  });
});

describe('POST /api/instances/:instanceId/schedules', () => {
  it('creates a schedule and answers it with its new id', async () => {
    const before = await listSchedules();
    ctx.control.clearCalls();
    const response = await ctx.app.inject(
      json('POST', SCHEDULES, cookie, { name: '  Weekend  ', days: [6, 0], time: '03:30' }),
    );
    expect(response.statusCode).toBe(201);
    const { schedule } = response.json<{ schedule: BackupSchedule }>();
    expect(schedule).toMatchObject({
      instanceId: INSTANCE,
      name: 'Weekend',
      days: [0, 6],
      time: '03:30',
    });
    expect(schedule.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(before.map((s) => s.id)).not.toContain(schedule.id);
    expect(await listSchedules()).toContainEqual(schedule);
    expect(schedule.lastChange).toEqual({
      actor: account.username,
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string,
      action: 'schedule.create',
    });
    expect(ctx.control.schedulesOf(account.username, INSTANCE)).toContainEqual({
      id: schedule.id,
      name: 'Weekend',
      days: [0, 6],
      time: '03:30',
    });
    expect(changeCalls()).toEqual([
      expect.objectContaining({
        func: 'instances.fleio_bckps.schedule.edit',
        params: expect.objectContaining({
          plid: INSTANCE,
          name: 'Weekend',
          rotation_days: '0,6',
          rotation_time: '03:30',
          sok: 'ok',
        }) as unknown,
      }),
    ]);
    expect(changeCalls()[0]?.params.elid).toBeUndefined();
  });

  it('tells two identical schedules apart by their ids', async () => {
    const body = { name: 'Twin', days: [1], time: '01:00' };
    const first = await ctx.app.inject(json('POST', SCHEDULES, cookie, body));
    const second = await ctx.app.inject(json('POST', SCHEDULES, cookie, body));
    const a = first.json<{ schedule: BackupSchedule }>().schedule.id;
    const b = second.json<{ schedule: BackupSchedule }>().schedule.id;
    expect(a).not.toBe(b);
    expect((await listSchedules()).filter((s) => s.name === 'Twin').map((s) => s.id)).toEqual([
      a,
      b,
    ]);
  });

  it('creates on an instance that had no schedule, whatever oneRowAsObject says', async () => {
    ctx.control.setOneRowAsObject(true);
    const instances = (await get('/api/instances')).json<{ instances: Instance[] }>().instances;
    let bare: string | undefined;
    for (const instance of instances) {
      if ((await listSchedules(instance.id)).length === 0) {
        bare = instance.id;
        break;
      }
    }
    expect(bare).toBeDefined();
    const response = await ctx.app.inject(
      json('POST', `/api/instances/${bare}/schedules`, cookie, {
        name: 'First',
        days: [3],
        time: '23:59',
      }),
    );
    expect(response.statusCode).toBe(201);
    expect((await listSchedules(bare)).map((s) => s.id)).toEqual([
      response.json<{ schedule: BackupSchedule }>().schedule.id,
    ]);
  });

  it.each([
    [{ name: '', days: [1], time: '01:00' }, 'name'],
    [{ name: '   ', days: [1], time: '01:00' }, 'name'],
    [{ name: 'x'.repeat(101), days: [1], time: '01:00' }, 'name'],
    [{ name: 'tab\there', days: [1], time: '01:00' }, 'name'],
    [{ name: 'nul\u0000', days: [1], time: '01:00' }, 'name'],
    [{ days: [1], time: '01:00' }, 'name'],
    [{ name: 'a', days: [], time: '01:00' }, 'days'],
    [{ name: 'a', days: [1, 1], time: '01:00' }, 'days'],
    [{ name: 'a', days: [7], time: '01:00' }, 'days.0'],
    [{ name: 'a', days: [-1], time: '01:00' }, 'days.0'],
    [{ name: 'a', days: [1.5], time: '01:00' }, 'days.0'],
    [{ name: 'a', days: ['1'], time: '01:00' }, 'days.0'],
    [{ name: 'a', days: '1,2', time: '01:00' }, 'days'],
    [{ name: 'a', days: [1], time: '24:00' }, 'time'],
    [{ name: 'a', days: [1], time: '7:60' }, 'time'],
    [{ name: 'a', days: [1], time: '07:60' }, 'time'],
    [{ name: 'a', days: [1] }, 'time'],
  ])('refuses %j (%s) with 400 before calling Zomro', async (body, path) => {
    const response = await ctx.app.inject(json('POST', SCHEDULES, cookie, body));
    expect(response.statusCode).toBe(400);
    const error = response.json<{ code: string; details: Array<{ path: string }> }>();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d) => d.path)).toContain(path);
    expect(ctx.control.calls).toEqual([]);
  });

  it('accepts H:MM as the form does and stores HH:MM', async () => {
    const response = await ctx.app.inject(
      json('POST', SCHEDULES, cookie, { name: 'Short hour', days: [2], time: '3:00' }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json<{ schedule: BackupSchedule }>().schedule.time).toBe('03:00');
  });

  it('answers INVALID_JSON for a body that is no JSON, and words an empty body itself', async () => {
    const broken = await ctx.app.inject({
      method: 'POST',
      url: SCHEDULES,
      headers: { cookie, 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'INVALID_JSON' });
    for (const payload of ['', 'null', '[]']) {
      const empty = await ctx.app.inject({
        method: 'POST',
        url: SCHEDULES,
        headers: { cookie, 'content-type': 'application/json' },
        payload,
      });
      expect(empty.statusCode).toBe(400);
      const body = empty.json<{ message: string; details?: Array<{ message: string }> }>();
      const words = [body.message, ...(body.details ?? []).map((d) => d.message)].join(' ');
      expect(words).toContain('The request needs a JSON object as its body');
      expect(words).not.toMatch(/expected|received|Invalid input/i);
    }
    expect(ctx.control.calls).toEqual([]);
  });

  it('accepts 100 characters and the edges of the day', async () => {
    const name = 'n'.repeat(100);
    for (const time of ['00:00', '23:59']) {
      const response = await ctx.app.inject(
        json('POST', SCHEDULES, cookie, { name, days: [0, 1, 2, 3, 4, 5, 6], time }),
      );
      expect(response.statusCode).toBe(201);
      expect(response.json<{ schedule: BackupSchedule }>().schedule).toMatchObject({ name, time });
    }
  });

  it('sends changes to one instance one at a time', async () => {
    ctx.control.setLatency({ fixedMs: 15 });
    const responses = await Promise.all(
      ['One', 'Two', 'Three'].map((name) =>
        ctx.app.inject(json('POST', SCHEDULES, cookie, { name, days: [2], time: '04:00' })),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(
      new Set(responses.map((r) => r.json<{ schedule: BackupSchedule }>().schedule.id)).size,
    ).toBe(3);
    // Each create lists before and after, under the instance's lock, before the next one
    // starts: the instance's schedules never had two calls in flight at once.
    expect(ctx.control.inFlight.instances[INSTANCE]?.max).toBe(1);
    const perInstance = ctx.control.calls
      .filter((c) => c.func.startsWith('instances.fleio_bckps'))
      .map((c) => c.func.split('.').at(-1));
    expect(perInstance).toEqual(
      Array.from({ length: 3 }, () => ['schedule', 'edit', 'schedule']).flat(),
    );
  });
});

describe('PUT /api/instances/:instanceId/schedules/:scheduleId', () => {
  it('changes a schedule and answers it with the values Zomro accepted', async () => {
    const response = await ctx.app.inject(
      json('PUT', `${SCHEDULES}/14`, cookie, { name: 'Renamed', days: [0], time: '00:15' }),
    );
    expect(response.statusCode).toBe(200);
    const { schedule } = response.json<{ schedule: BackupSchedule }>();
    expect(schedule).toEqual({
      id: '14',
      instanceId: INSTANCE,
      name: 'Renamed',
      days: [0],
      time: '00:15',
      createdAt: '2024-07-24',
      version: expect.any(String) as string,
      lastChange: {
        actor: account.username,
        at: expect.any(String) as string,
        action: 'schedule.update',
      },
    });
    // The version is the one the list shows now, which differs from the one before.
    expect((await listSchedules()).find((s) => s.id === '14')).toEqual(schedule);
    expect(ctx.control.schedulesOf(account.username, INSTANCE)).toContainEqual({
      id: '14',
      name: 'Renamed',
      days: [0],
      time: '00:15',
    });
    expect(changeCalls()[0]?.params).toMatchObject({ plid: INSTANCE, elid: '14', sok: 'ok' });
  });

  it('answers 404 NOT_FOUND for a schedule Zomro does not know', async () => {
    const response = await ctx.app.inject(
      json('PUT', `${SCHEDULES}/987654`, cookie, { name: 'x', days: [1], time: '01:00' }),
    );
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect(changeCalls()).toEqual([]);
  });

  it('answers 404 and changes nothing when the schedule belongs to another instance', async () => {
    // Schedule 22 is on 5203801. Zomro may find a schedule by elid alone, so the BFF checks first.
    const response = await ctx.app.inject(
      json('PUT', `${SCHEDULES}/22`, cookie, { name: 'Hijacked', days: [1], time: '01:00' }),
    );
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect(changeCalls()).toEqual([]);
    expect(ctx.control.schedulesOf(account.username, '5203801')).toContainEqual(
      expect.objectContaining({ id: '22', name: expect.not.stringMatching('Hijacked') as string }),
    );
  });

  it('refuses invalid input and ids before calling Zomro', async () => {
    const bad = await ctx.app.inject(
      json('PUT', `${SCHEDULES}/14`, cookie, { name: 'x', days: [], time: '01:00' }),
    );
    expect(bad.statusCode).toBe(400);
    const badId = await ctx.app.inject(
      json('PUT', `${SCHEDULES}/x14`, cookie, { name: 'x', days: [1], time: '01:00' }),
    );
    expect(badId.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'scheduleId' }],
    });
    expect(ctx.control.calls).toEqual([]);
  });
});

describe('DELETE /api/instances/:instanceId/schedules/:scheduleId', () => {
  it('deletes a schedule', async () => {
    const response = await ctx.app.inject(json('DELETE', `${SCHEDULES}/14`, cookie));
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect((await listSchedules()).map((s) => s.id)).not.toContain('14');
    expect(changeCalls()[0]).toMatchObject({
      func: 'instances.fleio_bckps.schedule.delete',
      params: { elid: '14' },
    });
    const again = await ctx.app.inject(json('DELETE', `${SCHEDULES}/14`, cookie));
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers 404 and deletes nothing when the schedule belongs to another instance', async () => {
    // Schedule 22 is on 5203801; the delete call itself names no instance, so the BFF must check.
    const response = await ctx.app.inject(json('DELETE', `${SCHEDULES}/22`, cookie));
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect(ctx.control.schedulesOf(account.username, '5203801').map((s) => s.id)).toContain('22');
    expect(changeCalls()).toEqual([]);
  });

  it("cannot touch another account's schedule", async () => {
    const other = ctx.control.createAccount();
    const created = await ctx.app.inject(
      json('POST', '/api/instances/5203773/schedules', await signIn(ctx.app, other), {
        name: 'Theirs',
        days: [1],
        time: '01:00',
      }),
    );
    const theirId = created.json<{ schedule: BackupSchedule }>().schedule.id;
    const response = await ctx.app.inject(json('DELETE', `${SCHEDULES}/${theirId}`, cookie));
    expect(response.statusCode).toBe(404);
    expect(ctx.control.schedulesOf(other.username, INSTANCE).map((s) => s.id)).toContain(theirId);
  });
});

describe('changing requests', () => {
  const create = { name: 'x', days: [1], time: '01:00' };

  it('are refused with 403 FORBIDDEN when Origin names another site', async () => {
    for (const origin of ['http://evil.example', 'null', 'http://localhost:81', 'garbage']) {
      const request = json('POST', SCHEDULES, cookie, create);
      const response = await ctx.app.inject({
        ...request,
        headers: { ...request.headers, origin },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({
        statusCode: 403,
        code: 'FORBIDDEN',
        message: 'Cross-site requests are not allowed',
      });
    }
    const crossSite = json('DELETE', `${SCHEDULES}/14`, cookie);
    const fetchMetadata = await ctx.app.inject({
      ...crossSite,
      headers: { ...crossSite.headers, 'sec-fetch-site': 'cross-site' },
    });
    expect(fetchMetadata.statusCode).toBe(403);
    const signInElsewhere = json('POST', '/api/session', null, DEMO_ACCOUNT);
    const refused = await ctx.app.inject({
      ...signInElsewhere,
      headers: { ...signInElsewhere.headers, origin: 'https://evil.example' },
    });
    expect(refused.statusCode).toBe(403);
    expect(ctx.control.calls).toEqual([]);
  });

  it('are accepted from the same origin', async () => {
    const request = json('POST', SCHEDULES, cookie, create);
    const response = await ctx.app.inject({
      ...request,
      headers: {
        ...request.headers,
        origin: 'http://localhost:80',
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(response.statusCode).toBe(201);
  });

  it('are refused with 415 unless the body is application/json', async () => {
    const body = JSON.stringify(create);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const response = await ctx.app.inject({
        method: 'POST',
        url: SCHEDULES,
        headers: { cookie, ...(type && { 'content-type': type }) },
        payload: body,
      });
      expect(response.statusCode).toBe(415);
      expect(response.json()).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    }
    const multipart = await ctx.app.inject({
      method: 'PUT',
      url: `${SCHEDULES}/14`,
      headers: { cookie, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x--',
    });
    expect(multipart.statusCode).toBe(415);
    const deleteWithText = await ctx.app.inject({
      method: 'DELETE',
      url: `${SCHEDULES}/14`,
      headers: { cookie, 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(deleteWithText.statusCode).toBe(415);
    expect(ctx.control.calls).toEqual([]);
  });

  it('accept a DELETE with no body, or an empty JSON one', async () => {
    const empty = await ctx.app.inject({
      method: 'DELETE',
      url: `${SCHEDULES}/14`,
      headers: { cookie, 'content-type': 'application/json' },
    });
    expect(empty.statusCode).toBe(204);
    const charset = await ctx.app.inject({
      method: 'POST',
      url: SCHEDULES,
      headers: { cookie, 'content-type': 'application/json; charset=utf-8' },
      payload: JSON.stringify(create),
    });
    expect(charset.statusCode).toBe(201);
  });
});
