// Two replicas serve one session: `npm run start:cluster` (redis-server, the emulator, BFF A and
// B on REDIS_URL, the round-robin front) on free ports; sign in and create through A, reload
// through B, and the schedule and the session are there.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const MY_SERVER = '5203773';

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

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

let cluster: ChildProcess | undefined;
const ports = { front: 0, a: 0, b: 0 };

test.describe.configure({ mode: 'serial' });
test.use({ timezoneId: 'Europe/Berlin', locale: 'en-US' });

test.beforeAll(async () => {
  // Five processes start on a shared machine: a wait, not a speed check.
  test.setTimeout(120_000);
  const [front, a, b, redis, emulator] = await Promise.all(Array.from({ length: 5 }, freePort));
  Object.assign(ports, { front, a, b });
  cluster = spawn(process.execPath, ['scripts/start-cluster.mjs', '--no-build'], {
    env: {
      ...process.env,
      PORT: String(front),
      CLUSTER_BFF_PORTS: `${a},${b}`,
      CLUSTER_REDIS_PORT: String(redis),
      EMULATOR_PORT: String(emulator),
      CLUSTER_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'e2e-cluster-')),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await expect
    .poll(() => answers(`http://127.0.0.1:${front}/api/health`), { timeout: 100_000 })
    .toBe(true);
});

test.afterAll(async () => {
  if (!cluster || cluster.exitCode !== null) return;
  const exited = new Promise((resolve) => cluster!.once('exit', resolve));
  cluster.kill('SIGTERM');
  await exited;
});

test('signs in and creates through BFF A, and B shows both after a reload', async ({ page }) => {
  const a = `http://127.0.0.1:${ports.a}`;
  const b = `http://127.0.0.1:${ports.b}`;
  const health = (await (await fetch(`${b}/api/health`)).json()) as Record<string, string>;
  expect(health).toMatchObject({ store: 'redis', redis: 'ok' });

  await page.goto(`${a}/instances/${MY_SERVER}`);
  await page.getByLabel('Username').fill('demo');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  await page.getByRole('button', { name: 'New schedule' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Served by two');
  await page.getByRole('button', { name: 'Tuesday' }).click();
  await page.getByLabel(/^Time/).fill('04:15');
  await page.getByRole('button', { name: 'Create schedule' }).click();
  await expect(page.getByRole('row', { name: /Served by two/ })).toBeVisible();

  // The cookie is the host's, whatever the port: the same browser session, now through B.
  await page.goto(`${b}/instances/${MY_SERVER}`);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  const row = page.getByRole('row', { name: /Served by two/ });
  await expect(row).toContainText('Tue');
  await expect(row).toContainText('04:15 GMT+3');

  // And through the front, which alternates between them.
  for (let i = 0; i < 2; i++) {
    await page.goto(`http://127.0.0.1:${ports.front}/instances/${MY_SERVER}`);
    await expect(page.getByRole('row', { name: /Served by two/ })).toBeVisible();
  }
});
