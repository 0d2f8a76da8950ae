// `npm run start:cluster`: two BFF processes sharing one Redis behind a tiny round-robin front, to
// see two replicas serve one session. Installs and builds like `npm start` (skip with --no-build),
// then starts Debian's redis-server (appendonly, fsync on every write; data in CLUSTER_DATA_DIR),
// the Zomro emulator (unless ZOMRO_API_URL is set), BFF A and B, and the front on PORT (8080).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { ensureRedis, env, findRedisServer, pnpm, step } from './lib.mjs';

const PORT = Number(process.env.PORT ?? 8080);
const HOST = process.env.HOST ?? '127.0.0.1';
const BFF_PORTS = (process.env.CLUSTER_BFF_PORTS ?? '8081,8082').split(',').map(Number);
const REDIS_PORT = Number(process.env.CLUSTER_REDIS_PORT ?? 6380);
const EMULATOR_PORT = Number(process.env.EMULATOR_PORT ?? 8090);
const DATA_DIR = path.resolve(process.env.CLUSTER_DATA_DIR ?? 'data/cluster');
const build = !process.argv.includes('--no-build');

const children = [];
let stopping = false;

/** `onExit`: what to do when the child stops on its own; by default the whole cluster stops. */
function start(name, command, args, extraEnv = {}, onExit = undefined) {
  const child = spawn(command, args, {
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    if (onExit) return onExit(code, signal);
    console.error(`${name} stopped (${signal ?? code}); stopping the cluster`);
    void stop(1);
  });
  children.push(child);
  return child;
}

async function stop(code) {
  if (stopping) return;
  stopping = true;
  // BFFs first (they close their Redis connections), Redis last.
  for (const child of [...children].reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  }
  process.exit(code);
}

/** Resolves once `url` answers (`anyStatus`: whatever the status). */
async function waitFor(url, anyStatus = false) {
  for (let i = 0; i < 600; i++) {
    try {
      const response = await fetch(url);
      if (anyStatus || response.ok) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer`);
}

async function waitForRedis() {
  for (let i = 0; i < 100; i++) {
    const answered = await new Promise((resolve) => {
      const socket = new net.Socket();
      socket.once('error', () => resolve(false));
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
      socket.connect(REDIS_PORT, '127.0.0.1', () => socket.write('PING\r\n'));
    });
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`redis-server did not answer on port ${REDIS_PORT}`);
}

if (build) {
  step('install (frozen lockfile)');
  if ((await pnpm('install', '--frozen-lockfile')) !== 0) process.exit(1);
  step('build');
  if ((await pnpm('-r', 'run', 'build')) !== 0) process.exit(1);
}
if ((await ensureRedis()) !== 0) process.exit(1);
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));

step(`redis-server on 127.0.0.1:${REDIS_PORT} (data in ${DATA_DIR})`);
mkdirSync(DATA_DIR, { recursive: true, mode: 0o700 });
// appendonly + appendfsync always: every audit entry is on disk before Redis answers.
const redisArgs = [
  '--port',
  String(REDIS_PORT),
  '--bind',
  '127.0.0.1',
  '--dir',
  DATA_DIR,
  '--appendonly',
  'yes',
  '--appendfsync',
  'always',
  '--save',
  '',
  '--loglevel',
  'warning',
];
const redisCommand = [findRedisServer(), ...redisArgs];
const shellWord = (word) =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
// Redis stopping does not stop the cluster: the BFFs answer 503 STORE_UNAVAILABLE (and
// /api/ready 503) until it is back, which is the recovery the README shows. The same command
// (same port, same data) starts it again; it is not this script's child then, so stop it yourself.
start('redis-server', redisCommand[0], redisArgs, {}, (code, signal) => {
  console.error(
    `redis-server stopped (${signal ?? code}); the BFFs and the front keep running and answer ` +
      `503 until it is back. Start it again with:\n  ${redisCommand.map(shellWord).join(' ')}`,
  );
});
await waitForRedis();

let zomroApiUrl = process.env.ZOMRO_API_URL;
if (!zomroApiUrl) {
  step(`Zomro emulator on 127.0.0.1:${EMULATOR_PORT} (shared by both BFFs)`);
  start('emulator', process.execPath, ['packages/zomro-emulator/dist/cli.js'], {
    EMULATOR_PORT: String(EMULATOR_PORT),
  });
  zomroApiUrl = `http://127.0.0.1:${EMULATOR_PORT}/`;
  await waitFor(zomroApiUrl, true);
}

const backends = [];
for (const [i, port] of BFF_PORTS.entries()) {
  const name = `BFF ${'AB'[i] ?? i + 1}`;
  step(`${name} on 127.0.0.1:${port}`);
  start(name, process.execPath, ['apps/bff/dist/server.js'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    ZOMRO_API_URL: zomroApiUrl,
    REDIS_URL: process.env.REDIS_URL ?? `redis://127.0.0.1:${REDIS_PORT}`,
  });
  backends.push({ name, port });
}
await Promise.all(backends.map((b) => waitFor(`http://127.0.0.1:${b.port}/api/health`)));

// The front: each request to the next BFF in turn, as a load balancer would; the response names
// the BFF that answered (X-Served-By) so that the round robin can be seen.
let next = 0;
const front = http.createServer((request, response) => {
  const backend = backends[next++ % backends.length];
  const upstream = http.request(
    {
      host: '127.0.0.1',
      port: backend.port,
      method: request.method,
      path: request.url,
      headers: request.headers,
    },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, {
        ...answer.headers,
        'x-served-by': backend.name,
      });
      answer.pipe(response);
    },
  );
  upstream.on('error', () => {
    if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
    response.end(`${backend.name} did not answer`);
  });
  request.pipe(upstream);
});
front.listen(PORT, HOST, () => {
  step(
    `cluster ready: http://${HOST}:${PORT} → ${backends.map((b) => `${b.name} :${b.port}`).join(', ')}`,
  );
  if (!process.env.ZOMRO_API_URL) console.log('sign in with demo / demo');
});
