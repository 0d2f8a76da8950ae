// `npm test`: install from the lockfile, then lint, format check, typecheck, build, every vitest
// suite and the whole Playwright suite in Chromium. The static checks run in two lanes at once (the
// machine has two cores; each lane's output is shown when its check ends); the tests run one suite
// after the other, each using both cores. Runs every check even after one fails; prints each
// phase's time at the end and exits non-zero if any check failed.
import { performance } from 'node:perf_hooks';
import {
  ensureChromium,
  ensureRedis,
  pnpm,
  pnpmCollected,
  run,
  runCollected,
  step,
} from './lib.mjs';

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
  timings.push([title, performance.now() - from]);
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

const lanes = [
  async () => {
    await check('lint (eslint)', () => pnpmCollected('exec', 'eslint', '.', '--max-warnings=0'), {
      collected: true,
    });
    await check(
      'format (prettier --check)',
      () => pnpmCollected('exec', 'prettier', '--check', '.'),
      {
        collected: true,
      },
    );
  },
  async () => {
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
    if (
      (await check('build', () => pnpmCollected('-r', 'run', 'build'), { collected: true })) !== 0
    ) {
      return;
    }
    await check(
      'web bundle size budget',
      () => runCollected(process.execPath, ['scripts/check-bundle-size.mjs']),
      { collected: true },
    );
  },
];
await Promise.all(lanes.map((lane) => lane()));

await check('unit and integration tests (vitest)', () => pnpm('exec', 'vitest', 'run'));
if (!failed.includes('build')) {
  await check('load smoke (3 s of npm run load)', () =>
    run(process.execPath, ['--expose-gc', 'scripts/load.mjs', '--duration', '3']),
  );
}
// Nothing to run end to end without a build.
if (!failed.includes('build')) {
  await check('end-to-end tests (playwright, chromium)', () => pnpm('exec', 'playwright', 'test'));
}

console.log('\n=== time per phase ===');
for (const [title, ms] of timings) console.log(`${(ms / 1000).toFixed(1).padStart(7)} s  ${title}`);
console.log(
  `${((performance.now() - started) / 1000).toFixed(1).padStart(7)} s  total (two lanes overlap)`,
);

console.log('\n=== summary ===');
if (failed.length > 0) {
  console.log(`failed: ${failed.join('; ')}`);
  process.exit(1);
}
console.log('all checks passed');
