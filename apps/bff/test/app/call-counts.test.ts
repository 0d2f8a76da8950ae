// How many Zomro calls each dashboard action costs, counted by the emulator (counts are exact):
// Zomro limits clients, and every call is latency the operator waits for.
import type { DemoAccount } from '@zomro-dash/zomro-emulator';
import type { InjectOptions } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTestApp, json, signIn, type TestContext } from '../helper.js';

const INSTANCE = '5203773';
const LIST = 'instances.fleio_bckps.schedule';
const EDIT = 'instances.fleio_bckps.schedule.edit';
const DELETE = 'instances.fleio_bckps.schedule.delete';
const SCHEDULE = { name: 'nightly', days: [1, 3], time: '03:30' };
/** How long a barrier may take to be reached on a busy machine (it is not a sleep). */
const BARRIER = { timeout: 20_000, interval: 5 };

let ctx: TestContext;
let account: DemoAccount;
let cookie: string;

beforeEach(async () => {
  ctx = await buildTestApp();
  account = ctx.control.createAccount();
  cookie = await signIn(ctx.app, account);
});
afterEach(() => ctx.close());

/** The Zomro functions called while `action` ran, in order. */
async function callsDuring(action: () => Promise<unknown>): Promise<string[]> {
  const from = ctx.control.calls.length;
  await action();
  return ctx.control.calls.slice(from).map((call) => call.func);
}

async function ok(request: InjectOptions) {
  const response = await ctx.app.inject(request);
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response;
}

const list = () =>
  ok({ method: 'GET', url: `/api/instances/${INSTANCE}/schedules`, headers: { cookie } });
const listInstances = () => ok({ method: 'GET', url: '/api/instances', headers: { cookie } });
const create = () => ok(json('POST', `/api/instances/${INSTANCE}/schedules`, cookie, SCHEDULE));

describe('Zomro calls per action', () => {
  it('lists an instance with one call, and the instances with one per page', async () => {
    expect(await callsDuring(list)).toEqual([LIST]);
    let count = 0;
    const calls = await callsDuring(async () => {
      count = (JSON.parse((await listInstances()).body) as { instances: unknown[] }).instances
        .length;
    });
    const pages = Math.ceil(count / ctx.control.pageSizeOf(account.username));
    expect(pages).toBeGreaterThan(1);
    expect(calls).toEqual(Array.from({ length: pages }, () => 'instances'));
  });

  it('creates with the list before, the .edit and the list after', async () => {
    // The operator reaches an instance through the instance list: its state is known from there.
    await listInstances();
    expect(await callsDuring(create)).toEqual([LIST, EDIT, LIST]);
  });

  it('reads the instance list for a create only when none was read in the last 30 seconds', async () => {
    ctx.control.setPageSize(account.username, 100);
    expect(await callsDuring(create)).toEqual(expect.arrayContaining(['instances']));
    expect(await callsDuring(create)).toEqual([LIST, EDIT, LIST]);
  });

  it('edits and deletes with one list and the change', async () => {
    await listInstances();
    const id = (JSON.parse((await create()).body) as { schedule: { id: string } }).schedule.id;
    const url = `/api/instances/${INSTANCE}/schedules/${id}`;
    const edited = { ...SCHEDULE, name: 'weekly' };
    expect(await callsDuring(() => ok(json('PUT', url, cookie, edited)))).toEqual([LIST, EDIT]);
    expect(await callsDuring(() => ok(json('DELETE', url, cookie)))).toEqual([LIST, DELETE]);
  });

  it('never signs in or checks the session again per request', async () => {
    const calls = await callsDuring(async () => {
      await listInstances();
      for (let i = 0; i < 5; i++) await list();
      await create();
    });
    expect(calls.filter((f) => ['auth', 'whoami', 'keepalive'].includes(f))).toEqual([]);
  });

  it('answers identical reads of one account arriving together with one Zomro call', async () => {
    const { reads } = ctx.app.services;
    // The first read is held in Zomro until the other four have joined it.
    let hold = ctx.control.hold({ func: LIST });
    let joined = reads.joined;
    const calls = await callsDuring(async () => {
      const answers = Promise.all(Array.from({ length: 5 }, list));
      await vi.waitFor(() => expect(reads.joined - joined).toBe(4), BARRIER);
      hold.release();
      await answers;
    });
    expect(calls).toEqual([LIST]);
    ctx.control.setPageSize(account.username, 100);
    hold = ctx.control.hold({ func: 'instances' });
    joined = reads.joined;
    const instances = await callsDuring(async () => {
      const answers = Promise.all([listInstances(), listInstances()]);
      await vi.waitFor(() => expect(reads.joined - joined).toBe(1), BARRIER);
      hold.release();
      await answers;
    });
    expect(instances).toEqual(['instances']);
  });

  it('never shares a read across accounts', async () => {
    const other = ctx.control.createAccount();
    const otherCookie = await signIn(ctx.app, other);
    const theirs = () =>
      ok({
        method: 'GET',
        url: `/api/instances/${INSTANCE}/schedules`,
        headers: { cookie: otherCookie },
      });
    const { reads } = ctx.app.services;
    const joined = reads.joined;
    // Each account's first read is held until the second of each pair has joined its own.
    const hold = ctx.control.hold({ func: LIST, count: 2 });
    const calls = await callsDuring(async () => {
      const answers = Promise.all([list(), theirs(), list(), theirs()]);
      await vi.waitFor(() => {
        expect(hold.held).toBe(2);
        expect(reads.joined - joined).toBe(2);
      }, BARRIER);
      hold.release();
      await answers;
    });
    // One call per account: each account's pair shares its own.
    expect(calls).toEqual([LIST, LIST]);
  });

  it('gives a list that arrives after a change its own call, not the read on its way before it', async () => {
    // Two operators of one Zomro account (a team): one's list is on its way while the other's edit
    // ends; the editor's list right after must not get the answer read before the edit.
    await listInstances();
    const id = (JSON.parse((await create()).body) as { schedule: { id: string } }).schedule.id;
    const url = `/api/instances/${INSTANCE}/schedules/${id}`;
    const { reads } = ctx.app.services;
    // The slow read is held in Zomro for as long as the test needs it on its way.
    const hold = ctx.control.hold({ func: LIST });
    const slowRead = list();
    await vi.waitFor(() => expect(hold.held).toBe(1), BARRIER);
    const calls = await callsDuring(async () => {
      await ok(json('PUT', url, cookie, { ...SCHEDULE, name: 'weekly' }));
      const joined = reads.joined;
      const from = ctx.control.calls.length;
      const after = list();
      // The list either joins the held read (the fault) or makes its own call.
      await vi.waitFor(() => {
        expect(reads.joined - joined + ctx.control.calls.length - from).toBeGreaterThan(0);
      }, BARRIER);
      hold.release();
      const names = (JSON.parse((await after).body) as { schedules: { name: string }[] }).schedules;
      expect(names.map((schedule) => schedule.name)).toContain('weekly');
      expect(reads.joined).toBe(joined);
    });
    expect(calls).toEqual([LIST, EDIT, LIST]);
    await slowRead;
  });
});
