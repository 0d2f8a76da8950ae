// Idempotency records in Redis, so that a repeated Idempotency-Key is recognised whichever BFF
// process it reaches: one hash per key, expiring 24 h after the claim. A running claim holds a
// lease its process renews; a claim whose lease ran out (the process died mid-create) is taken
// over as an unknown outcome, so the new owner looks for the schedule before making another.
import { createHash } from 'node:crypto';
import {
  IDEMPOTENCY_TTL_MS,
  type IdempotencyClaim,
  type IdempotencyStore,
  type StoredResult,
} from './idempotency.js';
import type { RedisConnection } from './redis-client.js';

// KEYS: record. ARGV: fingerprint, now, lease ms, ttl ms.
// Returns {'claimed'[, beforeIds json]} | {'done', result json} | {'mismatch'} | {'running'}.
const CLAIM = `
local fp = redis.call('HGET', KEYS[1], 'fp')
local lease = tonumber(ARGV[2]) + tonumber(ARGV[3])
if not fp then
  redis.call('HSET', KEYS[1], 'fp', ARGV[1], 'state', 'running', 'lease', lease)
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
  return {'claimed'}
end
if fp ~= ARGV[1] then return {'mismatch'} end
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'done' then return {'done', redis.call('HGET', KEYS[1], 'result')} end
if state == 'running' and tonumber(redis.call('HGET', KEYS[1], 'lease')) > tonumber(ARGV[2]) then
  return {'running'}
end
local before = redis.call('HGET', KEYS[1], 'before') or '[]'
redis.call('HSET', KEYS[1], 'state', 'running', 'lease', lease)
redis.call('HDEL', KEYS[1], 'before')
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {'claimed', before}
`;

// KEYS: record. ARGV: lease until. Only a running claim's lease moves.
const RENEW = `
if redis.call('HGET', KEYS[1], 'state') == 'running' then
  return redis.call('HSET', KEYS[1], 'lease', ARGV[1])
end
return 0
`;

// KEYS: record. ARGV: 'done' result | 'unknown' beforeIds | 'release'.
const FINISH = `
if redis.call('HGET', KEYS[1], 'state') ~= 'running' then return 0 end
if ARGV[1] == 'release' then return redis.call('DEL', KEYS[1]) end
if ARGV[1] == 'done' then
  return redis.call('HSET', KEYS[1], 'state', 'done', 'result', ARGV[2])
end
return redis.call('HSET', KEYS[1], 'state', 'unknown', 'before', ARGV[2])
`;

export class RedisIdempotencyStore implements IdempotencyStore {
  readonly #redis: RedisConnection;
  readonly #ttlMs: number;
  readonly #leaseMs: number;
  readonly #pollMs: number;
  /** This process's running claims, each with the timer that renews its lease. */
  readonly #held = new Map<string, NodeJS.Timeout>();

  constructor(
    redis: RedisConnection,
    options: { ttlMs?: number; leaseMs?: number; pollMs?: number } = {},
  ) {
    this.#redis = redis;
    this.#ttlMs = options.ttlMs ?? IDEMPOTENCY_TTL_MS;
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#pollMs = options.pollMs ?? 100;
  }

  #key(key: string): string {
    return this.#redis.key('idempotency', createHash('sha256').update(key).digest('base64url'));
  }

  async claim(key: string, fingerprint: string): Promise<IdempotencyClaim> {
    const record = this.#key(key);
    for (;;) {
      const reply = (await this.#redis.evaluate(
        CLAIM,
        [record],
        [fingerprint, Date.now(), this.#leaseMs, this.#ttlMs],
      )) as string[];
      const [state, value] = reply;
      if (state === 'mismatch') return { state: 'mismatch' };
      if (state === 'done') return { state: 'done', result: JSON.parse(value!) as StoredResult };
      if (state === 'claimed') {
        this.#hold(key, record);
        return value === undefined
          ? { state: 'claimed' }
          : { state: 'claimed', unknownSince: JSON.parse(value) as string[] };
      }
      // Another request (in any process) holds the key: answer as if this one came after.
      await new Promise((resolve) => setTimeout(resolve, this.#pollMs));
    }
  }

  #hold(key: string, record: string): void {
    const timer = setInterval(
      () => {
        this.#redis.evaluate(RENEW, [record], [Date.now() + this.#leaseMs]).catch(() => undefined);
      },
      Math.floor(this.#leaseMs / 3),
    );
    timer.unref();
    this.#held.set(key, timer);
  }

  async #finish(key: string, args: string[]): Promise<void> {
    clearInterval(this.#held.get(key));
    this.#held.delete(key);
    await this.#redis.evaluate(FINISH, [this.#key(key)], args);
  }

  complete(key: string, result: StoredResult): Promise<void> {
    return this.#finish(key, ['done', JSON.stringify(result)]);
  }

  release(key: string): Promise<void> {
    return this.#finish(key, ['release']);
  }

  markUnknown(key: string, beforeIds: readonly string[]): Promise<void> {
    return this.#finish(key, ['unknown', JSON.stringify(beforeIds)]);
  }

  close(): Promise<void> {
    for (const timer of this.#held.values()) clearInterval(timer);
    this.#held.clear();
    return Promise.resolve();
  }
}
