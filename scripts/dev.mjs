// `npm run dev`: the BFF in watch mode (TypeScript sources, embedded emulator unless
// ZOMRO_API_URL is set) and Vite with hot reload, which proxies /api to it.
import { spawn } from 'node:child_process';
import { env, pnpm, step } from './lib.mjs';

step('install (frozen lockfile)');
if ((await pnpm('install', '--frozen-lockfile')) !== 0) process.exit(1);

const children = [
  spawn('corepack', ['pnpm', '--filter', '@zomro-dash/bff', 'run', 'dev'], {
    stdio: 'inherit',
    env,
  }),
  spawn('corepack', ['pnpm', '--filter', '@zomro-dash/web', 'run', 'dev'], {
    stdio: 'inherit',
    env,
  }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', stop);
