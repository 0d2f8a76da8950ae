// Two BFF apps (A and B), each with its own Redis connection, on one redis-server and one
// emulator: what two replicas behind a load balancer share.
import {
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from '@zomro-dash/zomro-emulator';
import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { buildApp } from '../src/app.js';
import type { AppConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { tempDir } from './helper.js';
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
) {
  const config: AppConfig = {
    port: 0,
    host: '127.0.0.1',
    zomroApiUrl: emulatorUrl,
    upstream: 'emulator',
    zomroTimeoutMs: 5_000,
    sessionIdleTimeoutMs: 3_300_000,
    cookieSecure: false,
    trustProxy: false,
    logLevel: 'info',
    webDistDir: path.join(tmpdir(), 'bff-no-web-build'),
    emulatorPort: 0,
    emulatorTestControl: false,
    team: null,
    operatorsFile: null,
    proxyAuth: null,
    // Unused with Redis; a folder of its own all the same.
    auditLogPath: path.join(tempDir('bff-audit-'), 'audit.log'),
    fleetConcurrency: 4,
    redis: { url: redis.url, keyPrefix: `t${randomUUID().slice(0, 8)}:` },
    ...extra,
  };
  return config;
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
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        callback();
      },
    });
    const app = await buildApp(config, { logger: createLogger('info', stream) });
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
