// The BFF as a process with REDIS_URL: start-up without Redis stops with one clear line, and a
// process killed (SIGKILL) in the middle of a change does not hold the instance's lock for longer
// than the Zomro time-out: another process then makes its change.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startEmulator, type RunningEmulator } from '@zomro-dash/zomro-emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisConnection } from '../src/stores/redis-client.js';
import { buildCluster, type Cluster } from './cluster-helper.js';
import { json, signIn, tempDir } from './helper.js';
import { freePort, startRedis, type TestRedis } from './redis-server.js';

const PACKAGE_DIR = path.resolve(import.meta.dirname, '..');
// Node itself with tsx's loader (not the tsx wrapper, which runs the server in a child process):
// SIGKILL must hit the server.
const ARGS = ['--import', 'tsx', '--conditions=source', 'src/server.ts'];
const INSTANCE = '5203773';
const SCHEDULES = `/api/instances/${INSTANCE}/schedules`;
const TIMEOUT_MS = 5_000;

function envWith(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
}

let redis: TestRedis;
let child: ChildProcess | undefined;
let emulator: RunningEmulator | undefined;
let cluster: Cluster | undefined;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});
afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
  await cluster?.close();
  cluster = undefined;
  await emulator?.close();
  emulator = undefined;
});

/** Starts the BFF and resolves with its address once it listens. */
function startBff(env: Record<string, string>): Promise<{ process: ChildProcess; base: string }> {
  const bff = spawn(process.execPath, ARGS, {
    cwd: PACKAGE_DIR,
    env: envWith({ PORT: '0', LOG_LEVEL: 'info', WEB_DIST_DIR: '/nonexistent', ...env }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child = bff;
  return new Promise((resolve, reject) => {
    createInterface({ input: bff.stdout }).on('line', (line) => {
      const match = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match) resolve({ process: bff, base: match[1]! });
    });
    bff.once('exit', (code) => reject(new Error(`the BFF exited early with ${code}`)));
  });
}

describe('the BFF process with REDIS_URL', () => {
  it('refuses to start when Redis does not answer, in one line naming REDIS_URL', async () => {
    const port = await freePort();
    const result = spawnSync(process.execPath, ARGS, {
      cwd: PACKAGE_DIR,
      env: envWith({
        PORT: '0',
        REDIS_URL: `redis://:hunter2@127.0.0.1:${port}`,
        AUDIT_LOG_PATH: path.join(tempDir('bff-server-'), 'audit.log'),
      }),
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    // Node's own warnings (a deprecation, say) are not the server's output.
    const lines = result.stderr
      .trim()
      .split('\n')
      .filter((line) => !/^\(node:\d+\)|^\(Use `node --trace-warnings/.test(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^Cannot reach Redis at redis://127\\.0\\.0\\.1:${port}/? \\(REDIS_URL\\)`),
    );
    // The password in the URL is not printed.
    expect(result.stderr + result.stdout).not.toContain('hunter2');
  }, 30_000);

  it('frees the instance within the Zomro time-out when its holder is killed mid-change', async () => {
    emulator = await startEmulator({ port: 0 });
    cluster = await buildCluster(redis, {
      configure: () => ({ zomroApiUrl: emulator!.url, zomroTimeoutMs: TIMEOUT_MS }),
    });
    const account = emulator.control.createAccount();
    const prefix = cluster.config.redis!.keyPrefix;
    const a = await startBff({
      ZOMRO_API_URL: emulator.url,
      ZOMRO_TIMEOUT_MS: String(TIMEOUT_MS),
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: prefix,
    });
    // B (in this process) signs in; A serves the same session.
    const cookie = await signIn(cluster.b, account);
    // A's create hangs in Zomro with the instance's lock held.
    emulator.control.addFault({
      kind: 'hang',
      func: 'instances.fleio_bckps.schedule.edit',
      username: account.username,
    });
    void fetch(`${a.base}${SCHEDULES}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Killed', days: [1], time: '01:00' }),
    }).catch(() => undefined);
    await expect
      .poll(() => emulator!.control.inFlight.instances[INSTANCE]?.current, { timeout: 30_000 })
      .toBe(1);

    const lockKey = `${prefix}lock:${Buffer.from(`${account.username}\u0000${INSTANCE}`).toString('base64url')}`;
    const probe = await RedisConnection.connect(redis.url);
    try {
      a.process.kill('SIGKILL');
      await new Promise((resolve) => a.process.once('exit', resolve));
      // Held, but for no longer than the time-out: nobody renews it now.
      // (-2 if it has run out already, on a slow machine.)
      const ttl = Number(await probe.command(['PTTL', lockKey]));
      expect(ttl).not.toBe(-1);
      expect(ttl).toBeLessThanOrEqual(TIMEOUT_MS);

      const created = await cluster.b.inject(
        json('POST', SCHEDULES, cookie, { name: 'After', days: [2], time: '02:00' }),
      );
      expect(created.statusCode).toBe(201);
      expect(Number(await probe.command(['EXISTS', lockKey]))).toBe(0);
      // A's change was on record as sent; B closes it as unknown once A's liveness key is gone.
      await expect
        .poll(
          async () => {
            const page = await cluster!.b.inject({
              method: 'GET',
              url: '/api/audit?limit=5',
              headers: { cookie },
            });
            return page
              .json<{ entries: Array<{ after: { name: string } | null; outcome: string }> }>()
              .entries.find((e) => e.after?.name === 'Killed')?.outcome;
          },
          { timeout: 40_000, interval: 1_000 },
        )
        .toBe('unknown');
    } finally {
      await probe.close();
    }
  }, 90_000);
});
