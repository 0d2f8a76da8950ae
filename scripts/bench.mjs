// `npm run bench`: how much the BFF adds to a Zomro call. Against the standalone emulator at 0 ms and
// 50 ms added latency, side by side: the Zomro call straight to the emulator, the same call through a
// bare @fastify/http-proxy relay (the floor of a Node relay), and the same operation through the BFF
// as `npm start` runs it (default logging included); p50/p99 and requests per second at 1, 10 and 50
// concurrent clients, for listing and for creating. The three are measured in interleaved rounds
// (decision 019). Then, in Chromium, the time from clicking an instance's link to its schedules on
// the screen (decision 018). Last, the fleet overview of 200 instances at 50 ms upstream against its
// floor (scripts/bench/fleet.mjs). Prints tables and writes them to docs/benchmarks.md (between the
// BENCH, CLICK and FLEET markers) with the machine it ran on and its load. Not part of `npm test`.
//   node scripts/bench.mjs [--no-build] [--seconds=6] [--rounds=3] [--click-runs=7] [--no-click]
//     [--click-only] [--no-fleet] [--fleet-only] [--fleet-runs=7] [--no-write] [--latencies=0,50]
//     [--clients=1,10,50] [--operations=list,create]
import os from 'node:os';
import { measureClickToSchedules } from './bench/click.mjs';
import { measure, percentile } from './bench/load.mjs';
import { FLEET_CONCURRENCY, fleetTable, measureFleet } from './bench/fleet.mjs';
import { benchOperations } from './bench/operations.mjs';
import { freePort, mainThreadCpuMs, startNode, stopAll } from './bench/processes.mjs';
import { machineLine, writeSection } from './bench/report.mjs';
import { signInToBff, startBffProcess, startEmulatorProcess } from './bench/servers.mjs';
import { pnpm, step } from './lib.mjs';

const args = new Set(process.argv.slice(2));
const option = (name, fallback) =>
  Number([...args].find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
/** Seconds each target is measured per cell, split into `rounds` interleaved rounds. */
const seconds = option('seconds', 6);
const rounds = option('rounds', 3);
const clickRuns = option('click-runs', 7);
const list = (name, fallback) =>
  [...args]
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3)
    .split(',') ?? fallback;
/** Only the browser measurement (the latency table stays as it is in docs/benchmarks.md). */
const clickOnly = args.has('--click-only');
/** Only the fleet overview (the other tables stay as they are in docs/benchmarks.md). */
const fleetOnly = args.has('--fleet-only');
const LATENCIES = clickOnly || fleetOnly ? [] : list('latencies', ['0', '50']).map(Number);
const fleetRuns = option('fleet-runs', 7);
const CONNECTIONS = list('clients', ['1', '10', '50']).map(Number);
const OPERATIONS = list('operations', ['list', 'create']);

if (!args.has('--no-build')) {
  step('build');
  if ((await pnpm('-r', 'run', 'build')) !== 0) process.exit(1);
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
const loadAtStart = load();

step('start the emulator, the bare relay and the BFF (each its own process)');
const [emuPort, relayPort, bffPort] = [await freePort(), await freePort(), await freePort()];
const relay = `http://127.0.0.1:${relayPort}`;
const { child: emulatorProcess, url: emulator, control } = await startEmulatorProcess(emuPort);
const relayProcess = await startNode(
  'relay',
  'scripts/bench/relay.mjs',
  { UPSTREAM: emulator, PORT: String(relayPort) },
  `${relay}/__emulator/calls`,
);
const { child: bffProcess, url: bff } = await startBffProcess({
  port: bffPort,
  emulatorUrl: emulator,
});

/** A fresh emulator account, signed in straight to the emulator and through the BFF. */
async function freshAccount() {
  const account = await (await control('accounts')).json();
  const signIn = await fetch(`${emulator}/billmgr`, {
    method: 'POST',
    body: new URLSearchParams({ func: 'auth', out: 'json', sok: 'ok', ...account }),
  });
  const token = (await signIn.json()).doc.auth.$id;
  return { token, cookie: await signInToBff(bff, account) };
}

const operations = benchOperations(bff);

const rows = [];
const ms = (value) => (Number.isFinite(value) ? value.toFixed(2) : '–');
const signed = (value) => `${value >= 0 ? '+' : ''}${ms(value)}`;
const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const TARGETS = {
  direct: { url: `${emulator}/billmgr`, server: emulatorProcess },
  relay: { url: `${relay}/billmgr`, server: relayProcess },
  bff: { url: bff, server: bffProcess },
};

/**
 * One cell: the three targets in interleaved rounds (the order turns each round), so that a burst
 * of load from elsewhere on the machine falls on all three alike. p50 is the median of the rounds'
 * p50s, p99 is over every sample, the added p50 is the median of the rounds' paired differences
 * (BFF − direct in the same round). CPU is the server's main thread per request (the relay's and
 * the BFF's own; the emulator's for direct).
 */
async function cell(operation, connections, name) {
  const names = Object.keys(TARGETS);
  const requests = {};
  // A fresh account per target, and for creates per round too: the BFF lists the instance before
  // and after each create, and lists its creates had lengthened would make each create dearer.
  const account = async (target) => {
    const { token, cookie } = await freshAccount();
    requests[target] = target === 'bff' ? operation.bff(cookie) : operation.zomro(token);
  };
  for (const target of names) {
    await account(target);
    // Warm-up (not counted): connections open, code compiled, caches filled.
    await measure({ url: TARGETS[target].url, connections, duration: 1, ...requests[target] });
  }
  const perRound = Math.max(1, Math.round(seconds / rounds));
  const samples = Object.fromEntries(
    names.map((n) => [n, { p50s: [], latencies: [], seconds: 0, cpuMs: 0, requests: 0, bad: 0 }]),
  );
  const cellRounds = connections === 1 ? rounds * 2 : rounds;
  for (let round = 0; round < cellRounds; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const target of order) {
      if (name === 'create') await account(target);
      const { url, server } = TARGETS[target];
      const cpuBefore = mainThreadCpuMs(server.pid);
      const result = await measure({ url, connections, duration: perRound, ...requests[target] });
      const s = samples[target];
      s.cpuMs += mainThreadCpuMs(server.pid) - cpuBefore;
      s.requests += result.requests;
      s.p50s.push(result.p50);
      s.latencies.push(...result.latencies);
      s.seconds += result.seconds;
      s.bad += result.non2xx + result.errors;
    }
  }
  const summary = {};
  for (const [target, s] of Object.entries(samples)) {
    s.latencies.sort((a, b) => a - b);
    summary[target] = {
      p50: median(s.p50s),
      p99: percentile(s.latencies, 99),
      rps: s.latencies.length / s.seconds,
      cpu: s.cpuMs / s.requests,
      bad: s.bad,
    };
  }
  const paired = (target) =>
    median(samples[target].p50s.map((p50, i) => p50 - samples.direct.p50s[i]));
  return { ...summary, addedP50: paired('bff'), relayAddedP50: paired('relay'), cellRounds };
}

for (const latency of LATENCIES) {
  await control('latency', { fixedMs: latency });
  for (const name of OPERATIONS) {
    const operation = operations[name];
    for (const connections of CONNECTIONS) {
      const loadBefore = os.loadavg()[0];
      step(`${name}, ${latency} ms upstream, ${connections} concurrent (load ${load()})`);
      const result = await cell(operation, connections, name);
      const { direct, relay: relayed, bff: through } = result;
      const row = {
        operation: name,
        latency,
        connections,
        ...result,
        ofRelay: through.rps / relayed.rps,
        load: (loadBefore + os.loadavg()[0]) / 2,
      };
      rows.push(row);
      console.log(
        `direct p50 ${ms(direct.p50)} ms, relay ${ms(relayed.p50)} ms, BFF ${ms(through.p50)} ms ` +
          `(${signed(row.addedP50)}; relay ${signed(row.relayAddedP50)}); req/s ${direct.rps.toFixed(0)} / ` +
          `${relayed.rps.toFixed(0)} / ${through.rps.toFixed(0)} (${row.ofRelay.toFixed(2)}× relay); ` +
          `CPU ms/req relay ${ms(relayed.cpu)}, BFF ${ms(through.cpu)}` +
          (through.bad > 0 ? `; BFF non-2xx or errors: ${through.bad}` : ''),
      );
    }
  }
}
await stopAll();
const loadAfterTable = load();

const header =
  '| operation | upstream | clients | direct p50 / p99 ms | relay p50 / p99 ms | BFF p50 / p99 ms | BFF added p50 | relay added p50 | req/s direct / relay / BFF | BFF ÷ relay | CPU ms/req relay / BFF | load |\n' +
  '|---|---|---|---|---|---|---|---|---|---|---|---|';
const lines = rows.map(
  (r) =>
    `| ${r.operation} | ${r.latency} ms | ${r.connections} | ${ms(r.direct.p50)} / ${ms(r.direct.p99)} | ` +
    `${ms(r.relay.p50)} / ${ms(r.relay.p99)} | ${ms(r.bff.p50)} / ${ms(r.bff.p99)} | ` +
    `${signed(r.addedP50)} ms | ${signed(r.relayAddedP50)} ms | ${r.direct.rps.toFixed(0)} / ` +
    `${r.relay.rps.toFixed(0)} / ${r.bff.rps.toFixed(0)} | ${r.ofRelay.toFixed(2)}× | ` +
    `${ms(r.relay.cpu)} / ${ms(r.bff.cpu)} | ${r.load.toFixed(1)} |`,
);
const machine = machineLine();
const table =
  `Measured ${machine}; load average (1 / 5 / 15 min) ${loadAtStart} at the start, ` +
  `${loadAfterTable} at the end. Per cell and target ${seconds} s in ${rounds} interleaved rounds ` +
  `(1 client: ${seconds * 2} s in ${rounds * 2}), after a 1 s warm-up; "load" is the 1-minute load ` +
  `average during the cell.\n\n${header}\n${lines.join('\n')}\n`;
if (rows.length > 0) console.log(`\n${table}`);

if (!args.has('--no-write') && LATENCIES.length > 0) await writeSection('BENCH', table);

if (!args.has('--no-click') && !fleetOnly) {
  step(`click to schedules in Chromium, ${clickRuns} runs per case (load ${load()})`);
  const before = load();
  const cases = await measureClickToSchedules({ runs: clickRuns });
  await stopAll();
  const labels = {
    cold: 'first visit (fresh browser, pointer moves onto the link and clicks at once)',
    prefetched: 'prefetched (pointer rests on the link until its list has come, then clicks)',
    return: 'return (Back to the overview, the same link again)',
    empty: 'first visit to an instance without schedules (until its empty state shows)',
  };
  const clickTable =
    `Measured ${machine}; load average ${before} before, ${load()} after; ${clickRuns} runs per ` +
    `case after one not counted. Times from the click to the frame that shows the schedules table ` +
    `(or the empty state) ` +
    `(in brackets: to the DOM change that inserted it).\n\n` +
    '| case | median ms | min ms | max ms |\n|---|---|---|---|\n' +
    cases
      .map(
        (c) =>
          `| ${labels[c.scenario]} | ${ms(c.median)} (${ms(c.domMedian)}) | ${ms(c.min)} | ` +
          `${ms(c.max)} |` +
          (c.prefetchSeen ? '' : ' (no prefetch request was seen)'),
      )
      .join('\n') +
    '\n';
  console.log(`\n${clickTable}`);
  if (!args.has('--no-write')) await writeSection('CLICK', clickTable);
}

if (!args.has('--no-fleet') && !clickOnly) {
  await stopAll();
  const before = load();
  step(
    `fleet overview: 200 instances, 50 ms upstream, ${fleetRuns} runs per page size (load ${before})`,
  );
  const results = [];
  for (const pageSize of [5, 50]) {
    results.push(await measureFleet({ instances: 200, latencyMs: 50, runs: fleetRuns, pageSize }));
  }
  const fleetText =
    `Measured ${machineLine()}; load average ${before} before, ${load()} after; 200 instances, ` +
    `50 ms upstream, FLEET_CONCURRENCY ${FLEET_CONCURRENCY}, ${fleetRuns} runs per page size after ` +
    `sign-in.\n\n${fleetTable(results)}`;
  console.log(`\n${fleetText}`);
  if (!args.has('--no-write')) await writeSection('FLEET', fleetText);
}
