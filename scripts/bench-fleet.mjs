// Benchmark of the fleet overview (GET /api/schedules), not part of `npm test` (`npm run bench`
// runs it too and writes it to docs/benchmarks.md): by default 200 instances at 50 ms upstream
// latency, FLEET_CONCURRENCY 4, against the floor
// (instance-list pages + one schedule list per instance) × latency ÷ concurrency.
// Needs a build (`npm run build`). Usage: node scripts/bench-fleet.mjs [instances] [latencyMs] [runs]
import { FLEET_CONCURRENCY, fleetTable, measureFleet } from './bench/fleet.mjs';

const instances = Number(process.argv[2] ?? 200);
const latencyMs = Number(process.argv[3] ?? 50);
const runs = Number(process.argv[4] ?? 7);

console.log(
  `Fleet overview: ${instances} instances, ${latencyMs} ms latency, concurrency ${FLEET_CONCURRENCY}, ${runs} runs`,
);
const results = [];
for (const pageSize of [5, 50]) {
  results.push(await measureFleet({ instances, latencyMs, runs, pageSize }));
}
console.log(fleetTable(results));
