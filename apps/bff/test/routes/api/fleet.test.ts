// The fleet routes against the real emulator: every instance with its schedules under a bound on
// Zomro calls in flight, a failure reported on its instance, one schedule applied to many (one
// `.edit` per instance, per-instance results, the audit trail, idempotent repeats), both modes.
import type { AuditPage, BulkResponse, FleetResponse } from '@zomro-dash/shared';
import { DEMO_ACCOUNT, demoAccountData, type DemoAccount } from '@zomro-dash/zomro-emulator';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildTeamApp,
  buildTestApp,
  json,
  sessionCookie,
  signIn,
  type TestContext,
  type TestOperator,
} from '../../helper.js';

const EDIT = 'instances.fleio_bckps.schedule.edit';
const LIST = 'instances.fleio_bckps.schedule';
const DEMO = demoAccountData();
/** Instances the demo data gives no schedule, none of them in a state that refuses changes. */
const UNPROTECTED = DEMO.instances
  .filter((i) => !DEMO.schedules.some((s) => s.instanceId === i.id))
  .filter((i) => !['error', 'running_image_uploading'].includes(i.instanceStatus))
  .map((i) => i.id);
const schedule = { name: 'Fleet nightly', days: [1, 2, 3, 4, 5], time: '02:30' };

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

async function personal(
  options: Parameters<typeof buildTestApp>[0] = {},
): Promise<{ c: TestContext; cookie: string; account: DemoAccount }> {
  const c = (ctx = await buildTestApp(options));
  const account = c.control.createAccount();
  return { c, cookie: await signIn(c.app, account), account };
}

const fleet = (c: TestContext, cookie: string) =>
  c.app.inject({ method: 'GET', url: '/api/schedules', headers: { cookie } });

function bulk(c: TestContext, cookie: string, body: object, key?: string) {
  const request = json('POST', '/api/schedules/bulk', cookie, body);
  return c.app.inject({
    ...request,
    headers: { ...request.headers, ...(key !== undefined && { 'idempotency-key': key }) },
  });
}

describe('GET /api/schedules', () => {
  it('answers every instance with its schedules, never more calls in flight than the bound', async () => {
    const { c, cookie } = await personal({ config: { fleetConcurrency: 3 } });
    // The first three reads are held until all three are in flight: the bound is reached for
    // certain, whatever the machine's speed.
    const hold = c.control.hold({ func: LIST, count: 3 });
    const answer = fleet(c, cookie);
    await vi.waitFor(() => expect(hold.held).toBe(3), { timeout: 20_000, interval: 5 });
    hold.release();
    const response = await answer;
    expect(response.statusCode).toBe(200);
    const { instances } = response.json<FleetResponse>();
    expect(instances.map((e) => e.instance.id)).toEqual(DEMO.instances.map((i) => i.id));
    for (const entry of instances) {
      expect(entry.error).toBeUndefined();
      const expected = DEMO.schedules.filter((s) => s.instanceId === entry.instance.id);
      expect(entry.schedules.map((s) => s.id)).toEqual(expected.map((s) => s.id));
    }
    const seed = instances.find((e) => e.instance.id === '5203773')!;
    expect(seed.schedules[0]).toMatchObject({ name: 'MySchedule', days: [1, 2, 3, 4, 5, 6] });
    expect(seed.schedules[0]!.version).toEqual(expect.any(String));
    // The bound is reached (the reads are parallel) and never passed.
    expect(c.control.inFlight.max).toBe(3);
    expect(c.control.calls.filter((call) => call.func === LIST)).toHaveLength(
      DEMO.instances.length,
    );
  });

  it('keeps to the default of 4 when the instance list itself has many pages', async () => {
    const { c, cookie, account } = await personal();
    c.control.setPageSize(account.username, 2);
    const hold = c.control.hold({ func: LIST, count: 4 });
    const answer = fleet(c, cookie);
    await vi.waitFor(() => expect(hold.held).toBe(4), { timeout: 20_000, interval: 5 });
    hold.release();
    expect((await answer).statusCode).toBe(200);
    expect(c.control.inFlight.max).toBe(4);
  });

  it('reports a failure on its instance and answers the others', async () => {
    const { c, cookie, account } = await personal();
    c.control.addFault({
      kind: 'error',
      func: LIST,
      username: account.username,
      error: { type: 'value', object: 'elid', message: 'Fleio is not answering' },
    });
    const response = await fleet(c, cookie);
    expect(response.statusCode).toBe(200);
    const { instances } = response.json<FleetResponse>();
    const failed = instances.filter((e) => e.error);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      schedules: [],
      error: { code: 'UPSTREAM_REJECTED', message: 'Fleio is not answering' },
    });
    const others = instances.filter((e) => !e.error);
    expect(others).toHaveLength(DEMO.instances.length - 1);
    expect(others.flatMap((e) => e.schedules).length).toBeGreaterThan(DEMO.schedules.length / 2);
  });

  it('answers 401 when the session is gone, not an error on every row', async () => {
    const { c, cookie } = await personal();
    expect((await fleet(c, '')).statusCode).toBe(401);
    c.control.expireSessions();
    const response = await fleet(c, cookie);
    expect(response.statusCode).toBe(401);
  });
});

describe('POST /api/schedules/bulk', () => {
  it('creates on each instance with one .edit each, answers per instance, and audits each', async () => {
    const { c, cookie, account } = await personal();
    const ids = UNPROTECTED.slice(0, 5);
    expect(ids).toHaveLength(5);
    c.control.clearCalls();
    const response = await bulk(c, cookie, { ...schedule, instanceIds: ids }, 'bulk-1');
    expect(response.statusCode).toBe(200);
    const { results } = response.json<BulkResponse>();
    expect(results.map((r) => [r.instanceId, r.status])).toEqual(ids.map((id) => [id, 'created']));
    for (const result of results) {
      expect(result.schedule).toMatchObject({ instanceId: result.instanceId, ...schedule });
      expect(c.control.schedulesOf(account.username, result.instanceId)).toEqual([
        { id: result.schedule!.id, name: schedule.name, days: schedule.days, time: '02:30' },
      ]);
    }
    const edits = c.control.calls.filter((call) => call.func === EDIT);
    expect(edits.map((e) => e.params.plid).sort()).toEqual([...ids].sort());
    for (const edit of edits) {
      expect(edit.params).toMatchObject({ rotation_days: '1,2,3,4,5', rotation_time: '02:30' });
    }

    const audit = await c.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie } });
    const creates = audit.json<AuditPage>().entries.filter((e) => e.action === 'schedule.create');
    expect(creates.map((e) => e.instanceId).sort()).toEqual([...ids].sort());
    for (const entry of creates)
      expect(entry).toMatchObject({ outcome: 'ok', actor: account.username });
  });

  it('reports a failure on its instance; the rest are created', async () => {
    const { c, cookie, account } = await personal({ config: { fleetConcurrency: 1 } });
    const ids = UNPROTECTED.slice(0, 3);
    c.control.addFault({
      kind: 'error',
      func: EDIT,
      username: account.username,
      error: { type: 'value', object: 'name', message: 'Quota of schedules reached' },
    });
    const response = await bulk(c, cookie, { ...schedule, instanceIds: [...ids, '5204255'] });
    expect(response.statusCode).toBe(200);
    const { results } = response.json<BulkResponse>();
    // One at a time: the first instance takes the fault; the instance in error is refused.
    expect(results.map((r) => r.status)).toEqual(['failed', 'created', 'created', 'failed']);
    expect(results[0]!.error).toEqual({
      code: 'UPSTREAM_REJECTED',
      message: 'Quota of schedules reached',
    });
    expect(results[0]!.schedule).toBeUndefined();
    expect(results[3]!.error).toMatchObject({ code: 'INSTANCE_BLOCKED' });
    expect(c.control.schedulesOf(account.username, ids[0]!)).toEqual([]);
    expect(c.control.schedulesOf(account.username, ids[1]!)).toHaveLength(1);
  });

  it('answers a repeat of its Idempotency-Key with the first results and no call to Zomro', async () => {
    const { c, cookie, account } = await personal();
    const body = { ...schedule, instanceIds: UNPROTECTED.slice(0, 3) };
    const first = await bulk(c, cookie, body, 'repeat-me');
    expect(first.statusCode).toBe(200);
    const callsBefore = c.control.calls.length;
    const repeat = await bulk(c, cookie, body, 'repeat-me');
    expect(repeat.statusCode).toBe(200);
    expect(repeat.json()).toEqual(first.json());
    expect(c.control.calls).toHaveLength(callsBefore);
    for (const id of body.instanceIds) {
      expect(c.control.schedulesOf(account.username, id)).toHaveLength(1);
    }
    // The same key with another body is refused; a new key creates again.
    const other = await bulk(c, cookie, { ...body, time: '03:00' }, 'repeat-me');
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(c.control.calls).toHaveLength(callsBefore);
    expect((await bulk(c, cookie, body, 'another')).statusCode).toBe(200);
    expect(c.control.schedulesOf(account.username, body.instanceIds[0]!)).toHaveLength(2);
  });

  it('refuses bad input with nothing sent to Zomro', async () => {
    const { c, cookie } = await personal();
    c.control.clearCalls();
    for (const body of [
      { ...schedule, instanceIds: [] },
      { ...schedule, instanceIds: ['5203773', '5203773'] },
      { ...schedule, instanceIds: ['abc'] },
      { ...schedule, instanceIds: ['5203773'], time: '25:00' },
      { ...schedule, instanceIds: ['5203773'], days: [] },
      { name: 'x', days: [1], time: '02:00' },
    ]) {
      const response = await bulk(c, cookie, body);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    const badKey = await bulk(c, cookie, { ...schedule, instanceIds: ['5203773'] }, 'a b');
    expect(badKey.statusCode).toBe(400);
    expect(c.control.calls).toEqual([]);
  });
});

describe('team mode', () => {
  const ALICE: TestOperator = { name: 'alice', role: 'editor', password: 'correct horse' };
  const VICTOR: TestOperator = { name: 'victor', role: 'viewer', password: 'battery staple' };

  async function operator(c: TestContext, who: TestOperator) {
    const response = await c.app.inject(
      json('POST', '/api/session', null, { username: who.name, password: who.password }),
    );
    return sessionCookie(response)!;
  }

  it('lets viewers read the fleet but not apply to many; editors apply under their name', async () => {
    const c = (ctx = await buildTeamApp({ operators: [ALICE, VICTOR] }));
    const victor = await operator(c, VICTOR);
    expect((await fleet(c, victor)).statusCode).toBe(200);
    c.control.clearCalls();
    const refused = await bulk(c, victor, { ...schedule, instanceIds: [UNPROTECTED[0]] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(c.control.calls).toEqual([]);

    const alice = await operator(c, ALICE);
    const done = await bulk(c, alice, { ...schedule, instanceIds: UNPROTECTED.slice(0, 2) }, 'k');
    expect(done.json<BulkResponse>().results.map((r) => r.status)).toEqual(['created', 'created']);
    const audit = await c.app.inject({
      method: 'GET',
      url: '/api/audit',
      headers: { cookie: alice },
    });
    const creates = audit
      .json<AuditPage>()
      .entries.filter((e) => e.action === 'schedule.create' && e.actor === 'alice');
    expect(creates).toHaveLength(2);
    for (const entry of creates) expect(entry).toMatchObject({ actor: 'alice', outcome: 'ok' });
  });
});

// The demo account itself is a fleet: the overview has something to show with `npm start`.
describe('the demo account', () => {
  it('has 30 or more instances, some without a schedule', async () => {
    const c = (ctx = await buildTestApp());
    const cookie = await signIn(c.app, DEMO_ACCOUNT);
    const { instances } = (await fleet(c, cookie)).json<FleetResponse>();
    expect(instances.length).toBeGreaterThanOrEqual(30);
    expect(instances.filter((e) => e.schedules.length === 0).length).toBeGreaterThanOrEqual(5);
  });
});
