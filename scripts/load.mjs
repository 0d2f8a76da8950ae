// `npm run load [-- --duration 20]`: 50 simulated operators (autocannon connections, each signed in
// to its own emulator account) list, create, edit and delete schedules through the built BFF on
// the loopback while about 5% of Zomro calls fail (busy, reset, non-JSON, time-out). Passes when no
// answer is a 5xx other than the injected faults' documented codes, no create made a duplicate
// schedule, and the heap after (garbage collected) is close to before. Needs `npm run build`.
// Bounded: at most 30 seconds of load. Run with `node --expose-gc` for exact heap figures.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../apps/bff/dist/app.js';
import { createLogger } from '../apps/bff/dist/logger.js';
import { startEmulator } from '../packages/zomro-emulator/dist/index.js';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const DURATION_S = Math.min(30, flag('duration', 20));
const OPERATORS = flag('operators', 50);
const FAULT_SHARE = 0.05;
const INSTANCE = '5203773';
/** What an injected fault may become: its documented codes. */
const FAULT_CODES = new Set([
  'UPSTREAM_BUSY',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_BAD_RESPONSE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_BLOCKED',
]);
const FAULTS = ['running-operation', 'reset', 'non-json', 'hang'];

const gc = globalThis.gc ?? (() => undefined);
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

const emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
const app = await buildApp(
  {
    port: 0,
    host: '127.0.0.1',
    zomroApiUrl: emulator.url,
    upstream: 'emulator',
    // A hung call ends quickly, so that the run stays bounded.
    zomroTimeoutMs: 2_000,
    sessionIdleTimeoutMs: 3_300_000,
    sessionMaxAgeMs: 12 * 3_600_000,
    cookieSecure: false,
    trustProxy: false,
    logLevel: 'error',
    webDistDir: path.join(tmpdir(), 'load-no-web-build'),
    emulatorPort: 0,
    emulatorTestControl: false,
    team: null,
    operatorsFile: null,
    proxyAuth: null,
    auditLogPath: path.join(mkdtempSync(path.join(tmpdir(), 'load-audit-')), 'audit.log'),
  },
  // The injected faults' own log lines would drown the figures; they are counted instead.
  { logger: createLogger('fatal') },
);
const url = await app.listen({ port: 0, host: '127.0.0.1' });
const { control } = emulator;

// One emulator account per operator, signed in before the clock starts.
const operators = [];
for (let i = 0; i < OPERATORS; i += 1) {
  const account = control.createAccount();
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 200 || !cookie) throw new Error(`sign-in ${response.status}`);
  operators.push({ ...account, cookie });
}

const heapBefore = heapMb();
const statuses = new Map();
const unexpected = [];
let creates = 0;
function tally(status, body) {
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
  if (status < 500) return;
  let code = '';
  try {
    code = JSON.parse(body).code;
  } catch {
    // not JSON: unexpected
  }
  if (!FAULT_CODES.has(code)) unexpected.push(`${status} ${String(body).slice(0, 120)}`);
}

// About 5% of Zomro calls fail: every 100 ms, faults for a twentieth of the calls since the last look.
let seenCalls = 0;
let injected = 0;
const faulting = setInterval(() => {
  const calls = control.calls.length === 1000 ? seenCalls + 50 : control.calls.length;
  const fresh = Math.max(0, calls - seenCalls);
  seenCalls = control.calls.length === 1000 ? 0 : calls;
  if (control.calls.length === 1000) control.clearCalls();
  const due = Math.round(fresh * FAULT_SHARE);
  for (let i = 0; i < due; i += 1) {
    control.addFault({ kind: FAULTS[Math.floor(Math.random() * FAULTS.length)] });
    injected += 1;
  }
}, 100);

let next = 0;
const schedules = `/api/instances/${INSTANCE}/schedules`;
const result = await autocannon({
  url,
  connections: OPERATORS,
  duration: DURATION_S,
  timeout: 10,
  setupClient(client) {
    const operator = operators[next++ % operators.length];
    client.setHeaders({ cookie: operator.cookie, 'content-type': 'application/json' });
  },
  requests: [
    { method: 'GET', path: schedules, onResponse: (status, body) => tally(status, body) },
    {
      method: 'POST',
      path: schedules,
      setupRequest(request, context) {
        context.name = `load-${randomUUID().slice(0, 8)}`;
        creates += 1;
        return {
          ...request,
          headers: { ...request.headers, 'idempotency-key': randomUUID() },
          body: JSON.stringify({ name: context.name, days: [1, 3], time: '04:00' }),
        };
      },
      onResponse(status, body, context) {
        tally(status, body);
        context.id = status === 201 ? JSON.parse(body).schedule.id : undefined;
      },
    },
    {
      method: 'PUT',
      setupRequest(request, context) {
        // Nothing to change when the create did not answer an id: start over.
        if (!context.id) return false;
        return {
          ...request,
          path: `${schedules}/${context.id}`,
          body: JSON.stringify({ name: `${context.name}-e`, days: [2], time: '05:30' }),
        };
      },
      onResponse: (status, body) => tally(status, body),
    },
    {
      method: 'DELETE',
      setupRequest(request, context) {
        if (!context.id) return false;
        return { ...request, path: `${schedules}/${context.id}`, body: undefined };
      },
      onResponse: (status, body) => tally(status, body),
    },
  ],
});
clearInterval(faulting);
control.clearFaults();
// Requests autocannon stopped waiting for (a hung call) finish before anything is counted or closed.
for (let waited = 0; control.inFlight.current > 0 && waited < 5_000; waited += 50) {
  await new Promise((resolve) => setTimeout(resolve, 50));
}
await new Promise((resolve) => setTimeout(resolve, 200));

// Duplicates: a name made by one create showing on two rows (an edit renames with `-e`).
let duplicates = 0;
for (const operator of operators) {
  const names = control
    .schedulesOf(operator.username, INSTANCE)
    .map((s) => s.name.replace(/-e$/, ''))
    .filter((name) => name.startsWith('load-'));
  duplicates += names.length - new Set(names).size;
}

await app.close();
await emulator.close();
const heapAfter = heapMb();

const figures = {
  durationS: DURATION_S,
  operators: OPERATORS,
  requests: result.requests.total,
  requestsPerSecond: Math.round(result.requests.average),
  latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  creates,
  faultsInjected: injected,
  statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
  unexpected5xx: unexpected.length,
  duplicates,
  errors: result.errors,
  timeouts: result.timeouts,
  heapMb: { before: +heapBefore.toFixed(1), after: +heapAfter.toFixed(1) },
};
console.log(JSON.stringify(figures, null, 2));
for (const line of unexpected.slice(0, 5)) console.error(`unexpected: ${line}`);

// Memory steady: the heap after the run (BFF and emulator closed) within 20 MB of before.
const steady = heapAfter - heapBefore < 20;
const ok = unexpected.length === 0 && duplicates === 0 && steady && result.requests.total > 0;
console.log(ok ? 'load: passed' : 'load: FAILED');
process.exit(ok ? 0 : 1);
