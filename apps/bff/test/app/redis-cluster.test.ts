// Two BFF apps on one Redis and one emulator, as two replicas behind a load balancer: a session
// made through A works through B, changes to one instance reach Zomro one at a time whichever
// replica takes them, an Idempotency-Key is one schedule across both, the team account signs in
// once across an expiry, the audit trail is one, and Redis going away is 503 STORE_UNAVAILABLE
// until it returns.
import type { BackupSchedule } from '@zomro-dash/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../src/config.js';
import { buildCluster, type Cluster } from '../cluster-helper.js';
import { json, signIn, writeOperatorsFile, type TestOperator } from '../helper.js';
import { startRedis, type TestRedis } from '../redis-server.js';

const INSTANCE = '5203773';
const SCHEDULES = `/api/instances/${INSTANCE}/schedules`;
const ALICE: TestOperator = { name: 'alice', role: 'editor', password: 'correct horse' };

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

type Created = { schedule: BackupSchedule };

describe('two BFF processes on one Redis', () => {
  it('signs in through A and lists through B; a sign-out through B ends it for A', async () => {
    const c = (cluster = await buildCluster(redis));
    const account = c.emulator.control.createAccount();
    const cookie = await signIn(c.a, account);
    const listed = await c.b.inject({ method: 'GET', url: '/api/instances', headers: { cookie } });
    expect(listed.statusCode).toBe(200);
    expect(listed.json<{ instances: unknown[] }>().instances.length).toBeGreaterThan(0);
    const health = await c.b.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toMatchObject({ store: 'redis', redis: 'ok' });

    expect((await c.b.inject(json('DELETE', '/api/session', cookie))).statusCode).toBe(204);
    const after = await c.a.inject({ method: 'GET', url: '/api/instances', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('sends 10 concurrent creates on one instance, split across A and B, one at a time', async () => {
    const c = (cluster = await buildCluster(redis));
    const account = c.emulator.control.createAccount();
    const cookie = await signIn(c.a, account);
    const before = c.emulator.control.schedulesOf(account.username, INSTANCE).length;
    // One page per list: the client reads further pages of one list in parallel, by design.
    c.emulator.control.setPageSize(account.username, 100);
    c.emulator.control.setLatency({ fixedMs: 10 });
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? c.b : c.a).inject(
          json('POST', SCHEDULES, cookie, { name: `Run ${i}`, days: [i % 7], time: '04:00' }),
        ),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    const ids = responses.map((r) => r.json<Created>().schedule.id);
    expect(new Set(ids).size).toBe(10);
    expect(c.emulator.control.schedulesOf(account.username, INSTANCE)).toHaveLength(before + 10);
    // Never two calls about this instance in flight at once, whichever process sent them.
    expect(c.emulator.control.inFlight.instances[INSTANCE]?.max).toBe(1);
  });

  it('makes one schedule for one Idempotency-Key, through A then B and through both at once', async () => {
    const c = (cluster = await buildCluster(redis));
    const account = c.emulator.control.createAccount();
    const cookie = await signIn(c.a, account);
    const before = c.emulator.control.schedulesOf(account.username, INSTANCE).length;
    const create = (app: Cluster['a'], key: string) => {
      const request = json('POST', SCHEDULES, cookie, { name: 'Once', days: [3], time: '05:00' });
      return app.inject({ ...request, headers: { ...request.headers, 'idempotency-key': key } });
    };
    const first = await create(c.a, 'key-sequential');
    const repeat = await create(c.b, 'key-sequential');
    expect([first.statusCode, repeat.statusCode]).toEqual([201, 201]);
    expect(repeat.json<Created>().schedule.id).toBe(first.json<Created>().schedule.id);

    c.emulator.control.setLatency({ fixedMs: 20 });
    const both = await Promise.all([create(c.a, 'key-together'), create(c.b, 'key-together')]);
    expect(both.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(both[1].json<Created>().schedule.id).toBe(both[0].json<Created>().schedule.id);
    expect(c.emulator.control.schedulesOf(account.username, INSTANCE)).toHaveLength(before + 2);
  });

  it('writes an audit entry through A that B reads, and pages the trail from either', async () => {
    const c = (cluster = await buildCluster(redis));
    const account = c.emulator.control.createAccount();
    const cookie = await signIn(c.a, account);
    for (const name of ['First', 'Second', 'Third']) {
      const created = await c.a.inject(
        json('POST', SCHEDULES, cookie, { name, days: [1], time: '02:00' }),
      );
      expect(created.statusCode).toBe(201);
    }
    const page = await c.b.inject({
      method: 'GET',
      url: '/api/audit?limit=2',
      headers: { cookie },
    });
    expect(page.statusCode).toBe(200);
    const first = page.json<{
      entries: Array<{ action: string; after: { name: string } | null }>;
      nextCursor: string;
    }>();
    expect(first.entries.map((e) => e.after?.name)).toEqual(['Third', 'Second']);
    const next = await c.a.inject({
      method: 'GET',
      url: `/api/audit?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`,
      headers: { cookie },
    });
    const second = next.json<{
      entries: Array<{ action: string; after: { name: string } | null }>;
      nextCursor: string | null;
    }>();
    expect(second.entries.map((e) => e.action)).toEqual(['schedule.create', 'session.sign-in']);
    expect(second.entries[0]!.after?.name).toBe('First');
    expect(second.nextCursor).toBeNull();
    // "Last changed by" comes from the shared trail too.
    const listed = await c.b.inject({ method: 'GET', url: SCHEDULES, headers: { cookie } });
    const rows = listed.json<{ schedules: BackupSchedule[] }>().schedules;
    expect(rows.filter((s) => s.lastChange?.actor === account.username)).toHaveLength(3);
  });

  it('signs the team account in once for 20 requests across A and B across an expiry', async () => {
    let now = Date.now();
    const operatorsFile = await writeOperatorsFile([ALICE]);
    let team!: { username: string; password: string };
    const c = (cluster = await buildCluster(redis, {
      emulator: { now: () => now, sessionTtlMs: 60_000 },
      configure: (emulator) => {
        team = emulator.control.createAccount();
        return {
          team: { username: team.username, password: new Secret(team.password), totpSecret: null },
          operatorsFile,
        };
      },
    }));
    const auths = () => c.emulator.control.calls.filter((call) => call.func === 'auth').length;
    const cookie = await signIn(c.a, { username: ALICE.name, password: ALICE.password });
    const first = await c.b.inject({ method: 'GET', url: SCHEDULES, headers: { cookie } });
    expect(first.statusCode).toBe(200);
    expect(auths()).toBe(1);

    now += 61_000; // Zomro's session is over.
    c.emulator.control.setLatency({ fixedMs: 10 });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? c.b : c.a).inject({
          method: 'GET',
          url: i % 4 < 2 ? SCHEDULES : '/api/instances',
          headers: { cookie },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    expect(auths()).toBe(2);
  });
});

describe('when Redis goes away', () => {
  it('answers 503 STORE_UNAVAILABLE and recovers without a restart when it returns', async () => {
    const c = (cluster = await buildCluster(redis));
    const account = c.emulator.control.createAccount();
    const cookie = await signIn(c.a, account);
    await redis.stop();
    try {
      for (const app of [c.a, c.b]) {
        const listed = await app.inject({
          method: 'GET',
          url: '/api/instances',
          headers: { cookie },
        });
        expect(listed.statusCode).toBe(503);
        expect(listed.json()).toMatchObject({ code: 'STORE_UNAVAILABLE' });
        const health = await app.inject({ method: 'GET', url: '/api/health' });
        expect(health.json()).toMatchObject({ store: 'redis', redis: 'down' });
      }
      const created = await c.b.inject(
        json('POST', SCHEDULES, cookie, { name: 'X', days: [1], time: '01:00' }),
      );
      expect(created.statusCode).toBe(503);
      expect(created.json()).toMatchObject({ code: 'STORE_UNAVAILABLE' });
      const again = await c.a.inject(
        json('POST', '/api/session', null, {
          username: account.username,
          password: account.password,
        }),
      );
      expect(again.statusCode).toBe(503);
      expect(again.json()).toMatchObject({ code: 'STORE_UNAVAILABLE' });
      expect(again.headers['retry-after']).toBe('5');
      expect(
        c.emulator.control.calls.filter((call) => call.func.includes('schedule.edit')),
      ).toEqual([]);
    } finally {
      await redis.start();
    }
    // The session outlived the restart (appendonly): the same cookie works on both.
    for (const app of [c.a, c.b]) {
      await expect
        .poll(
          async () =>
            (await app.inject({ method: 'GET', url: '/api/instances', headers: { cookie } }))
              .statusCode,
        )
        .toBe(200);
    }
    const health = await c.a.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toMatchObject({ store: 'redis', redis: 'ok' });
  });
});
