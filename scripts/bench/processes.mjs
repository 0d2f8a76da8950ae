// Child processes for the benchmark: each server runs in its own Node process, as it would in
// production, and is stopped when the benchmark ends.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const children = new Set();

/** Starts `node [nodeArgs] <script>` with `env` and waits until `readyUrl` answers at all. */
export async function startNode(name, script, env, readyUrl, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: { ...process.env, ...env },
    // The servers' own output (the BFF's request log included) is written, as in production,
    // but not shown: it would bury the table.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    try {
      await fetch(readyUrl);
      return child;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${name} did not start within 30 s`);
}

/** Stops every server; resolves once all have exited (a --cpu-prof profile is written on exit). */
export function stopAll() {
  const exits = [...children].map((child) => new Promise((resolve) => child.once('exit', resolve)));
  for (const child of children) child.kill('SIGTERM');
  return Promise.all(exits);
}

process.once('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stopAll();
    process.exit(130);
  });
}

/**
 * Milliseconds the process's main thread has spent on a CPU (Linux /proc/<pid>/schedstat, exact,
 * unlike the tick-sampled /proc/<pid>/stat); NaN where there is no such file.
 */
export function mainThreadCpuMs(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}
