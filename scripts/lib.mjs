// Helpers for the root scripts: run pnpm through corepack (no global install needed) and
// find or install the Chromium that Playwright drives.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const env = { ...process.env, COREPACK_ENABLE_DOWNLOAD_PROMPT: '0' };

/** Runs a command with inherited output; resolves to its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env, ...options });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      console.error(`could not run ${command}: ${error.message}`);
      resolve(1);
    });
  });
}

export const pnpm = (...args) => run('corepack', ['pnpm', ...args]);

/** Runs a command with its output collected instead of shown; resolves to { code, output }. */
export function runCollected(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.on('close', (code, signal) =>
      resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString() }),
    );
    child.on('error', (error) =>
      resolve({ code: 1, output: `could not run ${command}: ${error.message}\n` }),
    );
  });
}

export const pnpmCollected = (...args) => runCollected('corepack', ['pnpm', ...args]);

/**
 * Runs `command` through `sh`, whose `times` then reports the CPU seconds (user + system) that the
 * command and every process it waited for used. `nice`: run at that lower priority (a check that
 * has no time-outs, so that the tests beside it keep the CPU they need); `extraEnv`: variables
 * added to its environment. Resolves to
 * { code, output, cpuSeconds } (output only when `collected`).
 */
export async function measured(command, args, { collected = false, nice = 0, extraEnv = {} } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'npm-test-times-'));
  const timesFile = path.join(dir, 'times');
  const niced =
    nice > 0 && existsSync('/usr/bin/nice') ? ['/usr/bin/nice', '-n', String(nice)] : [];
  const shellArgs = [
    '-c',
    '"$@"; code=$?; times > "$0"; exit $code',
    timesFile,
    ...niced,
    command,
    ...args,
  ];
  const options = { env: { ...env, ...extraEnv } };
  const result = collected
    ? await runCollected('sh', shellArgs, options)
    : { code: await run('sh', shellArgs, options), output: '' };
  let cpuSeconds = null;
  try {
    // The second line: the children's user and system time, e.g. `1m2.500000s 0m3.250000s`.
    const children = readFileSync(timesFile, 'utf8').trim().split('\n')[1] ?? '';
    const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map(
      ([, minutes, rest]) => Number(minutes) * 60 + Number(rest),
    );
    if (seconds.length === 2) cpuSeconds = seconds[0] + seconds[1];
  } catch {
    // No `times` report (the shell was killed): the CPU time stays unknown.
  }
  rmSync(dir, { recursive: true, force: true });
  return { ...result, cpuSeconds };
}

export function step(title) {
  console.log(`\n=== ${title} ===`);
}

/** The browser Playwright should launch: CHROMIUM_PATH, else Debian's chromium, else Playwright's own. */
export function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Installs a Chromium when none is found: Debian's package as root, Playwright's download elsewhere. */
export async function ensureChromium() {
  if (findChromium()) return 0;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { env }).status === 0;
  if (isRoot && hasApt) {
    step('installing Chromium (apt-get install -y chromium)');
    const updated = await run('apt-get', ['update']);
    if (updated !== 0) return updated;
    return run('apt-get', ['install', '-y', 'chromium'], {
      env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  step('installing Chromium (playwright install chromium)');
  return pnpm('exec', 'playwright', 'install', 'chromium');
}

/** The redis-server the Redis tests and `npm run start:cluster` start: REDIS_SERVER_PATH or PATH. */
export function findRedisServer() {
  if (process.env.REDIS_SERVER_PATH) return process.env.REDIS_SERVER_PATH;
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { env, encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim() !== '') return found.stdout.trim();
  return existsSync('/usr/sbin/redis-server') ? '/usr/sbin/redis-server' : undefined;
}

/** Installs Debian's redis-server when none is found and this runs as root with apt-get. */
export async function ensureRedis() {
  if (findRedisServer()) return 0;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { env }).status === 0;
  if (!isRoot || !hasApt) {
    console.error('redis-server is missing: install Redis (or set REDIS_SERVER_PATH).');
    return 1;
  }
  step('installing Redis (apt-get install -y redis-server)');
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  // The package's service is not wanted: tests and start:cluster start their own servers.
  const installed = await run(
    'apt-get',
    ['install', '-y', '--no-install-recommends', 'redis-server'],
    { env: aptEnv },
  );
  if (installed === 0) return 0;
  const updated = await run('apt-get', ['update']);
  if (updated !== 0) return updated;
  return run('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server'], {
    env: aptEnv,
  });
}
