// A session ends when it is signed out, when it is older than SESSION_MAX_AGE_HOURS, and when its
// operator's password changes: no request still in flight brings it back (issue 19, item 3).
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/password-hash.js';
import { RedisConnection } from '../../src/stores/redis-client.js';
import { RedisSessionStore } from '../../src/stores/sessions-redis.js';
import {
  MemorySessionStore,
  type DashboardSession,
  type SessionStore,
} from '../../src/stores/sessions.js';
import {
  buildTeamApp,
  json,
  sessionCookie,
  type TestContext,
  type TestOperator,
} from '../helper.js';
import { startRedis, type TestRedis } from '../redis-server.js';

const ALICE: TestOperator = { name: 'alice', role: 'editor', password: 'correct horse' };
const INSTANCES = '/api/instances';

/**
 * A store whose next `get` (once armed) hands its answer back only when `release` is called, so
 * that a request can be held between reading its session and refreshing it.
 */
class GatedStore implements SessionStore {
  readonly #inner: SessionStore;
  #armed: { read: () => void; gate: Promise<void> } | null = null;
  constructor(inner: SessionStore) {
    this.#inner = inner;
  }
  /** Resolves once the next read happened; `release` lets that read answer. */
  arm(): { read: Promise<void>; release: () => void } {
    let read!: () => void;
    let release!: () => void;
    const readPromise = new Promise<void>((resolve) => (read = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.#armed = { read, gate };
    return { read: readPromise, release };
  }
  async get(id: string) {
    const value = await this.#inner.get(id);
    const armed = this.#armed;
    if (armed) {
      this.#armed = null;
      armed.read();
      await armed.gate;
    }
    return value;
  }
  set(id: string, session: DashboardSession, ttlMs: number) {
    return this.#inner.set(id, session, ttlMs);
  }
  touch(id: string, ttlMs: number) {
    return this.#inner.touch(id, ttlMs);
  }
  countTotpCode(id: string, ttlMs: number) {
    return this.#inner.countTotpCode(id, ttlMs);
  }
  delete(id: string) {
    return this.#inner.delete(id);
  }
  close() {
    return this.#inner.close?.() ?? Promise.resolve();
  }
}

let ctx: TestContext | undefined;
let redis: TestRedis;
let connection: RedisConnection;
beforeAll(async () => {
  redis = await startRedis();
  connection = await RedisConnection.connect(redis.url, { prefix: 'session-end:' });
});
afterAll(async () => {
  await connection.close();
  await redis.stop();
});
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

async function teamApp(store: SessionStore) {
  ctx = await buildTeamApp({ operators: [ALICE], sessionStore: store });
  return ctx;
}

async function signInAlice(c: TestContext) {
  const response = await c.app.inject(
    json('POST', '/api/session', null, { username: ALICE.name, password: ALICE.password }),
  );
  expect(response.statusCode).toBe(200);
  return sessionCookie(response)!;
}

const stores: [string, () => SessionStore][] = [
  ['memory', () => new MemorySessionStore()],
  ['Redis', () => new RedisSessionStore(connection)],
];

describe.each(stores)('sign-out with a request in flight (%s)', (_name, makeStore) => {
  it('does not bring the session back when that request ends after the sign-out', async () => {
    const store = new GatedStore(makeStore());
    const c = await teamApp(store);
    const cookie = await signInAlice(c);
    const get = () => c.app.inject({ method: 'GET', url: INSTANCES, headers: { cookie } });

    // A request reads the session, and is held there until the sign-out is done.
    const { read, release } = store.arm();
    const inFlight = get();
    await read;
    expect((await c.app.inject(json('DELETE', '/api/session', cookie))).statusCode).toBe(204);
    release();
    await inFlight;

    const after = await Promise.all(Array.from({ length: 20 }, get));
    expect(after.map((r) => r.statusCode)).toEqual(Array(20).fill(401));
    const change = await c.app.inject(
      json('POST', `${INSTANCES}/5203773/schedules`, cookie, {
        name: 'Late',
        days: [1],
        time: '03:00',
      }),
    );
    expect(change.statusCode).toBe(401);
  });
});

describe.each(stores)('a session’s absolute lifetime (%s)', (_name, makeStore) => {
  it('ends a session older than SESSION_MAX_AGE_HOURS however busy it was', async () => {
    const store = makeStore();
    const c = await teamApp(store);
    const cookie = await signInAlice(c);
    const id = cookie.split('=')[1]!;
    const get = () => c.app.inject({ method: 'GET', url: INSTANCES, headers: { cookie } });
    expect((await get()).statusCode).toBe(200);
    // The same session, signed in 12 hours and a second ago (and used all along).
    const session = (await store.get(id))!;
    const twelveHours = 12 * 3_600_000;
    await store.set(id, { ...session, createdAt: Date.now() - twelveHours - 1_000 }, 60_000);
    expect((await get()).statusCode).toBe(401);
    expect(await store.get(id)).toBeUndefined();
  });
});

describe('a changed operator password', () => {
  it('ends that operator’s sessions', async () => {
    const c = await teamApp(new MemorySessionStore());
    const cookie = await signInAlice(c);
    const get = () => c.app.inject({ method: 'GET', url: INSTANCES, headers: { cookie } });
    expect((await get()).statusCode).toBe(200);
    const hash = await hashPassword('a new password', { ln: 10, r: 8, p: 1 });
    writeFileSync(c.config.operatorsFile!, `alice:editor:${hash}\n`);
    // A sign-in reads the file afresh (otherwise it is read again within a second).
    const wrong = json('POST', '/api/session', null, { username: 'bob', password: 'x' });
    expect((await c.app.inject(wrong)).statusCode).toBe(401);
    expect((await get()).statusCode).toBe(401);
    const fresh = json('POST', '/api/session', null, {
      username: 'alice',
      password: 'a new password',
    });
    expect((await c.app.inject(fresh)).statusCode).toBe(200);
  });
});
