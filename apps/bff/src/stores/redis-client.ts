// The one Redis connection of a BFF process (REDIS_URL), shared by the Redis stores: commands are
// sent raw, every failure becomes StoreUnavailableError (503 STORE_UNAVAILABLE), and the client
// reconnects on its own, so the process recovers when Redis returns without a restart.
import { createClient } from '@redis/client';

/** Redis did not answer (down, restarting, unreachable): nothing that needs it can be done. */
export class StoreUnavailableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('The shared store (Redis) cannot be reached', options);
    this.name = 'StoreUnavailableError';
  }
}

/** Redis could not be reached when the process started: it stops with this one line. */
export class StoreStartError extends Error {
  constructor(target: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Cannot reach Redis at ${target} (REDIS_URL): ${reason}`, { cause });
    this.name = 'StoreStartError';
  }
}

export interface RedisLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

type Reply = string | number | null | Reply[];

/** REDIS_URL without its password, for messages and logs. */
export function redisTarget(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return 'REDIS_URL';
  }
}

/** What this module uses of the client: raw commands and the connection's state. */
interface RawClient {
  readonly isReady: boolean;
  readonly isOpen: boolean;
  sendCommand(args: string[]): Promise<unknown>;
  close(): Promise<void>;
  destroy(): void;
}

export class RedisConnection {
  readonly prefix: string;
  readonly #client: RawClient;

  private constructor(client: RawClient, prefix: string) {
    this.#client = client;
    this.prefix = prefix;
  }

  /** Connects once; throws StoreStartError when Redis does not answer. */
  static async connect(
    url: string,
    options: { prefix?: string; logger?: RedisLogger } = {},
  ): Promise<RedisConnection> {
    const { logger } = options;
    const target = redisTarget(url);
    let started = false;
    let down = false;
    const client = createClient({
      url,
      // While Redis is away, commands fail at once (503) instead of piling up in memory.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: 5_000,
        // At start-up one failure is final; later the client keeps trying, up to every 2 s.
        reconnectStrategy: (retries, cause) =>
          started ? Math.min(100 * 2 ** Math.min(retries, 5), 2_000) : cause,
      },
    });
    client.on('error', (error: Error) => {
      if (!down && started) logger?.warn({ err: error, redis: target }, 'Redis connection lost');
      if (started) down = true;
    });
    client.on('ready', () => {
      if (down) logger?.info({ redis: target }, 'Redis connection back');
      down = false;
    });
    try {
      await client.connect();
      await client.sendCommand(['PING']);
    } catch (error) {
      if (client.isOpen) client.destroy();
      throw new StoreStartError(target, error);
    }
    started = true;
    logger?.info({ redis: target }, 'shared state in Redis');
    return new RedisConnection(client, options.prefix ?? 'zd:');
  }

  /** A key under this deployment's prefix. */
  key(...parts: string[]): string {
    return this.prefix + parts.join(':');
  }

  async command(args: readonly (string | number)[]): Promise<Reply> {
    if (!this.#client.isReady) throw new StoreUnavailableError();
    try {
      return (await this.#client.sendCommand(args.map(String))) as Reply;
    } catch (error) {
      throw new StoreUnavailableError({ cause: error });
    }
  }

  /** Runs a Lua script (atomic on the server). */
  evaluate(
    script: string,
    keys: readonly string[],
    args: readonly (string | number)[] = [],
  ): Promise<Reply> {
    return this.command(['EVAL', script, keys.length, ...keys, ...args]);
  }

  /** Whether Redis answers a PING now (for /api/health). */
  async ping(): Promise<boolean> {
    try {
      return (await this.command(['PING'])) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (!this.#client.isOpen) return;
    await this.#client.close().catch(() => {
      if (this.#client.isOpen) this.#client.destroy();
    });
  }
}
