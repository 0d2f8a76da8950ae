// Reads shared across replicas stay correct after a change: with two BFF processes on one Redis, a
// list through B after an edit through A never joins a read B had on its way before the edit
// (issue 19 item 9). The emulator's hold keeps that read on its way; no latency orders anything.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCluster, type Cluster } from '../cluster-helper.js';
import { json, signIn } from '../helper.js';
import { startRedis, type TestRedis } from '../redis-server.js';

const INSTANCE = '5203773';
const SCHEDULES = `/api/instances/${INSTANCE}/schedules`;
const LIST = 'instances.fleio_bckps.schedule';
const BARRIER = { timeout: 20_000, interval: 5 };

let redis: TestRedis;
let cluster: Cluster | undefined;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});
afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
});

describe('shared reads across two processes', () => {
  it('a list through B after an edit through A makes its own call', async () => {
    const c = (cluster = await buildCluster(redis));
    const control = c.emulator.control;
    const account = control.createAccount();
    control.setPageSize(account.username, 100);
    const cookie = await signIn(c.a, account);
    const created = await c.a.inject(
      json('POST', SCHEDULES, cookie, { name: 'nightly', days: [1], time: '03:30' }),
    );
    expect(created.statusCode).toBe(201);
    const id = created.json<{ schedule: { id: string } }>().schedule.id;
    const list = (app: Cluster['a']) =>
      app.inject({ method: 'GET', url: SCHEDULES, headers: { cookie } });

    // B's first read is held in Zomro while A edits.
    const hold = control.hold({ func: LIST });
    const slow = list(c.b);
    await vi.waitFor(() => expect(hold.held).toBe(1), BARRIER);
    const edit = await c.a.inject(
      json('PUT', `${SCHEDULES}/${id}`, cookie, { name: 'weekly', days: [1], time: '03:30' }),
    );
    expect(edit.statusCode).toBe(200);

    const reads = c.b.services.reads;
    const joined = reads.joined;
    const from = control.calls.length;
    const after = list(c.b);
    // It either joins the held read (the fault) or makes its own call.
    await vi.waitFor(() => {
      expect(reads.joined - joined + control.calls.length - from).toBeGreaterThan(0);
    }, BARRIER);
    hold.release();
    const names = (await after).json<{ schedules: { name: string }[] }>().schedules;
    expect(names.map((s) => s.name)).toContain('weekly');
    expect(reads.joined).toBe(joined);
    await slow;
  });
});
