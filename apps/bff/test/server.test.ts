// The server as `npm start` runs it (through tsx here): a bad setting stops it with a message naming
// the variable; a good start embeds the emulator, logs its URL and the demo accounts, serves the
// API, and stops cleanly on SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

const PACKAGE_DIR = path.resolve(import.meta.dirname, '..');
const TSX = path.join(PACKAGE_DIR, 'node_modules/.bin/tsx');
const ARGS = ['--conditions=source', 'src/server.ts'];

function envWith(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  return { ...env, ...extra };
}

describe('server', () => {
  // Every variable's check is in config.test.ts; this is about the process stopping.
  it('refuses to start with a bad value, naming the variable', () => {
    const result = spawnSync(TSX, ARGS, {
      cwd: PACKAGE_DIR,
      env: envWith({ ZOMRO_TIMEOUT_MS: 'soon' }),
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration: ZOMRO_TIMEOUT_MS');
  }, 30_000);

  it('starts with the embedded emulator, serves the API and stops on SIGTERM', async () => {
    // Node itself with tsx's loader (not the tsx CLI, which relays signals): the signals below
    // reach the server's own process.
    const child = spawn(process.execPath, ['--import', 'tsx', ...ARGS], {
      cwd: PACKAGE_DIR,
      env: envWith({
        PORT: '0',
        LOG_LEVEL: 'info',
        WEB_DIST_DIR: '/nonexistent',
        AUDIT_LOG_PATH: path.join(mkdtempSync(path.join(tmpdir(), 'bff-server-')), 'audit.log'),
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines: Array<{ msg: string; emulatorUrl?: string }> = [];
    const listening = new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const entry = JSON.parse(line) as { msg: string; emulatorUrl?: string };
        lines.push(entry);
        const match = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(entry.msg);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    const base = await listening;
    expect(lines[0]?.msg).toContain('embedded Zomro emulator');
    expect(lines[0]?.emulatorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(lines[1]?.msg).toContain('demo / demo');
    expect(lines[1]?.msg).toContain('demo2fa');
    // The plain banner (stderr; stdout stays JSON): where to go, both accounts, a code's way.
    await expect.poll(() => stderr).toContain(`open ${base}/`);
    expect(stderr).toContain('demo / demo');
    expect(stderr).toContain('demo2fa / demo2fa');
    expect(stderr).toContain('TOTP secret JBSWY3DPEHPK3PXP');
    expect(stderr).toContain('npm run totp');

    const health = await fetch(`${base}/api/health`);
    expect(await health.json()).toEqual({
      status: 'ok',
      upstream: 'emulator',
      mode: 'personal',
      store: 'memory',
    });
    const signIn = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo', password: 'demo' }),
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const schedules = await fetch(`${base}/api/instances/5203773/schedules`, {
      headers: { cookie },
    });
    expect(await schedules.json()).toMatchObject({ schedules: [{ id: '14' }] });

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    // Twice, as a process manager may (and the tsx CLI's relay does when its child is slow to
    // report the first): the second must not cut the graceful stop short.
    child.kill('SIGTERM');
    await expect.poll(() => lines.some((line) => line.msg === 'shutting down')).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(lines.at(-1)?.msg).toBe('stopped');
  }, 30_000);
});
