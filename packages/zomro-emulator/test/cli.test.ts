// The standalone emulator: `npm run emulator` serves it and prints where and how to sign in.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const children: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
});

function startCli(env: Record<string, string>, args: string[] = []) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=source', 'src/cli.ts', ...args],
    { cwd: packageDir, env: { ...process.env, ...env } },
  );
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const banner = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (/test control (on|off)/.test(stdout)) resolve(stdout);
    });
    child.on('exit', (code) => reject(new Error(`cli exited ${code}: ${stderr}`)));
  });
  // A test that expects the CLI to fail never awaits the banner; its rejection is no error then.
  banner.catch(() => undefined);
  return { child, banner, exited, stderr: () => stderr };
}

describe('cli', () => {
  it('serves the emulator, prints both demo accounts and stops on SIGTERM', async () => {
    const cli = startCli({ EMULATOR_PORT: '0' }, ['--test-control']);
    const banner = await cli.banner;
    expect(banner).toContain('account demo / demo');
    expect(banner).toMatch(/account demo2fa \/ demo2fa \(two-factor, TOTP secret [A-Z2-7]+\)/);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(banner)?.[1] ?? '';
    const auth = await fetch(url, {
      method: 'POST',
      body: new URLSearchParams({ func: 'auth', username: 'demo', password: 'demo', out: 'json' }),
    });
    expect(((await auth.json()) as { doc: { auth?: unknown } }).doc.auth).toBeDefined();
    expect((await fetch(new URL('__emulator/calls', url))).status).toBe(200);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });

  it('keeps the test control off unless asked', async () => {
    const cli = startCli({ EMULATOR_PORT: '0', EMULATOR_TEST_CONTROL: 'false' });
    const banner = await cli.banner;
    const url = /listening on (\S+)/.exec(banner)?.[1] ?? '';
    expect((await fetch(new URL('__emulator/calls', url))).status).toBe(404);
  });

  it('refuses a port that is not a number', async () => {
    const cli = startCli({ EMULATOR_PORT: 'eighty' });
    expect(await cli.exited).toBe(1);
    expect(cli.stderr()).toContain('EMULATOR_PORT');
  });
});
