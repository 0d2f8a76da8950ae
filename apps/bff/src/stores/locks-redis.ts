// The per-instance change lock in Redis, for several BFF processes: a key held with a TTL of the
// Zomro time-out, kept alive by its holder while the change runs, and a fencing token (a number
// that only grows) so that a holder whose lock expired can neither extend nor release the next
// holder's. A crashed holder stops renewing: its lock is gone within one Zomro time-out.
import { randomUUID } from 'node:crypto';
import {
  LockLostError,
  LockQueueFullError,
  LockWaitAbortedError,
  type InstanceLocks,
} from './locks.js';
import type { RedisConnection } from './redis-client.js';

// KEYS: lock, fence counter. ARGV: holder id, ttl ms. The fencing token when taken, else 0.
const ACQUIRE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local fence = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. fence, 'PX', ARGV[2])
return fence
`;

// A holder's value is `id:fence`. KEYS: lock. ARGV: holder value, ttl ms. Extends only the
// holder's own lock.
const EXTEND = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;

// KEYS: lock. ARGV: holder value. Releases only the holder's own lock.
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

interface LockKeys {
  lock: string;
  fence: string;
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
  /** Requests of this process waiting, by lock key. */
  readonly #waiting = new Map<string, number>();

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

  /** Requests of this process waiting for `key`'s lock now (tests, metrics). */
  waitingFor(key: string): number {
    return this.#waiting.get(this.#keys(key).lock) ?? 0;
  }

  async run<T>(key: string, task: () => Promise<T>, options: { signal?: AbortSignal } = {}) {
    const { signal } = options;
    if (signal?.aborted) throw new LockWaitAbortedError();
    const keys = this.#keys(key);
    const id = randomUUID();
    const fence = await this.#acquire(keys, id, signal);
    const holder = `${id}:${fence}`;
    // Renewed three times per TTL: a live holder never loses the lock to a slow Zomro call. A
    // renewal that fails (Redis away, or the lock found taken) fails the change at once: another
    // process may take the lock when it expires, and two changes must never run together.
    const state: { lost?: LockLostError } = {};
    let reject!: (error: LockLostError) => void;
    const lockLost = new Promise<never>((_, onLost) => (reject = onLost));
    lockLost.catch(() => undefined);
    const fail = (cause?: unknown) => {
      if (state.lost) return;
      const lost = new LockLostError(cause === undefined ? {} : { cause });
      state.lost = lost;
      this.#logger?.warn({ fence, err: cause }, 'instance lock lost while held; change failed');
      reject(lost);
    };
    const renewal = setInterval(
      () => {
        this.#redis.evaluate(EXTEND, [keys.lock], [holder, this.#ttlMs]).then(
          (extended) => {
            if (extended === 0) fail();
          },
          (error: unknown) => fail(error),
        );
      },
      Math.max(10, Math.floor(this.#ttlMs / 3)),
    );
    renewal.unref();
    try {
      const running = task();
      // Left running after a loss (a Zomro call cannot be taken back); its end is not awaited.
      running.catch(() => undefined);
      const result = await Promise.race([running, lockLost]);
      if (state.lost) throw state.lost;
      return result;
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
    };
  }

  async #acquire(keys: LockKeys, holder: string, signal: AbortSignal | undefined) {
    const taken = Number(
      await this.#redis.evaluate(ACQUIRE, [keys.lock, keys.fence], [holder, this.#ttlMs]),
    );
    if (taken > 0) return taken;
    // The bound is per process, as with the in-memory queue: it keeps one replica's waiting
    // requests (and their sockets) in check.
    const waiting = this.#waiting.get(keys.lock) ?? 0;
    if (waiting >= this.#maxWaiting) throw new LockQueueFullError(keys.lock);
    this.#waiting.set(keys.lock, waiting + 1);
    try {
      for (;;) {
        await pause(this.#pollMs, signal);
        const fence = Number(
          await this.#redis.evaluate(ACQUIRE, [keys.lock, keys.fence], [holder, this.#ttlMs]),
        );
        if (fence > 0) return fence;
      }
    } finally {
      const left = (this.#waiting.get(keys.lock) ?? 1) - 1;
      if (left === 0) this.#waiting.delete(keys.lock);
      else this.#waiting.set(keys.lock, left);
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
