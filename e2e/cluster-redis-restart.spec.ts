// `npm run start:cluster` outlives its Redis: when Redis stops, the BFFs and the front keep running
// and answer 503 (/api/ready too), the script prints how to start Redis again, and once it is back
// both BFFs are ready again without a restart. No browser: this is about the processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function status(url: string): Promise<number> {
  try {
    return (await fetch(url)).status;
  } catch {
    return 0;
  }
}

/** Stops the Redis on `port` as `redis-cli shutdown` would (RESP, no client needed). */
function shutdownRedis(port: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => socket.write('*2\r\n$8\r\nSHUTDOWN\r\n$6\r\nNOSAVE\r\n'));
    socket.once('close', () => resolve());
    socket.once('error', () => resolve());
  });
}

/** The command line the script printed, split back into words (it quotes only `''`). */
const words = (line: string) =>
  line
    .trim()
    .split(' ')
    .map((w) => (w === "''" ? '' : w));

let cluster: ChildProcess | undefined;
let restarted: ChildProcess | undefined;
let output = '';
const ports = { front: 0, a: 0, b: 0, redis: 0 };

test.beforeAll(async () => {
  // Five processes start on a shared machine: a wait, not a speed check.
  test.setTimeout(120_000);
  const [front, a, b, redis, emulator] = await Promise.all(Array.from({ length: 5 }, freePort));
  Object.assign(ports, { front, a, b, redis });
  cluster = spawn(process.execPath, ['scripts/start-cluster.mjs', '--no-build'], {
    env: {
      ...process.env,
      PORT: String(front),
      CLUSTER_BFF_PORTS: `${a},${b}`,
      CLUSTER_REDIS_PORT: String(redis),
      EMULATOR_PORT: String(emulator),
      CLUSTER_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'e2e-cluster-redis-')),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [cluster.stdout!, cluster.stderr!]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => (output += chunk));
  }
  await expect
    .poll(() => status(`http://127.0.0.1:${front}/api/ready`), { timeout: 100_000 })
    .toBe(200);
});

test.afterAll(async () => {
  for (const child of [cluster, restarted]) {
    if (!child || child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

test('keeps serving 503 while Redis is away and recovers when it is started again', async () => {
  test.setTimeout(90_000);
  const bffs = [ports.a, ports.b].map((port) => `http://127.0.0.1:${port}`);
  await shutdownRedis(ports.redis);

  await expect.poll(() => output, { timeout: 20_000 }).toContain('Start it again with:');
  for (const bff of bffs) {
    await expect.poll(() => status(`${bff}/api/ready`)).toBe(503);
    expect(await status(`${bff}/api/health`)).toBe(200);
  }
  expect(await status(`http://127.0.0.1:${ports.front}/api/ready`)).toBe(503);
  expect(cluster!.exitCode).toBeNull();

  const line = output.split('Start it again with:\n')[1]!.split('\n')[0]!;
  const [command, ...args] = words(line);
  expect(args).toContain(String(ports.redis));
  restarted = spawn(command!, args, { stdio: 'ignore' });
  // The BFFs reconnect on their own, with a back-off of up to 2 s.
  for (const bff of bffs) {
    await expect.poll(() => status(`${bff}/api/ready`), { timeout: 30_000 }).toBe(200);
  }
  expect(cluster!.exitCode).toBeNull();
});
