// The per-instance change lock in Redis, for several BFF processes: a key held with a TTL of the
// Zomro time-out, kept alive by its holder while the change runs, and a fencing token (a number
// that only grows) so that a holder whose lock expired can neither extend nor release the next
// holder's. A crashed holder stops renewing: its lock is gone within one Zomro time-out.
import { randomUUID } from 'node:crypto';
import { LockQueueFullError, LockWaitAbortedError, type InstanceLocks } from './locks.js';
import type { RedisConnection } from './redis-client.js';

// KEYS: lock, fence counter, waiters. ARGV: waiter id, ttl ms, now ms, max waiting, wait lease ms.
// Returns the fencing token when taken, 0 when waiting, -1 when too many wait already.
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[3])
if redis.call('EXISTS', KEYS[1]) == 0 then
  local fence = redis.call('INCR', KEYS[2])
  redis.call('SET', KEYS[1], ARGV[1] .. ':' .. fence, 'PX', ARGV[2])
  redis.call('ZREM', KEYS[3], ARGV[1])
  return fence
end
if redis.call('ZSCORE', KEYS[3], ARGV[1]) == false and
   redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[4]) then
  return -1
end
redis.call('ZADD', KEYS[3], tonumber(ARGV[3]) + tonumber(ARGV[5]), ARGV[1])
redis.call('PEXPIRE', KEYS[3], ARGV[5])
return 0
`;

// KEYS: lock. ARGV: holder value, ttl ms. Extends only the holder's own lock.
const EXTEND = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;

// KEYS: lock. ARGV: holder value. Releases only the holder's own lock.
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

// KEYS: waiters. ARGV: waiter id.
const LEAVE = `return redis.call('ZREM', KEYS[1], ARGV[1])`;

interface LockKeys {
  lock: string;
  fence: string;
  waiting: string;
}

export interface RedisLockLogger {
  warn(details: object, message: string): void;
}

export class RedisInstanceLocks implements InstanceLocks {
  readonly #redis: RedisConnection;
  readonly #ttlMs: number;
  readonly #maxWaiting: number;
  readonly #pollMs: number;
  readonly #logger: RedisLockLogger | undefined;

  constructor(
    redis: RedisConnection,
    options: { ttlMs: number; maxWaiting?: number; pollMs?: number; logger?: RedisLockLogger },
  ) {
    this.#redis = redis;
    this.#ttlMs = options.ttlMs;
    this.#maxWaiting = options.maxWaiting ?? 8;
    this.#pollMs = options.pollMs ?? 50;
    this.#logger = options.logger;
  }

  async run<T>(key: string, task: () => Promise<T>, options: { signal?: AbortSignal } = {}) {
    const { signal } = options;
    if (signal?.aborted) throw new LockWaitAbortedError();
    const keys = this.#keys(key);
    const waiter = randomUUID();
    const fence = await this.#acquire(keys, waiter, signal);
    const holder = `${waiter}:${fence}`;
    // Renewed three times per TTL: a live holder never loses the lock to a slow Zomro call.
    const renewal = setInterval(
      () => {
        this.#redis.evaluate(EXTEND, [keys.lock], [holder, this.#ttlMs]).then(
          (extended) => {
            if (extended === 0) this.#logger?.warn({ fence }, 'instance lock lost while held');
          },
          () => undefined,
        );
      },
      Math.max(10, Math.floor(this.#ttlMs / 3)),
    );
    renewal.unref();
    try {
      return await task();
    } finally {
      clearInterval(renewal);
      // If Redis is away now, the lock expires by itself within the TTL.
      await this.#redis.evaluate(RELEASE, [keys.lock], [holder]).catch(() => undefined);
    }
  }

  #keys(key: string): LockKeys {
    const id = Buffer.from(key).toString('base64url');
    return {
      lock: this.#redis.key('lock', id),
      fence: this.#redis.key('lock-fence', id),
      waiting: this.#redis.key('lock-waiting', id),
    };
  }

  async #acquire(keys: LockKeys, waiter: string, signal: AbortSignal | undefined): Promise<number> {
    // A waiter that stops polling (its process died) leaves the queue after this lease.
    const lease = Math.max(1_000, this.#pollMs * 20);
    for (;;) {
      const reply = await this.#redis.evaluate(
        ACQUIRE,
        [keys.lock, keys.fence, keys.waiting],
        [waiter, this.#ttlMs, Date.now(), this.#maxWaiting, lease],
      );
      const fence = Number(reply);
      if (fence > 0) return fence;
      if (fence < 0) throw new LockQueueFullError(keys.lock);
      try {
        await pause(this.#pollMs, signal);
      } catch (error) {
        await this.#redis.evaluate(LEAVE, [keys.waiting], [waiter]).catch(() => undefined);
        throw error;
      }
    }
  }
}

/** Waits `ms` (with a little jitter), or throws LockWaitAbortedError when `signal` aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new LockWaitAbortedError());
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      ms + Math.floor(Math.random() * ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
