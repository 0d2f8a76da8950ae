// Team mode's shared Zomro session in Redis: one token for every BFF process, and one sign-in
// when Zomro ends it, however many processes meet the expiry. The renewing process holds a short
// lock (with a TTL, so that a process dying mid-sign-in does not block the others); the rest wait
// for the token to change. Within a process, callers share one renewal before Redis is asked.
import { randomUUID } from 'node:crypto';
import type { RedisConnection } from './redis-client.js';
import type { TeamRefusal, TeamSessionStore } from './team-session.js';

// KEYS: token, renewal lock. ARGV: stale token ('' for none), renewer id, lock ttl ms.
// Returns {'token', current} when the stale token was replaced already, {'renew'} when this
// caller must sign in, {'wait'} while another process does.
const BEGIN = `
local current = redis.call('GET', KEYS[1])
if current and current ~= ARGV[1] then return {'token', current} end
if redis.call('SET', KEYS[2], ARGV[2], 'NX', 'PX', ARGV[3]) then return {'renew'} end
return {'wait'}
`;

// KEYS: token, renewal lock. ARGV: renewer id, new token. Stored only while the lock is ours.
const FINISH = `
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('DEL', KEYS[2])
return 1
`;

// KEYS: token, renewal lock. ARGV: renewer id, stale token. The sign-in failed.
const ABANDON = `
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
if redis.call('GET', KEYS[1]) == ARGV[2] then redis.call('DEL', KEYS[1]) end
return 1
`;

export class RedisTeamSessionStore implements TeamSessionStore {
  readonly #redis: RedisConnection;
  readonly #keys: { token: string; renewal: string; refusal: string };
  readonly #renewalTtlMs: number;
  readonly #pollMs: number;
  /** This process's renewal in progress, by the stale token it replaces. */
  readonly #renewals = new Map<string, Promise<string>>();

  constructor(
    redis: RedisConnection,
    options: { account: string; renewalTtlMs: number; pollMs?: number },
  ) {
    this.#redis = redis;
    const account = Buffer.from(options.account).toString('base64url');
    this.#keys = {
      token: redis.key('team', account, 'token'),
      renewal: redis.key('team', account, 'renewal'),
      refusal: redis.key('team', account, 'refusal'),
    };
    this.#renewalTtlMs = options.renewalTtlMs;
    this.#pollMs = options.pollMs ?? 50;
  }

  async token(): Promise<string | null> {
    const token = await this.#redis.command(['GET', this.#keys.token]);
    return typeof token === 'string' ? token : null;
  }

  renew(stale: string | null, signIn: () => Promise<string>): Promise<string> {
    const id = stale ?? '';
    let renewal = this.#renewals.get(id);
    if (!renewal) {
      renewal = this.#renew(id, signIn).finally(() => this.#renewals.delete(id));
      this.#renewals.set(id, renewal);
    }
    return renewal;
  }

  async #renew(stale: string, signIn: () => Promise<string>): Promise<string> {
    const { token, renewal } = this.#keys;
    const renewer = randomUUID();
    for (;;) {
      const [state, current] = (await this.#redis.evaluate(
        BEGIN,
        [token, renewal],
        [stale, renewer, this.#renewalTtlMs],
      )) as string[];
      if (state === 'token') return current!;
      if (state === 'renew') break;
      await new Promise((resolve) => setTimeout(resolve, this.#pollMs));
    }
    let fresh: string;
    try {
      fresh = await signIn();
    } catch (error) {
      await this.#redis
        .evaluate(ABANDON, [token, renewal], [renewer, stale])
        .catch(() => undefined);
      throw error;
    }
    // Our lock ran out mid-sign-in and another process renewed: both tokens work; keep theirs.
    if ((await this.#redis.evaluate(FINISH, [token, renewal], [renewer, fresh])) === 0) {
      return (await this.token()) ?? fresh;
    }
    return fresh;
  }

  async refusal(): Promise<TeamRefusal | null> {
    const value = await this.#redis.command(['GET', this.#keys.refusal]);
    return typeof value === 'string' ? (JSON.parse(value) as TeamRefusal) : null;
  }

  async setRefusal(refusal: TeamRefusal | null): Promise<void> {
    await this.#redis.command(
      refusal === null
        ? ['DEL', this.#keys.refusal]
        : ['SET', this.#keys.refusal, JSON.stringify(refusal)],
    );
  }
}
