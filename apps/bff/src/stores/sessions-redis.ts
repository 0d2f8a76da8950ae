// Dashboard sessions in Redis, so that any BFF process serves any signed-in operator: one key
// per session, expiring after the idle time-out (each request pushes back the expiry of a key that
// still exists, never re-creating one a sign-out deleted). The key is a hash
// of the cookie's id: reading Redis does not give a usable cookie.
import { createHash } from 'node:crypto';
import type { RedisConnection } from './redis-client.js';
import type { DashboardSession, SessionStore } from './sessions.js';

// KEYS: the session, its code counter. ARGV: the counter's time to live (ms). The new count, or -1
// when the session is gone; one script, so that the check and the increment are one step.
const COUNT_TOTP_CODE = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local count = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return count
`;

export class RedisSessionStore implements SessionStore {
  readonly #redis: RedisConnection;

  constructor(redis: RedisConnection) {
    this.#redis = redis;
  }

  #key(id: string, kind = 'session'): string {
    return this.#redis.key(kind, createHash('sha256').update(id).digest('base64url'));
  }

  async get(id: string): Promise<DashboardSession | undefined> {
    const value = await this.#redis.command(['GET', this.#key(id)]);
    return typeof value === 'string' ? (JSON.parse(value) as DashboardSession) : undefined;
  }

  async set(id: string, session: DashboardSession, ttlMs: number): Promise<void> {
    await this.#redis.command(['SET', this.#key(id), JSON.stringify(session), 'PX', ttlMs]);
  }

  async touch(id: string, ttlMs: number): Promise<boolean> {
    return (await this.#redis.command(['PEXPIRE', this.#key(id), ttlMs])) === 1;
  }

  async countTotpCode(id: string, ttlMs: number): Promise<number | null> {
    const keys = [this.#key(id), this.#key(id, 'session-totp')];
    const count = Number(await this.#redis.evaluate(COUNT_TOTP_CODE, keys, [ttlMs]));
    return count < 0 ? null : count;
  }

  async delete(id: string): Promise<void> {
    await this.#redis.command(['DEL', this.#key(id), this.#key(id, 'session-totp')]);
  }
}
