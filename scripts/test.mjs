// `npm test`: install from the lockfile, then lint, format check, typecheck, build, every vitest
// suite and the whole Playwright suite in Chromium (docs/decisions/070-test-suite-speed.md).
// The tests (vitest, then Playwright, then the load smoke) run one after the other at normal
// priority: each has time-outs and the machine's two cores to itself. The checks that have no
// time-outs (lint, typecheck, format) run beside them at the lowest priority, on the CPU the tests
// leave idle; the build runs beside vitest at normal priority, since Playwright waits for it.
// Each check's output is shown when it ends. Runs every check even after one fails; prints each
// phase's wall time, CPU seconds and when it started and ended, and the number of tests run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureChromium, ensureRedis, measured, step } from './lib.mjs';

const started = performance.now();
/** [title, from ms, to ms, CPU seconds | null] per check. */
const timings = [];
const failed = [];
/** Tests run, by runner. */
const counts = {};

/** The lowest priority: static checks yield the CPU to the tests beside them. */
const IDLE = 19;

/**
 * Runs one check (`commands`: [command, args] pairs run at once), records its time, CPU and
 * outcome; `collected` checks print their output at the end. Resolves to { code, output }.
 */
async function check(title, commands, { collected = true, nice = 0, extraEnv = {} } = {}) {
  const from = performance.now();
  if (!collected) step(title);
  const results = await Promise.all(
    commands.map(([command, args]) => measured(command, args, { collected, nice, extraEnv })),
  );
  const code = results.some((result) => result.code !== 0) ? 1 : 0;
  const output = results.map((result) => result.output).join('');
  if (collected) {
    step(title);
    process.stdout.write(output);
  }
  const cpu = results.every((result) => result.cpuSeconds !== null)
    ? results.reduce((sum, result) => sum + result.cpuSeconds, 0)
    : null;
  timings.push([title, from - started, performance.now() - started, cpu]);
  if (code !== 0) failed.push(title);
  return { code, output };
}

const pnpmArgs = (...args) => ['corepack', ['pnpm', ...args]];

if (
  (
    await check('install (frozen lockfile)', [pnpmArgs('install', '--frozen-lockfile')], {
      collected: false,
    })
  ).code !== 0
) {
  process.exit(1);
}
for (const [title, ensure, missing] of [
  [
    'Chromium present',
    ensureChromium,
    'No Chromium could be installed; set CHROMIUM_PATH to a Chromium binary.',
  ],
  // The Redis store tests start their own redis-server on a free port (and stop it).
  [
    'redis-server present',
    ensureRedis,
    'No redis-server could be installed; the Redis store tests need one.',
  ],
]) {
  const from = performance.now();
  step(title);
  const code = await ensure();
  timings.push([title, from - started, performance.now() - started, null]);
  if (code !== 0) {
    console.error(missing);
    process.exit(1);
  }
}

// The web's build script type-checks before `vite build`; the typecheck check already does that
// (same tsconfig), so here only the rest of the script runs. Any other build script runs whole.
const WEB_TYPECHECK = 'tsc -p tsconfig.json --noEmit && ';
const webBuild = JSON.parse(readFileSync('apps/web/package.json', 'utf8')).scripts.build;
const buildCommands = webBuild.startsWith(WEB_TYPECHECK)
  ? [
      pnpmArgs('-r', '--filter', '!@zomro-dash/web', 'run', 'build'),
      pnpmArgs(
        '--filter',
        '@zomro-dash/web',
        'exec',
        'sh',
        '-c',
        webBuild.slice(WEB_TYPECHECK.length),
      ),
    ]
  : [pnpmArgs('-r', 'run', 'build')];

/** Strips terminal colours, so that runner summaries can be read. */
// eslint-disable-next-line no-control-regex -- the escape character is what colours start with
const plain = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');

let resolveBuilt;
/** Resolves with whether the build succeeded. */
const built = new Promise((resolve) => (resolveBuilt = resolve));

const tests = async () => {
  const vitest = await check('unit and integration tests (vitest)', [
    pnpmArgs('exec', 'vitest', 'run'),
  ]);
  // Vitest's summary: `Tests  600 passed (600)` or `Tests  1 failed | 599 passed (600)`.
  const tally = /^\s*Tests\s.*\((\d+)\)\s*$/m.exec(plain(vitest.output));
  if (tally) counts.vitest = Number(tally[1]);
  // Nothing to run end to end without a build.
  if (!(await built)) return;
  const reportDir = mkdtempSync(path.join(tmpdir(), 'npm-test-playwright-'));
  const report = path.join(reportDir, 'report.json');
  await check(
    'end-to-end tests (playwright, chromium)',
    [pnpmArgs('exec', 'playwright', 'test', '--reporter=list,json')],
    { collected: false, extraEnv: { PLAYWRIGHT_JSON_OUTPUT_NAME: report } },
  );
  try {
    const { stats } = JSON.parse(readFileSync(report, 'utf8'));
    counts.playwright = stats.expected + stats.unexpected + stats.flaky + stats.skipped;
  } catch {
    // No report: Playwright did not get as far as running tests; its output says why.
  }
  rmSync(reportDir, { recursive: true, force: true });
  await check('load smoke (3 s of npm run load)', [
    [process.execPath, ['--expose-gc', 'scripts/load.mjs', '--duration', '3']],
  ]);
};

const staticChecks = async () => {
  const build = await check('build', buildCommands);
  resolveBuilt(build.code === 0);
  if (build.code === 0) {
    await check('web bundle size budget', [[process.execPath, ['scripts/check-bundle-size.mjs']]], {
      nice: IDLE,
    });
  }
  await check('lint (eslint)', [pnpmArgs('exec', 'eslint', '.', '--max-warnings=0')], {
    nice: IDLE,
  });
  await check(
    'typecheck',
    [pnpmArgs('-r', 'run', 'typecheck'), pnpmArgs('exec', 'tsc', '-p', 'tsconfig.json')],
    { nice: IDLE },
  );
  await check('format (prettier --check)', [pnpmArgs('exec', 'prettier', '--check', '.')], {
    nice: IDLE,
  });
};

await Promise.all([tests(), staticChecks()]);

const seconds = (ms) => (ms / 1000).toFixed(1).padStart(7);
const cpuText = (cpu) => (cpu === null ? '      –' : cpu.toFixed(1).padStart(7));
console.log('\n=== time per phase (wall s, CPU s; from and to: seconds since the start) ===');
for (const [title, from, to, cpu] of timings) {
  console.log(
    `${seconds(to - from)} s ${cpuText(cpu)} cpu  ${title}  (${seconds(from).trim()}–${seconds(to).trim()})`,
  );
}
const cpuTotal = timings.reduce((sum, [, , , cpu]) => sum + (cpu ?? 0), 0);
console.log(`${seconds(performance.now() - started)} s ${cpuText(cpuTotal)} cpu  total`);
console.log(
  `\ntests run: vitest ${counts.vitest ?? 'unknown'}, Playwright ${counts.playwright ?? 'unknown'}`,
);

console.log('\n=== summary ===');
if (failed.length > 0) {
  console.log(`failed: ${failed.join('; ')}`);
  process.exit(1);
}
console.log('all checks passed');
