// `npm test`: install from the lockfile, then lint, format check, typecheck, build, every vitest
// suite and the whole Playwright suite in Chromium. Two lanes share the machine's two cores
// (docs/decisions/070-test-suite-speed.md): the build and then Playwright, which needs it and takes
// longest; beside them vitest (it reads the sources and needs no build), lint, the format check,
// the typecheck and, once the build is there, the load smoke. Each check's output is shown when it
// ends. Runs every check even after one fails; prints each phase's time (and when it started and
// ended) at the end and exits non-zero if any check failed.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ensureChromium, ensureRedis, pnpm, pnpmCollected, runCollected, step } from './lib.mjs';

const started = performance.now();
const timings = [];
const failed = [];

/** Runs one check, records its time and outcome; `collected` checks print their output at the end. */
async function check(title, command, { collected = false } = {}) {
  const from = performance.now();
  if (!collected) step(title);
  const result = await command();
  const { code, output } = typeof result === 'number' ? { code: result, output: '' } : result;
  if (collected) {
    step(title);
    process.stdout.write(output);
  }
  timings.push([title, from - started, performance.now() - started]);
  if (code !== 0) failed.push(title);
  return code;
}

if ((await check('install (frozen lockfile)', () => pnpm('install', '--frozen-lockfile'))) !== 0) {
  process.exit(1);
}
if ((await check('Chromium present', ensureChromium)) !== 0) {
  console.error('No Chromium could be installed; set CHROMIUM_PATH to a Chromium binary.');
  process.exit(1);
}
// The Redis store tests start their own redis-server on a free port (and stop it).
if ((await check('redis-server present', ensureRedis)) !== 0) {
  console.error('No redis-server could be installed; the Redis store tests need one.');
  process.exit(1);
}

// The web's build script type-checks before `vite build`; the typecheck check already does that
// (same tsconfig), so here only the rest of the script runs. Any other build script runs whole.
const WEB_TYPECHECK = 'tsc -p tsconfig.json --noEmit && ';
const webBuild = JSON.parse(readFileSync('apps/web/package.json', 'utf8')).scripts.build;

async function build() {
  if (!webBuild.startsWith(WEB_TYPECHECK)) return pnpmCollected('-r', 'run', 'build');
  const results = await Promise.all([
    pnpmCollected('-r', '--filter', '!@zomro-dash/web', 'run', 'build'),
    pnpmCollected(
      '--filter',
      '@zomro-dash/web',
      'exec',
      'sh',
      '-c',
      webBuild.slice(WEB_TYPECHECK.length),
    ),
  ]);
  return {
    code: results.some((result) => result.code !== 0) ? 1 : 0,
    output: results.map((result) => result.output).join(''),
  };
}

let resolveBuilt;
/** Resolves with whether the build succeeded. */
const built = new Promise((resolve) => (resolveBuilt = resolve));

const lanes = [
  async () => {
    const ok = (await check('build', build, { collected: true })) === 0;
    resolveBuilt(ok);
    // Nothing to measure or run end to end without a build.
    if (!ok) return;
    await check(
      'web bundle size budget',
      () => runCollected(process.execPath, ['scripts/check-bundle-size.mjs']),
      { collected: true },
    );
    await check('end-to-end tests (playwright, chromium)', () =>
      pnpm('exec', 'playwright', 'test'),
    );
  },
  async () => {
    await check(
      'unit and integration tests (vitest)',
      () => pnpmCollected('exec', 'vitest', 'run'),
      {
        collected: true,
      },
    );
    await check('lint (eslint)', () => pnpmCollected('exec', 'eslint', '.', '--max-warnings=0'), {
      collected: true,
    });
    await check(
      'typecheck',
      async () => {
        const packages = await pnpmCollected('-r', 'run', 'typecheck');
        if (packages.code !== 0) return packages;
        const root = await pnpmCollected('exec', 'tsc', '-p', 'tsconfig.json');
        return { code: root.code, output: packages.output + root.output };
      },
      { collected: true },
    );
    await check(
      'format (prettier --check)',
      () => pnpmCollected('exec', 'prettier', '--check', '.'),
      {
        collected: true,
      },
    );
    if (await built) {
      await check(
        'load smoke (3 s of npm run load)',
        () =>
          runCollected(process.execPath, ['--expose-gc', 'scripts/load.mjs', '--duration', '3']),
        { collected: true },
      );
    }
  },
];
await Promise.all(lanes.map((lane) => lane()));

const seconds = (ms) => (ms / 1000).toFixed(1).padStart(7);
console.log('\n=== time per phase (from and to: seconds since the start; two lanes overlap) ===');
for (const [title, from, to] of timings) {
  console.log(`${seconds(to - from)} s  ${title}  (${seconds(from).trim()}–${seconds(to).trim()})`);
}
console.log(`${seconds(performance.now() - started)} s  total`);

console.log('\n=== summary ===');
if (failed.length > 0) {
  console.log(`failed: ${failed.join('; ')}`);
  process.exit(1);
}
console.log('all checks passed');
