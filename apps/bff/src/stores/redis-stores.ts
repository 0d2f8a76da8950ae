// Every piece of shared state in Redis, over one connection: what the app is built with when
// REDIS_URL is set, in place of the memory and file stores.
import type { AppConfig, RedisConfig } from '../config.js';
import type { AuditStore } from './audit.js';
import { RedisAuditStore } from './audit-redis.js';
import type { ChangeCounter } from './change-counter.js';
import type { IdempotencyStore } from './idempotency.js';
import type { InstanceLocks } from './locks.js';
import type { TeamSessionStore } from './team-session.js';
import { RedisIdempotencyStore } from './idempotency-redis.js';
import { RedisInstanceLocks } from './locks-redis.js';
import { redisRateLimitStore, type RateLimitStoreClass } from './rate-limit-redis.js';
import { RedisChangeCounter } from './change-counter-redis.js';
import { RedisConnection } from './redis-client.js';
import { RedisSessionStore } from './sessions-redis.js';
import { RedisTeamSessionStore } from './team-session-redis.js';
import type { SessionStore } from './sessions.js';

export interface RedisStoresLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface RedisStores {
  connection: RedisConnection;
  sessions: SessionStore;
  /** Every store but the rate-limit counters, which go to @fastify/rate-limit as `rateLimitStore`. */
  /** What the services keep in Redis (plugins/services.ts takes them as its ServiceStores). */
  services: {
    audit: AuditStore;
    locks: InstanceLocks;
    idempotency: IdempotencyStore;
    teamSession: TeamSessionStore;
    changes: ChangeCounter;
  };
  /** For @fastify/rate-limit's `store` option: counters shared by every process. */
  rateLimitStore: RateLimitStoreClass;
  close(): Promise<void>;
}

/** Connects (throwing StoreStartError when Redis does not answer) and builds the stores. */
export async function openRedisStores(
  redis: RedisConfig,
  config: Pick<AppConfig, 'zomroTimeoutMs' | 'team'>,
  logger: RedisStoresLogger,
): Promise<RedisStores> {
  const connection = await RedisConnection.connect(redis.url, {
    prefix: redis.keyPrefix,
    logger,
    ...(redis.commandTimeoutMs !== undefined && { commandTimeoutMs: redis.commandTimeoutMs }),
    ...(redis.socketTimeoutMs !== undefined && { socketTimeoutMs: redis.socketTimeoutMs }),
  });
  const idempotency = new RedisIdempotencyStore(connection);
  let audit: RedisAuditStore;
  try {
    audit = await RedisAuditStore.open(connection, logger);
  } catch (error) {
    await connection.close();
    throw error;
  }
  return {
    connection,
    sessions: new RedisSessionStore(connection),
    services: {
      audit,
      // A crashed holder's lock is gone within one Zomro time-out.
      locks: new RedisInstanceLocks(connection, { ttlMs: config.zomroTimeoutMs, logger }),
      idempotency,
      changes: new RedisChangeCounter(connection),
      teamSession: new RedisTeamSessionStore(connection, {
        account: config.team?.username ?? '',
        // A sign-in is at most two calls (password, then the code).
        renewalTtlMs: 2 * config.zomroTimeoutMs,
      }),
    },
    rateLimitStore: redisRateLimitStore(connection),
    async close() {
      await idempotency.close();
      await connection.close();
    },
  };
}
