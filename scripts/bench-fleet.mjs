// Benchmark of the fleet overview (GET /api/schedules), not part of `npm test`: 200 instances at
// 50 ms upstream latency, FLEET_CONCURRENCY 4, against the floor
// (instance-list pages + one schedule list per instance) × latency ÷ concurrency.
// Needs a build (`npm run build`). Usage: node scripts/bench-fleet.mjs [instances] [latencyMs] [runs]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp, SESSION_COOKIE } from '../apps/bff/dist/index.js';
import { startEmulator } from '../packages/zomro-emulator/dist/index.js';

const INSTANCES = Number(process.argv[2] ?? 200);
const LATENCY_MS = Number(process.argv[3] ?? 50);
const RUNS = Number(process.argv[4] ?? 5);
const CONCURRENCY = 4;

async function measure(pageSize) {
  const emulator = await startEmulator({ port: 0, pageSize });
  const account = emulator.control.createAccount({ instances: INSTANCES });
  const app = await buildApp({
    port: 0,
    host: '127.0.0.1',
    zomroApiUrl: emulator.url,
    upstream: 'emulator',
    zomroTimeoutMs: 30_000,
    sessionIdleTimeoutMs: 3_300_000,
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
    fleetConcurrency: CONCURRENCY,
    redis: null,
  });
  await app.ready();
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username: account.username, password: account.password },
  });
  const cookie = `${SESSION_COOKIE}=${signIn.cookies.find((c) => c.name === SESSION_COOKIE).value}`;
  emulator.control.setLatency({ fixedMs: LATENCY_MS });
  const times = [];
  let calls = 0;
  for (let run = 0; run < RUNS; run++) {
    emulator.control.clearCalls();
    const started = performance.now();
    const response = await app.inject({
      method: 'GET',
      url: '/api/schedules',
      headers: { cookie },
    });
    times.push(performance.now() - started);
    calls = emulator.control.calls.length;
    const { instances } = response.json();
    if (response.statusCode !== 200 || instances.length !== INSTANCES) {
      throw new Error(`unexpected answer ${response.statusCode}: ${instances?.length} instances`);
    }
  }
  const maxInFlight = emulator.control.inFlight.max;
  await app.close();
  await emulator.close();
  const pages = Math.ceil(INSTANCES / pageSize);
  const floor = ((pages + INSTANCES) * LATENCY_MS) / CONCURRENCY;
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return { pageSize, pages, calls, floor, median, best: times[0], maxInFlight };
}

console.log(
  `Fleet overview: ${INSTANCES} instances, ${LATENCY_MS} ms latency, concurrency ${CONCURRENCY}, ${RUNS} runs`,
);
console.log(
  '| page size | list pages | Zomro calls | floor | median | best | median ÷ floor | most in flight |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const pageSize of [5, 50]) {
  const r = await measure(pageSize);
  console.log(
    `| ${r.pageSize} | ${r.pages} | ${r.calls} | ${r.floor.toFixed(0)} ms | ${r.median.toFixed(0)} ms | ${r.best.toFixed(0)} ms | ${(r.median / r.floor).toFixed(3)} | ${r.maxInFlight} |`,
  );
}
