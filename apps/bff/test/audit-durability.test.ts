// The audit trail survives the process: a server killed with SIGKILL right after a change was
// acknowledged still has the change's entry when it starts again.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { AuditPage } from '@zomro-dash/shared';
import { describe, expect, it } from 'vitest';

const PACKAGE_DIR = path.resolve(import.meta.dirname, '..');

/** Starts the real server (embedded emulator) and resolves to its URL once it listens. */
function startServer(auditLogPath: string): Promise<{ child: ChildProcess; base: string }> {
  // Node itself with tsx's loader (not the tsx command, which would leave its child running
  // when it is killed): SIGKILL reaches the server.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=source', 'src/server.ts'],
    {
      cwd: PACKAGE_DIR,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: '0',
        LOG_LEVEL: 'info',
        WEB_DIST_DIR: '/nonexistent',
        AUDIT_LOG_PATH: auditLogPath,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match) resolve({ child, base: match[1]! });
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
  });
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo', password: 'demo' }),
  });
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

describe('the audit trail after SIGKILL', () => {
  it('still holds a change that was acknowledged just before the kill', async () => {
    const auditLogPath = path.join(mkdtempSync(path.join(tmpdir(), 'bff-kill-')), 'audit.log');
    const first = await startServer(auditLogPath);
    const cookie = await signIn(first.base);
    const created = await fetch(`${first.base}/api/instances/5203773/schedules`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Before the kill', days: [1], time: '01:00' }),
    });
    expect(created.status).toBe(201);
    const { schedule } = (await created.json()) as { schedule: { id: string } };
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;

    const second = await startServer(auditLogPath);
    try {
      const audit = await fetch(`${second.base}/api/audit`, {
        headers: { cookie: await signIn(second.base) },
      });
      const { entries } = (await audit.json()) as AuditPage;
      expect(entries.find((e) => e.action === 'schedule.create')).toMatchObject({
        actor: 'demo',
        scheduleId: schedule.id,
        outcome: 'ok',
        after: { name: 'Before the kill' },
      });
    } finally {
      const stopped = new Promise((resolve) => second.child.once('exit', resolve));
      second.child.kill('SIGKILL');
      await stopped;
    }
  }, 60_000);
});
