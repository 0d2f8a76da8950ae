// `npm test`: install from the lockfile, then lint, typecheck, build, every vitest suite and the
// whole Playwright suite in Chromium. Runs every check even after one fails; exits non-zero if any did.
import { ensureChromium, pnpm, run, step } from './lib.mjs';

step('install (frozen lockfile)');
if ((await pnpm('install', '--frozen-lockfile')) !== 0) process.exit(1);
if ((await ensureChromium()) !== 0) {
  console.error('No Chromium could be installed; set CHROMIUM_PATH to a Chromium binary.');
  process.exit(1);
}

const checks = [
  ['lint (eslint)', () => pnpm('exec', 'eslint', '.', '--max-warnings=0')],
  ['format (prettier --check)', () => pnpm('exec', 'prettier', '--check', '.')],
  [
    'typecheck',
    async () =>
      (await pnpm('-r', 'run', 'typecheck')) || pnpm('exec', 'tsc', '-p', 'tsconfig.json'),
  ],
  ['build', () => pnpm('-r', 'run', 'build')],
  ['web bundle size budget', () => run(process.execPath, ['scripts/check-bundle-size.mjs'])],
  ['unit and integration tests (vitest)', () => pnpm('exec', 'vitest', 'run')],
  [
    'load smoke (3 s of npm run load)',
    () => run(process.execPath, ['--expose-gc', 'scripts/load.mjs', '--duration', '3']),
  ],
  ['end-to-end tests (playwright, chromium)', () => pnpm('exec', 'playwright', 'test')],
];

const failed = [];
for (const [title, check] of checks) {
  step(title);
  const code = await check();
  if (code !== 0) {
    failed.push(title);
    // Nothing to run end to end without a build.
    if (title === 'build') break;
  }
}

console.log('\n=== summary ===');
if (failed.length > 0) {
  console.log(`failed: ${failed.join('; ')}`);
  process.exit(1);
}
console.log('all checks passed');
