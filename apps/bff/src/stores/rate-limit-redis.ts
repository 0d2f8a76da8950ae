// Rate-limit counters in Redis for @fastify/rate-limit, so that a limit holds across every BFF
// process: a custom `store` (the plugin's own `redis` option needs an ioredis client; ours is
// node-redis), with the plugin's counting rules — a window that starts at the first hit, and
// optionally `continueExceeding` and `exponentialBackoff` — in one Lua script per call.
import type { RedisConnection } from './redis-client.js';

// KEYS: counter. ARGV: window ms, max, continueExceeding, exponentialBackoff.
const INCREMENT = `
local current = redis.call('INCR', KEYS[1])
local window = tonumber(ARGV[1])
local max = tonumber(ARGV[2])
if current == 1 or (ARGV[3] == 'true' and current > max) then
  redis.call('PEXPIRE', KEYS[1], window)
elseif ARGV[4] == 'true' and current > max then
  window = math.min(window * (2 ^ (current - max - 1)), 9007199254740991)
  redis.call('PEXPIRE', KEYS[1], window)
else
  window = redis.call('PTTL', KEYS[1])
end
return {current, window}
`;

// KEYS: counter. The count and the time left, without counting.
const READ = `
local current = redis.call('GET', KEYS[1])
if not current then return {0, 0} end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then ttl = 0 end
return {tonumber(current), ttl}
`;

type Callback = (error: Error | null, result: { current: number; ttl: number } | null) => void;

interface StoreParams {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
}

interface RouteParams extends StoreParams {
  routeInfo: { method: string; url: string };
}

/** The shape @fastify/rate-limit's `store` option constructs (with the plugin's options). */
export interface RateLimitStore {
  incr(key: string, callback: Callback, timeWindow: number, max: number): void;
  read(key: string, callback: Callback, timeWindow?: number, max?: number): void;
  child(routeOptions: RouteParams): RateLimitStore;
}

export type RateLimitStoreClass = new (params: StoreParams) => RateLimitStore;

/** A `store` class for @fastify/rate-limit counting in this Redis, under `<prefix>rate:`. */
export function redisRateLimitStore(redis: RedisConnection): RateLimitStoreClass {
  class RedisRateLimitStore implements RateLimitStore {
    readonly #params: StoreParams;
    /** Route stores (`child`) count apart, as the plugin's own stores do. */
    readonly #namespace: string;

    constructor(params: StoreParams, namespace = '') {
      this.#params = params;
      this.#namespace = namespace;
    }

    incr(key: string, callback: Callback, timeWindow: number, max: number): void {
      const { continueExceeding, exponentialBackoff } = this.#params;
      this.#run(INCREMENT, key, callback, [
        timeWindow,
        max,
        String(continueExceeding === true),
        String(exponentialBackoff === true),
      ]);
    }

    read(key: string, callback: Callback): void {
      this.#run(READ, key, callback);
    }

    child(routeOptions: RouteParams): RateLimitStore {
      const { method, url } = routeOptions.routeInfo;
      return new RedisRateLimitStore(routeOptions, `${this.#namespace}${method}${url}-`);
    }

    #run(script: string, key: string, callback: Callback, args: (string | number)[] = []) {
      // A StoreUnavailableError reaches the error handler: 503 STORE_UNAVAILABLE.
      redis.evaluate(script, [redis.key('rate', this.#namespace + key)], args).then(
        (reply) => {
          const [current, ttl] = reply as [number, number];
          callback(null, { current: Number(current), ttl: Number(ttl) });
        },
        (error: Error) => callback(error, null),
      );
    }
  }
  return RedisRateLimitStore;
}
