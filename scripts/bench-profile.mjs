// Where the BFF's CPU time goes while it lists schedules (issue 12, decisions 015 and 019), not part
// of `npm test`: the built BFF as `npm start` runs it (default logging) under `node --cpu-prof`,
// against the standalone emulator, one instance's schedules listed by autocannon for a while; then
// its own time per part of the stack (undici, Fastify, logging, zod, Node's modules, …) over the
// measured stretch (start-up and sign-in left out) and the busiest functions.
// Needs a build (`npm run build`).
//   node scripts/bench-profile.mjs [--seconds=10] [--clients=10] [--latency=0]
//     [--bff=apps/bff/dist/server.js] (another build of the BFF, e.g. an older commit's)
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { measure } from './bench/load.mjs';
import { freePort, mainThreadCpuMs, stopAll } from './bench/processes.mjs';
import { summarize } from './bench/profile-summary.mjs';
import { signInToBff, startBffProcess, startEmulatorProcess } from './bench/servers.mjs';
import { step } from './lib.mjs';

const option = (name, fallback) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const SECONDS = Number(option('seconds', 10));
const CLIENTS = Number(option('clients', 10));
const LATENCY = Number(option('latency', 0));
const BFF_SCRIPT = option('bff', 'apps/bff/dist/server.js');
const INSTANCE = '5203773';

const profileDir = mkdtempSync(path.join(os.tmpdir(), 'bff-profile-'));

step(`start the emulator and the BFF (${BFF_SCRIPT}) under --cpu-prof`);
const { url: emulator, control } = await startEmulatorProcess(await freePort());
const { child: bffProcess, url: bff } = await startBffProcess({
  port: await freePort(),
  emulatorUrl: emulator,
  script: BFF_SCRIPT,
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=100'],
  auditDir: profileDir,
});
await control('latency', { fixedMs: LATENCY });
const cookie = await signInToBff(bff, await (await control('accounts')).json());
const request = {
  url: bff,
  path: `/api/instances/${INSTANCE}/schedules`,
  headers: { cookie },
  connections: CLIENTS,
};

step(`warm-up (1 s), then ${SECONDS} s listing at ${CLIENTS} clients, ${LATENCY} ms upstream`);
await measure({ ...request, duration: 1 });
const measuredFrom = performance.now();
const cpuBefore = mainThreadCpuMs(bffProcess.pid);
const result = await measure({ ...request, duration: SECONDS });
const cpuMs = mainThreadCpuMs(bffProcess.pid) - cpuBefore;
await stopAll();
// The measured stretch and the stop after it, counted back from the profile's end (written at exit).
const lastUs = (performance.now() - measuredFrom) * 1000;

const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
if (!file) throw new Error(`no profile in ${profileDir}`);
const summary = summarize(JSON.parse(readFileSync(path.join(profileDir, file), 'utf8')), {
  lastUs,
});
const pct = (share) => `${(share * 100).toFixed(1)}%`;
const perRequestUs = (share) => ((share * cpuMs * 1000) / result.requests).toFixed(0);
console.log(
  `\n${result.requests} requests (${(result.requests / result.seconds).toFixed(0)}/s), ` +
    `p50 ${result.p50.toFixed(2)} ms, non-2xx ${result.non2xx}; BFF main thread ` +
    `${(cpuMs / result.requests).toFixed(3)} ms CPU per request; load average ` +
    `${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}; profile ${path.join(profileDir, file)}\n`,
);
console.log('| share of the BFF’s own time | µs per request | where |\n|---|---|---|');
for (const { name, share } of summary.categories) {
  console.log(`| ${pct(share)} | ${perRequestUs(share)} | ${name} |`);
}
console.log('\n| share | busiest functions (self time) |\n|---|---|');
for (const { name, share } of summary.functions) console.log(`| ${pct(share)} | ${name} |`);
