// Dashboard sessions in Redis, so that any BFF process serves any signed-in operator: one key
// per session, expiring after the idle time-out (each request pushes back the expiry of a key that
// still exists, never re-creating one a sign-out deleted). The key is a hash
// of the cookie's id: reading Redis does not give a usable cookie.
import { createHash } from 'node:crypto';
import type { RedisConnection } from './redis-client.js';
import type { DashboardSession, SessionStore } from './sessions.js';

export class RedisSessionStore implements SessionStore {
  readonly #redis: RedisConnection;

  constructor(redis: RedisConnection) {
    this.#redis = redis;
  }

  #key(id: string): string {
    return this.#redis.key('session', createHash('sha256').update(id).digest('base64url'));
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

  async delete(id: string): Promise<void> {
    await this.#redis.command(['DEL', this.#key(id)]);
  }
}
