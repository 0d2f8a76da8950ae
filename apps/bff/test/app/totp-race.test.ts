// Five two-factor codes per sign-in, however many arrive at once: each is counted by an atomic
// increment before Zomro sees it, in memory and in Redis (issue 19, item 2).
import { totpCode } from '@zomro-dash/zomro-emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisConnection } from '../../src/stores/redis-client.js';
import { RedisSessionStore } from '../../src/stores/sessions-redis.js';
import {
  MemorySessionStore,
  type DashboardSession,
  type SessionStore,
} from '../../src/stores/sessions.js';
import { buildTestApp, json, sessionCookie, type TestContext } from '../helper.js';
import { startRedis, type TestRedis } from '../redis-server.js';

const PARALLEL = 12;

/**
 * Once armed, holds every read of a session until `count` reads have arrived: all the requests
 * then know the same stored session before any of them goes on (the worst interleaving).
 */
class BarrierStore implements SessionStore {
  readonly #inner: SessionStore;
  #barrier: { count: number; arrived: number; open: () => void; opened: Promise<void> } | null =
    null;
  constructor(inner: SessionStore) {
    this.#inner = inner;
  }
  arm(count: number) {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    this.#barrier = { count, arrived: 0, open, opened };
  }
  async get(id: string) {
    const value = await this.#inner.get(id);
    const barrier = this.#barrier;
    if (barrier) {
      barrier.arrived += 1;
      if (barrier.arrived === barrier.count) {
        this.#barrier = null;
        barrier.open();
      }
      await barrier.opened;
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
  connection = await RedisConnection.connect(redis.url, { prefix: 'totp-race:' });
});
afterAll(async () => {
  await connection.close();
  await redis.stop();
});
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

describe.each([
  ['memory', () => new MemorySessionStore()],
  ['Redis', () => new RedisSessionStore(connection)],
] as const)('%s', (_name, makeStore) => {
  it(`${PARALLEL} wrong codes at once: exactly 5 reach Zomro, and the session ends`, async () => {
    const store = new BarrierStore(makeStore());
    const c = (ctx = await buildTestApp({ sessionStore: store }));
    const account = c.control.createAccount({ totp: true });
    const password = await c.app.inject(json('POST', '/api/session', null, account));
    expect(password.json()).toEqual({ totpRequired: true });
    const cookie = sessionCookie(password)!;
    const good = () => totpCode(account.totpSecret!);
    const wrong = () => String((Number(good()) + 500_000) % 1_000_000).padStart(6, '0');

    store.arm(PARALLEL);
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        c.app.inject(json('POST', '/api/session/totp', cookie, { code: wrong() })),
      ),
    );
    const confirms = c.control.calls.filter((x) => x.func === 'totp.confirm');
    expect(confirms).toHaveLength(5);
    // The rest are refused before Zomro; a code still at Zomro when the fifth failure logged the
    // half session out may come back SESSION_EXPIRED rather than TOTP_INVALID.
    expect(answers.map((r) => r.statusCode)).toEqual(Array(PARALLEL).fill(401));
    const codes = answers.map((r) => r.json<{ code: string }>().code);
    expect(codes.filter((code) => code === 'SESSION_EXPIRED').length).toBeGreaterThanOrEqual(
      PARALLEL - 5,
    );
    expect(codes.every((code) => code === 'SESSION_EXPIRED' || code === 'TOTP_INVALID')).toBe(true);
    const late = await c.app.inject(json('POST', '/api/session/totp', cookie, { code: good() }));
    expect(late.statusCode).toBe(401);
    expect(c.control.calls.filter((x) => x.func === 'totp.confirm')).toHaveLength(5);
  });
});
