// A real redis-server for the tests that need one: on a free port, in a fresh folder, with the
// persistence the README asks for (appendonly yes, appendfsync always). `npm test` installs
// Debian's redis-server when it is missing; without it these tests fail, saying so.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tempDir } from './helper.js';

export function findRedisServer(): string {
  const fromEnv = process.env.REDIS_SERVER_PATH;
  if (fromEnv) return fromEnv;
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const candidate = found.status === 0 ? found.stdout.trim() : '/usr/bin/redis-server';
  if (!existsSync(candidate)) {
    throw new Error(
      'redis-server is not installed: `npm test` installs it (apt-get install -y redis-server, ' +
        'as root); elsewhere install Redis or set REDIS_SERVER_PATH',
    );
  }
  return candidate;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Resolves once the server answers PING on `port`. */
async function waitForPing(port: number, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode})`);
    const answered = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('error', () => resolve(false));
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
      socket.once('connect', () => socket.write('PING\r\n'));
    });
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface TestRedis {
  url: string;
  port: number;
  /** Stops the server (SIGTERM, waits for the exit); its data stays in its folder. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open and nothing answers, like a partition. */
  pause(): void;
  /** Lets a paused server run again (SIGCONT). */
  resume(): void;
}

export async function startRedis(): Promise<TestRedis> {
  const binary = findRedisServer();
  const dir = tempDir('bff-redis-');
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    const process = spawn(
      binary,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
        '--loglevel',
        'warning',
      ],
      { stdio: 'ignore' },
    );
    child = process;
    await waitForPing(port, process);
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      // A paused server must run again to hear SIGTERM.
      running.kill('SIGCONT');
      running.kill('SIGTERM');
    });
  };
  await start();
  const pause = () => child?.kill('SIGSTOP');
  const resume = () => child?.kill('SIGCONT');
  return { url: `redis://127.0.0.1:${port}`, port, stop, start, pause, resume };
}
