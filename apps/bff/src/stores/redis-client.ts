// The one Redis connection of a BFF process (REDIS_URL), shared by the Redis stores: commands are
// sent raw, every failure becomes StoreUnavailableError (503 STORE_UNAVAILABLE), and the client
// reconnects on its own, so the process recovers when Redis returns without a restart. A command
// unanswered for REDIS_COMMAND_TIMEOUT_MS fails too: a partition that resets nothing (a frozen
// server, a dropped route) must answer 503, not hang every request.
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

/** The client's own `timeout` covers only a command not yet written, so the wait is bounded here. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  // A reply (or error) that comes after the time-out is dropped.
  promise.catch(() => undefined);
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

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
  readonly #commandTimeoutMs: number;

  private constructor(client: RawClient, prefix: string, commandTimeoutMs: number) {
    this.#client = client;
    this.prefix = prefix;
    this.#commandTimeoutMs = commandTimeoutMs;
  }

  /** Connects once; throws StoreStartError when Redis does not answer. */
  static async connect(
    url: string,
    options: {
      prefix?: string;
      logger?: RedisLogger;
      /** Default 2 s: far above a healthy Redis's answer, far below a browser's patience. */
      commandTimeoutMs?: number;
      /** Default 30 s (0: never); the audit store's liveness beat keeps a healthy one busy. */
      socketTimeoutMs?: number;
    } = {},
  ): Promise<RedisConnection> {
    const { logger } = options;
    const target = redisTarget(url);
    const commandTimeoutMs = options.commandTimeoutMs ?? 2_000;
    const socketTimeoutMs = options.socketTimeoutMs ?? 30_000;
    let started = false;
    let down = false;
    const client = createClient({
      url,
      // While Redis is away, commands fail at once (503) instead of piling up in memory.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: 5_000,
        ...(socketTimeoutMs > 0 && { socketTimeout: socketTimeoutMs }),
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
      await withTimeout(client.sendCommand(['PING']), commandTimeoutMs);
    } catch (error) {
      if (client.isOpen) client.destroy();
      throw new StoreStartError(target, error);
    }
    started = true;
    logger?.info({ redis: target }, 'shared state in Redis');
    return new RedisConnection(client, options.prefix ?? 'zd:', commandTimeoutMs);
  }

  /** A key under this deployment's prefix. */
  key(...parts: string[]): string {
    return this.prefix + parts.join(':');
  }

  async command(args: readonly (string | number)[]): Promise<Reply> {
    if (!this.#client.isReady) throw new StoreUnavailableError();
    try {
      return (await withTimeout(
        this.#client.sendCommand(args.map(String)),
        this.#commandTimeoutMs,
      )) as Reply;
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
