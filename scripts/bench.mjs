// `npm run bench`: how much the BFF adds to a Zomro call. Against the standalone emulator at 0 ms and
// 50 ms added latency, side by side: the Zomro call straight to the emulator, the same call through a
// bare @fastify/http-proxy relay (the floor of a Node relay), and the same operation through the BFF
// as `npm start` runs it (default logging included); p50/p99 and requests per second at 1, 10 and 50
// concurrent clients, for listing and for creating. Prints a table and writes it to
// docs/benchmarks.md (between the BENCH markers) with the machine it ran on. Not part of `npm test`.
//   node scripts/bench.mjs [--no-build] [--seconds=5] [--no-write]
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measure } from './bench/load.mjs';
import { freePort, startNode, stopAll } from './bench/processes.mjs';
import { pnpm, step } from './lib.mjs';

const args = new Set(process.argv.slice(2));
const seconds = Number(
  [...args].find((a) => a.startsWith('--seconds='))?.slice('--seconds='.length) ?? 5,
);
const LATENCIES = [0, 50];
const CONNECTIONS = [1, 10, 50];
// Instances of the emulator's demo data that take changes; creates go round-robin over them.
const ACTIVE = ['5203773', '5203801', '5203802', '5203815', '5204133', '5204201'];
const LIST_INSTANCE = ACTIVE[0];

if (!args.has('--no-build')) {
  step('build');
  if ((await pnpm('-r', 'run', 'build')) !== 0) process.exit(1);
}

step('start the emulator, the bare relay and the BFF (each its own process)');
const [emuPort, relayPort, bffPort] = [await freePort(), await freePort(), await freePort()];
const emulator = `http://127.0.0.1:${emuPort}`;
const relay = `http://127.0.0.1:${relayPort}`;
const bff = `http://127.0.0.1:${bffPort}`;
await startNode(
  'emulator',
  'packages/zomro-emulator/dist/cli.js',
  { EMULATOR_PORT: String(emuPort), EMULATOR_TEST_CONTROL: 'true' },
  `${emulator}/__emulator/calls`,
);
await startNode(
  'relay',
  'scripts/bench/relay.mjs',
  { UPSTREAM: emulator, PORT: String(relayPort) },
  `${relay}/__emulator/calls`,
);
await startNode(
  'BFF',
  'apps/bff/dist/server.js',
  {
    PORT: String(bffPort),
    HOST: '127.0.0.1',
    ZOMRO_API_URL: `${emulator}/billmgr`,
    AUDIT_LOG_PATH: path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-audit-')), 'audit.log'),
  },
  `${bff}/api/health`,
);

const control = (route, body) =>
  fetch(`${emulator}/__emulator/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });

/** A fresh emulator account, signed in straight to the emulator and through the BFF. */
async function freshAccount() {
  const account = await (await control('accounts')).json();
  const signIn = await fetch(`${emulator}/billmgr`, {
    method: 'POST',
    body: new URLSearchParams({ func: 'auth', out: 'json', sok: 'ok', ...account }),
  });
  const token = (await signIn.json()).doc.auth.$id;
  const session = await fetch(`${bff}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: bff },
    body: JSON.stringify(account),
  });
  if (session.status !== 200) throw new Error(`BFF sign-in answered ${session.status}`);
  const cookie = session.headers.get('set-cookie').split(';')[0];
  return { token, cookie };
}

const form = (params) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ out: 'json', lang: 'en', ...params }).toString(),
});

/** Each request creates on the next instance, so that creates are spread as a team's would be. */
function roundRobin(make) {
  let next = 0;
  return {
    requests: [
      { setupRequest: (request) => ({ ...request, ...make(ACTIVE[next++ % ACTIVE.length]) }) },
    ],
  };
}

const SCHEDULE = { name: 'bench', days: [1, 3, 5], time: '03:30' };

const operations = {
  list: {
    zomro: (token) => ({
      ...form({
        func: 'instances.fleio_bckps.schedule',
        elid: LIST_INSTANCE,
        p_num: '1',
        auth: token,
      }),
    }),
    bff: (cookie) => ({
      method: 'GET',
      path: `/api/instances/${LIST_INSTANCE}/schedules`,
      headers: { cookie },
    }),
  },
  create: {
    zomro: (token) => ({
      ...roundRobin((plid) => ({
        path: '/billmgr',
        ...form({
          func: 'instances.fleio_bckps.schedule.edit',
          plid,
          name: SCHEDULE.name,
          rotation_days: SCHEDULE.days.join(','),
          rotation_time: SCHEDULE.time,
          sok: 'ok',
          auth: token,
        }),
      })),
    }),
    bff: (cookie) => ({
      ...roundRobin((instanceId) => ({
        method: 'POST',
        path: `/api/instances/${instanceId}/schedules`,
        headers: { cookie, origin: bff, 'content-type': 'application/json' },
        body: JSON.stringify(SCHEDULE),
      })),
    }),
  },
};

const rows = [];
const ms = (value) => (Number.isFinite(value) ? value.toFixed(2) : '–');
for (const latency of LATENCIES) {
  await control('latency', { fixedMs: latency });
  for (const [name, operation] of Object.entries(operations)) {
    for (const connections of CONNECTIONS) {
      step(`${name}, ${latency} ms upstream, ${connections} concurrent`);
      const results = {};
      for (const [target, url] of [
        ['direct', `${emulator}/billmgr`],
        ['relay', `${relay}/billmgr`],
        ['bff', bff],
      ]) {
        // A fresh account per run: creates must not lengthen the lists later runs read.
        const { token, cookie } = await freshAccount();
        const request = target === 'bff' ? operation.bff(cookie) : operation.zomro(token);
        results[target] = await measure({ url, connections, duration: seconds, ...request });
      }
      const { direct, relay: relayed, bff: through } = results;
      const row = {
        operation: name,
        latency,
        connections,
        direct,
        relay: relayed,
        bff: through,
        addedP50: through.p50 - direct.p50,
        ofRelay: through.rps / relayed.rps,
      };
      rows.push(row);
      console.log(
        `direct p50 ${ms(direct.p50)} ms, relay ${ms(relayed.p50)} ms, BFF ${ms(through.p50)} ms ` +
          `(+${ms(row.addedP50)}); req/s ${direct.rps.toFixed(0)} / ${relayed.rps.toFixed(0)} / ` +
          `${through.rps.toFixed(0)} (${row.ofRelay.toFixed(2)}× relay)` +
          (through.non2xx + through.errors > 0
            ? `; BFF non-2xx ${through.non2xx}, errors ${through.errors}`
            : ''),
      );
    }
  }
}
stopAll();

const header =
  '| operation | upstream | clients | direct p50 / p99 ms | relay p50 / p99 ms | BFF p50 / p99 ms | BFF added p50 | req/s direct / relay / BFF | BFF ÷ relay |\n' +
  '|---|---|---|---|---|---|---|---|---|';
const lines = rows.map(
  (r) =>
    `| ${r.operation} | ${r.latency} ms | ${r.connections} | ${ms(r.direct.p50)} / ${ms(r.direct.p99)} | ` +
    `${ms(r.relay.p50)} / ${ms(r.relay.p99)} | ${ms(r.bff.p50)} / ${ms(r.bff.p99)} | ` +
    `${r.addedP50 >= 0 ? '+' : ''}${ms(r.addedP50)} ms | ${r.direct.rps.toFixed(0)} / ` +
    `${r.relay.rps.toFixed(0)} / ${r.bff.rps.toFixed(0)} | ${r.ofRelay.toFixed(2)}× |`,
);
const cpus = os.cpus();
const machine =
  `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ` +
  `${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}; ${seconds} s per cell`;
const table = `Measured ${machine}.\n\n${header}\n${lines.join('\n')}\n`;
console.log(`\n${table}`);

if (!args.has('--no-write')) {
  const file = 'docs/benchmarks.md';
  const begin = '<!-- BENCH:BEGIN -->';
  const end = '<!-- BENCH:END -->';
  const current = readFileSync(file, 'utf8');
  const at = current.indexOf(begin);
  const until = current.indexOf(end);
  if (at === -1 || until === -1) throw new Error(`${file} has no ${begin} … ${end} markers`);
  writeFileSync(file, `${current.slice(0, at + begin.length)}\n${table}${current.slice(until)}`);
  console.log(`written to ${file}`);
}
