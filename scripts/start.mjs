// `npm start`: install from the lockfile and build every package — each skipped when nothing it
// depends on changed since it last ran (scripts/build-stamp.mjs) — then run the production BFF,
// which serves the built SPA and /api (and embeds the Zomro emulator when ZOMRO_API_URL is unset).
// Every log line goes to LOG_FILE (default data/bff.log) and the console shows warnings only, so
// the banner stays in view; `LOG_FILE= npm start` logs everything to the console instead.
import { buildHash, installHash, isStale, writeStamp } from './build-stamp.mjs';
import { env, pnpm, run, step } from './lib.mjs';

const root = process.cwd();

const install = installHash(root);
if (isStale(root, 'install', install, ['node_modules/.modules.yaml'])) {
  step('install (frozen lockfile)');
  if ((await pnpm('install', '--frozen-lockfile')) !== 0) process.exit(1);
  writeStamp(root, 'install', install);
} else {
  step('install: up to date');
}

const build = buildHash(root);
if (isStale(root, 'build', build, ['apps/bff/dist/server.js', 'apps/web/dist/index.html'])) {
  step('build');
  if ((await pnpm('-r', 'run', 'build')) !== 0) process.exit(1);
  writeStamp(root, 'build', build);
} else {
  step('build: up to date (no source changed since the last build)');
}

step('start');
const logFile = 'LOG_FILE' in process.env ? process.env.LOG_FILE : 'data/bff.log';
process.exit(
  await run(process.execPath, ['apps/bff/dist/server.js'], {
    env: { ...env, LOG_FILE: logFile },
  }),
);
