// The servers the benchmarks start, each its own Node process as in production: the standalone
// emulator (with its test control) and the built BFF as `npm start` runs it, pointed at it.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startNode } from './processes.mjs';

/** The emulator on `port`; `control(route, body)` posts to its control routes. */
export async function startEmulatorProcess(port) {
  const url = `http://127.0.0.1:${port}`;
  const child = await startNode(
    'emulator',
    'packages/zomro-emulator/dist/cli.js',
    { EMULATOR_PORT: String(port), EMULATOR_TEST_CONTROL: 'true' },
    `${url}/__emulator/calls`,
  );
  const control = (route, body) =>
    fetch(`${url}/__emulator/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
  return { child, url, control };
}

/**
 * The BFF (`script`, the built one by default) on `port` against the emulator at `emulatorUrl`,
 * its audit trail in a fresh folder (or `auditDir`); `nodeArgs` go to `node` (e.g. --cpu-prof).
 */
export async function startBffProcess({
  port,
  emulatorUrl,
  script = 'apps/bff/dist/server.js',
  nodeArgs = [],
  auditDir = mkdtempSync(path.join(os.tmpdir(), 'bench-audit-')),
}) {
  const url = `http://127.0.0.1:${port}`;
  const child = await startNode(
    'BFF',
    script,
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      ZOMRO_API_URL: `${emulatorUrl}/billmgr`,
      AUDIT_LOG_PATH: path.join(auditDir, 'audit.log'),
    },
    `${url}/api/health`,
    nodeArgs,
  );
  return { child, url };
}

/** Signs `account` in to the BFF at `bff`; answers its session cookie (`name=value`). */
export async function signInToBff(bff, account) {
  const session = await fetch(`${bff}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: bff },
    body: JSON.stringify(account),
  });
  if (session.status !== 200) throw new Error(`BFF sign-in answered ${session.status}`);
  return session.headers.get('set-cookie').split(';')[0];
}
