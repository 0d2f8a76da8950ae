// The change counter in Redis, shared by every BFF process: one integer per read key, expiring a
// day after its last change (a read older than that is long finished).
import { createHash } from 'node:crypto';
import type { ChangeCounter } from './change-counter.js';
import type { RedisConnection } from './redis-client.js';

const TTL_MS = 24 * 60 * 60 * 1000;

export class RedisChangeCounter implements ChangeCounter {
  readonly #redis: RedisConnection;

  constructor(redis: RedisConnection) {
    this.#redis = redis;
  }

  #key(key: string): string {
    return this.#redis.key('changes', createHash('sha256').update(key).digest('base64url'));
  }

  async current(key: string): Promise<number> {
    return Number((await this.#redis.command(['GET', this.#key(key)])) ?? 0);
  }

  async bump(key: string): Promise<void> {
    await this.#redis.evaluate(
      "redis.call('INCR', KEYS[1]); return redis.call('PEXPIRE', KEYS[1], ARGV[1])",
      [this.#key(key)],
      [TTL_MS],
    );
  }
}
