// Two BFF apps (A and B), each with its own Redis connection, on one redis-server and one
// emulator: what two replicas behind a load balancer share.
import {
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from '@zomro-dash/zomro-emulator';
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { buildApp } from '../src/app.js';
import type { AppConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { logInto, testConfig } from './helper.js';
import type { TestRedis } from './redis-server.js';

export interface Cluster {
  a: FastifyInstance;
  b: FastifyInstance;
  emulator: RunningEmulator;
  config: AppConfig;
  logs: string[];
  close(): Promise<void>;
}

/** The configuration both processes share; every cluster gets its own key prefix. */
export function clusterConfig(
  emulatorUrl: string,
  redis: TestRedis,
  extra: Partial<AppConfig> = {},
): AppConfig {
  return testConfig(emulatorUrl, {
    logLevel: 'info',
    redis: { url: redis.url, keyPrefix: `t${randomUUID().slice(0, 8)}:` },
    ...extra,
  });
}

export async function buildCluster(
  redis: TestRedis,
  options: {
    emulator?: EmulatorOptions;
    configure?: (emulator: RunningEmulator) => Partial<AppConfig>;
  } = {},
): Promise<Cluster> {
  const emulator = await startEmulator({ port: 0, ...options.emulator });
  const config = clusterConfig(emulator.url, redis, options.configure?.(emulator));
  const logs: string[] = [];
  const build = async () => {
    const app = await buildApp(config, { logger: createLogger('info', logInto(logs)) });
    await app.ready();
    return app;
  };
  const a = await build();
  const b = await build();
  return {
    a,
    b,
    emulator,
    config,
    logs,
    async close() {
      await Promise.allSettled([a.close(), b.close()]);
      await emulator.close();
    },
  };
}
