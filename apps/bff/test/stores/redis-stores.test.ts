// The Redis stores on a real redis-server, each seen from two connections (two processes): the
// lock's TTL and fencing, idempotency claims that wait and leases that run out, one team sign-in,
// sessions that expire in Redis, and 503-worthy errors while Redis is away.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RedisIdempotencyStore } from '../../src/stores/idempotency-redis.js';
import { RedisInstanceLocks } from '../../src/stores/locks-redis.js';
import { LockQueueFullError } from '../../src/stores/locks.js';
import { redisRateLimitStore } from '../../src/stores/rate-limit-redis.js';
import { RedisConnection, StoreUnavailableError } from '../../src/stores/redis-client.js';
import { RedisSessionStore } from '../../src/stores/sessions-redis.js';
import { RedisTeamSessionStore } from '../../src/stores/team-session-redis.js';
import { startRedis, type TestRedis } from '../redis-server.js';

let redis: TestRedis;
let connections: RedisConnection[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});
afterEach(async () => {
  await Promise.all(connections.map((c) => c.close()));
  connections = [];
});

/** Two connections under one fresh prefix: two processes of one deployment. */
async function pair(): Promise<[RedisConnection, RedisConnection]> {
  const prefix = `s${randomUUID().slice(0, 8)}:`;
  const a = await RedisConnection.connect(redis.url, { prefix });
  const b = await RedisConnection.connect(redis.url, { prefix });
  connections.push(a, b);
  return [a, b];
}

/**
 * Redis's own expiry runs on real time, which no test can move: the test waits for the condition
 * (a key gone), however long a busy machine takes, never for a fixed time.
 */
const UNTIL = { timeout: 20_000, interval: 10 };

/** A promise and the function that settles it: a barrier that orders two tasks. */
function barrier(): { reached: Promise<void>; reach: () => void } {
  let reach!: () => void;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  return { reached, reach };
}

/** `connection`, counting the Lua scripts it evaluates (each claim or poll is one). */
function counting(connection: RedisConnection): {
  connection: RedisConnection;
  evaluated: () => number;
} {
  let evaluated = 0;
  const wrapped = new Proxy(connection, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (property === 'evaluate') evaluated += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { connection: wrapped, evaluated: () => evaluated };
}

describe('RedisInstanceLocks', () => {
  it('runs the tasks of one key one at a time across connections, other keys meanwhile', async () => {
    const [a, b] = await pair();
    const locks = [a, b].map((c) => new RedisInstanceLocks(c, { ttlMs: 5_000, pollMs: 5 }));
    let running = 0;
    let most = 0;
    const task = async () => {
      running += 1;
      most = Math.max(most, running);
      await a.command(['PING']); // A round trip while holding: others get their turn to try.
      running -= 1;
    };
    await Promise.all(Array.from({ length: 8 }, (_, i) => locks[i % 2]!.run('acct\u00001', task)));
    expect(most).toBe(1);
    let other = false;
    await locks[0]!.run('acct\u00001', async () => {
      await locks[1]!.run('acct\u00002', () => {
        other = true;
        return Promise.resolve();
      });
    });
    expect(other).toBe(true);
  });

  it('keeps a live holder’s lock past its TTL, and a dead holder’s lock only until it', async () => {
    const [a, b] = await pair();
    const ttlMs = 3_000;
    const first = new RedisInstanceLocks(a, { ttlMs, pollMs: 10 });
    const second = new RedisInstanceLocks(b, { ttlMs, pollMs: 10 });
    const heldKey = a.key('lock', Buffer.from('k').toString('base64url'));
    const ttl = async () => Number(await a.command(['PTTL', heldKey]));
    const order: string[] = [];
    const held = barrier();
    await Promise.all([
      first.run('k', async () => {
        held.reach();
        // The key's TTL runs down, then is set back by the holder's renewal: a live holder keeps
        // its lock however long its change takes.
        await vi.waitFor(async () => expect(await ttl()).toBeLessThan(ttlMs - 300), UNTIL);
        const low = await ttl();
        await vi.waitFor(async () => expect(await ttl()).toBeGreaterThan(low), UNTIL);
        order.push('first');
      }),
      held.reached.then(() => second.run('k', () => Promise.resolve(order.push('second')))),
    ]);
    expect(order).toEqual(['first', 'second']);

    // A holder that died: its key stays, nobody renews it.
    const lockKey = a.key('lock', Buffer.from('dead').toString('base64url'));
    await a.command(['SET', lockKey, 'gone:1', 'PX', 300]);
    const started = Date.now();
    await second.run('dead', () => Promise.resolve());
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('never releases the next holder’s lock with a stale fencing token', async () => {
    const [a, b] = await pair();
    const slow = new RedisInstanceLocks(a, { ttlMs: 5_000, pollMs: 10 });
    const other = new RedisInstanceLocks(b, { ttlMs: 5_000, pollMs: 10 });
    const lockKey = a.key('lock', Buffer.from('k').toString('base64url'));
    // The slow holder's lock runs out under it (as in a long GC pause): the key is gone.
    let holder = '';
    const slowHolds = barrier();
    const otherHolds = barrier();
    const slowRun = slow.run('k', async () => {
      holder = String(await a.command(['GET', lockKey]));
      await a.command(['DEL', lockKey]);
      slowHolds.reach();
      await otherHolds.reached;
    });
    let otherHeld = '';
    const otherRun = slowHolds.reached.then(() =>
      other.run('k', async () => {
        otherHeld = String(await b.command(['GET', lockKey]));
        otherHolds.reach();
        // The slow holder finishes and "releases" meanwhile (it may also report its lost lock).
        await slowRun.catch(() => undefined);
        expect(await b.command(['GET', lockKey])).toBe(otherHeld);
      }),
    );
    await Promise.all([slowRun.catch(() => undefined), otherRun]);
    const fence = (value: string) => Number(value.split(':')[1]);
    expect(fence(otherHeld)).toBeGreaterThan(fence(holder));
  });

  it('refuses a ninth waiter of one process with LockQueueFullError', async () => {
    const [a] = await pair();
    const locks = new RedisInstanceLocks(a, { ttlMs: 5_000, pollMs: 10 });
    const release = barrier();
    const holding = barrier();
    const held = locks.run('k', () => {
      holding.reach();
      return release.reached;
    });
    await holding.reached;
    const waiting = Array.from({ length: 8 }, () => locks.run('k', () => Promise.resolve()));
    await vi.waitFor(() => expect(locks.waitingFor('k')).toBe(8), UNTIL);
    await expect(locks.run('k', () => Promise.resolve())).rejects.toBeInstanceOf(
      LockQueueFullError,
    );
    release.reach();
    await Promise.all([held, ...waiting]);
  });
});

describe('RedisIdempotencyStore', () => {
  it('makes a concurrent claim from another connection wait for the first and replay it', async () => {
    const [a, b] = await pair();
    const seen = counting(b);
    const first = new RedisIdempotencyStore(a, { pollMs: 10 });
    const second = new RedisIdempotencyStore(seen.connection, { pollMs: 10 });
    expect(await first.claim('key', 'fp')).toEqual({ state: 'claimed' });
    const waiting = second.claim('key', 'fp');
    // The second claim has found the first running and asked again: it is waiting for it.
    await vi.waitFor(() => expect(seen.evaluated()).toBeGreaterThanOrEqual(2), UNTIL);
    await first.complete('key', { status: 201, body: { id: 7 } });
    expect(await waiting).toEqual({ state: 'done', result: { status: 201, body: { id: 7 } } });
    expect(await second.claim('key', 'other')).toEqual({ state: 'mismatch' });
    await first.close();
  });

  it('frees a released key and hands an unknown outcome to the next owner', async () => {
    const [a, b] = await pair();
    const first = new RedisIdempotencyStore(a);
    const second = new RedisIdempotencyStore(b);
    await first.claim('k1', 'fp');
    await first.release('k1');
    expect(await second.claim('k1', 'fp')).toEqual({ state: 'claimed' });
    await first.claim('k2', 'fp');
    await first.markUnknown('k2', ['11', '12']);
    expect(await second.claim('k2', 'fp')).toEqual({
      state: 'claimed',
      unknownSince: ['11', '12'],
    });
    await Promise.all([first.close(), second.close()]);
  });

  it('takes over a claim whose process died (lease run out) as an unknown outcome', async () => {
    const [a, b] = await pair();
    const dead = new RedisIdempotencyStore(a, { leaseMs: 150 });
    await dead.claim('k', 'fp');
    await dead.close(); // Stops renewing, as a killed process would.
    const next = new RedisIdempotencyStore(b, { pollMs: 10 });
    expect(await next.claim('k', 'fp')).toEqual({ state: 'claimed', unknownSince: [] });
    await next.close();
  });

  it('lets records expire', async () => {
    const [a] = await pair();
    const store = new RedisIdempotencyStore(a, { ttlMs: 100 });
    await store.claim('k', 'fp');
    await store.complete('k', { status: 201, body: null });
    const record = a.key('idempotency', createHash('sha256').update('k').digest('base64url'));
    const pttl = Number(await a.command(['PTTL', record]));
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(100);
    await vi.waitFor(async () => expect(await a.command(['EXISTS', record])).toBe(0), UNTIL);
    expect(await store.claim('k', 'other')).toEqual({ state: 'claimed' });
    await store.close();
  });
});

describe('RedisTeamSessionStore', () => {
  it('signs in once for concurrent renewals from two connections', async () => {
    const [a, b] = await pair();
    const stores = [a, b].map(
      (c) => new RedisTeamSessionStore(c, { account: 'team', renewalTtlMs: 5_000, pollMs: 5 }),
    );
    let signIns = 0;
    const signIn = async () => {
      signIns += 1;
      await a.command(['PING']); // A sign-in takes a round trip or two; others arrive meanwhile.
      await b.command(['PING']);
      return `token-${signIns}`;
    };
    const tokens = await Promise.all(
      Array.from({ length: 10 }, (_, i) => stores[i % 2]!.renew(null, signIn)),
    );
    expect(signIns).toBe(1);
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    // The stale token is replaced once more; a caller with an already replaced token gets the new one.
    const renewed = await Promise.all([
      stores[0]!.renew('token-1', signIn),
      stores[1]!.renew('token-1', signIn),
    ]);
    expect(renewed).toEqual(['token-2', 'token-2']);
    expect(await stores[1]!.renew('token-1', signIn)).toBe('token-2');
    expect(signIns).toBe(2);
  });

  it('forgets the stale token when the sign-in fails, and shares the refusal', async () => {
    const [a, b] = await pair();
    const first = new RedisTeamSessionStore(a, { account: 'team', renewalTtlMs: 5_000 });
    const second = new RedisTeamSessionStore(b, { account: 'team', renewalTtlMs: 5_000 });
    await first.renew(null, () => Promise.resolve('old'));
    await expect(first.renew('old', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await second.token()).toBeNull();
    await first.setRefusal({ failures: 1, retryAt: 123 });
    expect(await second.refusal()).toEqual({ failures: 1, retryAt: 123 });
    await second.setRefusal(null);
    expect(await first.refusal()).toBeNull();
  });
});

describe('RedisSessionStore', () => {
  it('shares sessions, expires them in Redis and keeps the cookie id out of the keys', async () => {
    const [a, b] = await pair();
    const one = new RedisSessionStore(a);
    const two = new RedisSessionStore(b);
    const id = 'x'.repeat(43);
    const session = { kind: 'operator' as const, username: 'alice', createdAt: 1 };
    await one.set(id, session, 150);
    expect(await two.get(id)).toEqual(session);
    const keys = (await a.command(['KEYS', `${a.prefix}*`])) as string[];
    expect(keys.join(' ')).not.toContain(id);
    expect(keys).toHaveLength(1);
    const pttl = Number(await a.command(['PTTL', keys[0]!]));
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(150);
    await vi.waitFor(async () => expect(await two.get(id)).toBeUndefined(), UNTIL);
    await one.set(id, session, 5_000);
    await two.delete(id);
    expect(await one.get(id)).toBeUndefined();
  });
});

describe('RedisConnection while Redis is away', () => {
  it('throws StoreUnavailableError at once, and answers again when Redis is back', async () => {
    const [a] = await pair();
    await redis.stop();
    try {
      await expect(a.command(['PING'])).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(await a.ping()).toBe(false);
    } finally {
      await redis.start();
    }
    await expect.poll(() => a.ping()).toBe(true);
  });
});

describe('redisRateLimitStore (@fastify/rate-limit store)', () => {
  type Counted = { current: number; ttl: number };
  const call = (
    method: (
      key: string,
      cb: (e: Error | null, r: Counted | null) => void,
      ...rest: number[]
    ) => void,
    key: string,
    ...rest: number[]
  ) =>
    new Promise<Counted>((resolve, reject) =>
      method(key, (error, result) => (error ? reject(error) : resolve(result!)), ...rest),
    );

  it('counts one window across connections, reads without counting, and starts over', async () => {
    const [a, b] = await pair();
    const [one, two] = [a, b].map((c) => {
      const Store = redisRateLimitStore(c);
      return new Store({});
    });
    // A window far longer than the test: counts never run out between two calls on a busy machine.
    const incr = (store: typeof one, key: string) => call(store!.incr.bind(store), key, 60_000, 2);
    expect((await incr(one, 'ip')).current).toBe(1);
    expect((await incr(two, 'ip')).current).toBe(2);
    const third = await incr(one, 'ip');
    expect(third.current).toBe(3);
    expect(third.ttl).toBeGreaterThan(0);
    expect(third.ttl).toBeLessThanOrEqual(60_000);
    expect((await call(two!.read.bind(two), 'ip')).current).toBe(3);
    expect((await call(two!.read.bind(two), 'ip')).current).toBe(3);
    expect((await incr(two, 'other')).current).toBe(1);
    // A route's own store counts apart.
    const route = one!.child({ routeInfo: { method: 'POST', url: '/api/session' } });
    expect((await call(route.incr.bind(route), 'ip', 60_000, 2)).current).toBe(1);
    // The window ends (Redis expires the key it set the window's TTL on).
    await a.command(['PEXPIRE', a.key('rate', 'ip'), 1]);
    await vi.waitFor(
      async () => expect((await call(one!.read.bind(one), 'ip')).current).toBe(0),
      UNTIL,
    );
    expect((await incr(two, 'ip')).current).toBe(1);
  });
});
