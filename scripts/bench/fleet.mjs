// The fleet overview (GET /api/schedules) for an account of many instances against its floor:
// (instance-list pages + one schedule list per instance) × latency ÷ concurrency. The built BFF in
// this process (`app.inject`), real HTTP to a fresh emulator. Used by `npm run bench` and by
// scripts/bench-fleet.mjs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp, SESSION_COOKIE } from '../../apps/bff/dist/index.js';
import { startEmulator } from '../../packages/zomro-emulator/dist/index.js';

/** The BFF's default `FLEET_CONCURRENCY`. */
export const FLEET_CONCURRENCY = 4;

/** `runs` overviews after sign-in, with the account's saved page size `pageSize`. */
export async function measureFleet({ instances = 200, latencyMs = 50, runs = 7, pageSize }) {
  const emulator = await startEmulator({ port: 0, pageSize });
  const account = emulator.control.createAccount({ instances });
  const app = await buildApp({
    port: 0,
    host: '127.0.0.1',
    zomroApiUrl: emulator.url,
    upstream: 'emulator',
    zomroTimeoutMs: 30_000,
    sessionIdleTimeoutMs: 3_300_000,
    sessionMaxAgeMs: 12 * 3_600_000,
    cookieSecure: false,
    trustProxy: false,
    logLevel: 'silent',
    webDistDir: path.join(tmpdir(), 'bench-no-web'),
    emulatorPort: 0,
    emulatorTestControl: false,
    team: null,
    operatorsFile: null,
    proxyAuth: null,
    auditLogPath: path.join(mkdtempSync(path.join(tmpdir(), 'bench-audit-')), 'audit.log'),
    fleetConcurrency: FLEET_CONCURRENCY,
    redis: null,
  });
  try {
    await app.ready();
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: account.username, password: account.password },
    });
    const session = signIn.cookies.find((c) => c.name === SESSION_COOKIE);
    if (!session) throw new Error(`sign-in answered ${signIn.statusCode}`);
    const cookie = `${SESSION_COOKIE}=${session.value}`;
    emulator.control.setLatency({ fixedMs: latencyMs });
    const times = [];
    let calls = 0;
    // The demo data has 33 servers; `instances` pads it up to that many, never down.
    let count = 0;
    for (let run = 0; run < runs; run++) {
      emulator.control.clearCalls();
      const started = performance.now();
      const response = await app.inject({
        method: 'GET',
        url: '/api/schedules',
        headers: { cookie },
      });
      times.push(performance.now() - started);
      calls = emulator.control.calls.length;
      count = response.json().instances?.length ?? 0;
      if (response.statusCode !== 200 || count < instances) {
        throw new Error(`unexpected answer ${response.statusCode}: ${count} instances`);
      }
    }
    const pages = Math.ceil(count / pageSize);
    const floor = ((pages + count) * latencyMs) / FLEET_CONCURRENCY;
    times.sort((a, b) => a - b);
    return {
      instances: count,
      pageSize,
      pages,
      calls,
      floor,
      median: times[Math.floor(times.length / 2)],
      best: times[0],
      maxInFlight: emulator.control.inFlight.max,
    };
  } finally {
    await app.close();
    await emulator.close();
  }
}

/** A markdown table of measureFleet's results. */
export function fleetTable(results) {
  const rows = results.map(
    (r) =>
      `| ${r.pageSize} | ${r.pages} | ${r.calls} | ${r.floor.toFixed(0)} ms | ${r.median.toFixed(0)} ms | ` +
      `${r.best.toFixed(0)} ms | ${(r.median / r.floor).toFixed(3)} | ${r.maxInFlight} |`,
  );
  return (
    '| saved page size | list pages | Zomro calls | floor | median | best | median ÷ floor | most in flight |\n' +
    '|---|---|---|---|---|---|---|---|\n' +
    `${rows.join('\n')}\n`
  );
}
