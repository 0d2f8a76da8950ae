// One change, one final entry in the Redis trail: the sweep that closes a stopped process's intent
// as `unknown` and the process itself, stalled but alive, must not both write an outcome.
import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '@zomro-dash/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditRecord } from '../../src/stores/audit.js';
import { RedisAuditStore } from '../../src/stores/audit-redis.js';
import { RedisConnection } from '../../src/stores/redis-client.js';
import { startRedis, type TestRedis } from '../redis-server.js';

let redis: TestRedis;
let cleanup: Array<() => Promise<void>> = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});
afterEach(async () => {
  vi.useRealTimers();
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function connection(prefix: string): Promise<RedisConnection> {
  const c = await RedisConnection.connect(redis.url, { prefix });
  cleanup.push(() => c.close());
  return c;
}

async function open(c: RedisConnection, warnings: string[] = []): Promise<RedisAuditStore> {
  const store = await RedisAuditStore.open(c, { warn: (_d, message) => warnings.push(message) });
  cleanup.push(() => store.close());
  return store;
}

function change(): AuditEntry {
  return {
    id: randomUUID(),
    at: new Date().toISOString(),
    actor: 'alice',
    account: 'team',
    action: 'schedule.create',
    instanceId: '1',
    scheduleId: '7',
    before: null,
    after: { name: 'Nightly', days: [1], time: '01:00' },
    outcome: 'ok',
  };
}

const intent = (e: AuditEntry): AuditRecord => ({ ...e, outcome: 'unknown', phase: 'intent' });
const final = (e: AuditEntry): AuditRecord => ({ ...e, phase: 'final' });

const finalsOf = async (store: RedisAuditStore, id: string) =>
  (await store.page({ account: 'team', limit: 100 })).entries.filter((e) => e.id === id);

describe('RedisAuditStore finals', () => {
  it('a stalled process does not add a second final after the sweep closed its change', async () => {
    const prefix = `f${randomUUID().slice(0, 8)}:`;
    const [ca, cb] = [await connection(prefix), await connection(prefix)];
    // Process A's liveness beats are held: it stalls (a long pause, a partition) while alive.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const warningsA: string[] = [];
    const a = await open(ca, warningsA);
    const e = change();
    await a.append(intent(e));
    // Its liveness key runs out, as Redis's expiry would do 15 s after the last beat.
    const owners = (await cb.command(['KEYS', `${prefix}audit-owner:*`])) as string[];
    expect(owners).toHaveLength(1);
    await cb.command(['DEL', owners[0]!]);
    // Process B starts and sweeps: A's change is closed as unknown.
    const b = await open(cb);
    expect((await finalsOf(b, e.id)).map((x) => x.outcome)).toEqual(['unknown']);
    // A wakes up with Zomro's answer and writes its outcome: still one final.
    await a.append(final(e));
    expect((await finalsOf(b, e.id)).map((x) => x.outcome)).toEqual(['unknown']);
    expect(warningsA.some((w) => w.includes('already recorded'))).toBe(true);
  });

  it('a live process that answers first keeps its outcome; the sweep adds nothing', async () => {
    const prefix = `f${randomUUID().slice(0, 8)}:`;
    const [ca, cb] = [await connection(prefix), await connection(prefix)];
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const a = await open(ca);
    const e = change();
    await a.append(intent(e));
    await a.append(final(e));
    const owners = (await cb.command(['KEYS', `${prefix}audit-owner:*`])) as string[];
    await cb.command(['DEL', ...owners]);
    const b = await open(cb);
    expect((await finalsOf(b, e.id)).map((x) => x.outcome)).toEqual(['ok']);
  });

  it('writes finals that had no intent (a refused change, a sign-in) as before', async () => {
    const prefix = `f${randomUUID().slice(0, 8)}:`;
    const a = await open(await connection(prefix));
    const refused = { ...change(), outcome: 'failed' as const, errorCode: 'FORBIDDEN' };
    await a.append(final(refused));
    expect((await finalsOf(a, refused.id)).map((x) => x.outcome)).toEqual(['failed']);
  });

  it('shows a change that an older trail holds twice once, with its last word', async () => {
    const prefix = `f${randomUUID().slice(0, 8)}:`;
    const c = await connection(prefix);
    const a = await open(c);
    const e = change();
    const stream = c.key('audit', Buffer.from('team').toString('base64url'));
    await c.command(['XADD', stream, '*', 'e', JSON.stringify({ ...e, outcome: 'unknown' })]);
    await c.command(['XADD', stream, '*', 'e', JSON.stringify({ ...e, outcome: 'ok' })]);
    expect((await finalsOf(a, e.id)).map((x) => x.outcome)).toEqual(['ok']);
  });
});
