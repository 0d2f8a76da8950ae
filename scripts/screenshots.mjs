// `npm run screenshots`: installs, builds, and retakes the README's screenshots
// (docs/screenshots/*.png) with e2e/screenshots.spec.ts against the built app and the emulator's
// demo account. Not part of `npm test`, which must leave the tracked files as they were.
import { ensureChromium, env, pnpm, run } from './lib.mjs';

const steps = [
  () => pnpm('install', '--frozen-lockfile'),
  ensureChromium,
  () => pnpm('-r', 'run', 'build'),
  () =>
    run('corepack', ['pnpm', 'exec', 'playwright', 'test', '--project=screenshots'], {
      env: { ...env, E2E_SCREENSHOTS: 'true' },
    }),
];
for (const runStep of steps) {
  const code = await runStep();
  if (code !== 0) process.exit(code);
}
console.log('\nScreenshots written to docs/screenshots/ (git status shows which changed).');
