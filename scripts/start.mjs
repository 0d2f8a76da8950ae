// `npm start`: install from the lockfile, build every package, then run the production BFF, which
// serves the built SPA and /api (and embeds the Zomro emulator when ZOMRO_API_URL is unset).
import { pnpm, run, step } from './lib.mjs';

step('install (frozen lockfile)');
if ((await pnpm('install', '--frozen-lockfile')) !== 0) process.exit(1);
step('build');
if ((await pnpm('-r', 'run', 'build')) !== 0) process.exit(1);
step('start');
process.exit(await run(process.execPath, ['apps/bff/dist/server.js']));
