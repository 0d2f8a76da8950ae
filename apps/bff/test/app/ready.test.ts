// GET /api/ready answers 503 while this replica could only refuse requests (Redis away, the audit
// trail not writable, the team account refused); /api/health stays 200 (liveness) meanwhile.
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileAuditStore } from '../../src/stores/audit-file.js';
import { buildTeamApp, buildTestApp, json, signIn, tempDir, type TestContext } from '../helper.js';
import { startRedis, type TestRedis } from '../redis-server.js';
import { FullDisk } from '../stores/full-disk.js';

const INSTANCE = '5203773';
const SCHEDULES = `/api/instances/${INSTANCE}/schedules`;

let ctx: TestContext | undefined;
let redis: TestRedis | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
  await redis?.stop();
  redis = undefined;
});

const get = async (c: TestContext, url: string) => {
  const response = await c.app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
};

describe('GET /api/ready', () => {
  it('is ready with memory and a writable trail; health says the same', async () => {
    const c = (ctx = await buildTestApp());
    expect(await get(c, '/api/ready')).toEqual({
      status: 200,
      body: { ready: true, store: 'ok', audit: 'ok' },
    });
    expect((await get(c, '/api/health')).status).toBe(200);
  });

  it('is not ready while the audit file cannot be repaired, and ready again after', async () => {
    const disk = new FullDisk();
    const file = path.join(tempDir(), 'audit.log');
    const audit = await FileAuditStore.open(file, undefined, { openFile: disk.open });
    const c = (ctx = await buildTestApp({ stores: { audit } }));
    const cookie = await signIn(c.app, c.control.createAccount());
    disk.tear = true;
    disk.refuseTruncate = true;
    const refused = await c.app.inject(
      json('POST', SCHEDULES, cookie, { name: 'A', days: [1], time: '01:00' }),
    );
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
    // Nothing reached Zomro: the intent could not be written.
    expect(c.control.calls.some((call) => call.func.endsWith('schedule.edit'))).toBe(false);
    expect(await get(c, '/api/ready')).toEqual({
      status: 503,
      body: { ready: false, store: 'ok', audit: 'down' },
    });
    expect((await get(c, '/api/health')).status).toBe(200);

    disk.refuseTruncate = false;
    expect((await get(c, '/api/ready')).status).toBe(200);
    const created = await c.app.inject(
      json('POST', SCHEDULES, cookie, { name: 'B', days: [1], time: '01:00' }),
    );
    expect(created.statusCode).toBe(201);
    const trail = await c.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie } });
    const entries = trail.json<{ entries: Array<{ action: string; outcome: string }> }>().entries;
    expect(entries.map((e) => `${e.action} ${e.outcome}`)).toEqual([
      'schedule.create ok',
      'session.sign-in ok',
    ]);
  });

  it('is not ready while Zomro refuses the team account', async () => {
    const c = (ctx = await buildTeamApp({
      operators: [{ name: 'alice', role: 'editor', password: 'correct horse' }],
      wrongPassword: true,
    }));
    const cookie = await signIn(c.app, { username: 'alice', password: 'correct horse' });
    const refused = await c.app.inject({
      method: 'GET',
      url: '/api/instances',
      headers: { cookie },
    });
    expect(refused.json()).toMatchObject({ code: 'UPSTREAM_ACCOUNT_REJECTED' });
    expect(await get(c, '/api/ready')).toEqual({
      status: 503,
      body: { ready: false, store: 'ok', audit: 'ok', account: 'rejected' },
    });
    expect((await get(c, '/api/health')).status).toBe(200);
  });

  it('is not ready while Redis is down, and ready when it is back', async () => {
    redis = await startRedis();
    const c = (ctx = await buildTestApp({
      config: { redis: { url: redis.url, keyPrefix: 'ready:' } },
    }));
    expect((await get(c, '/api/ready')).status).toBe(200);
    await redis.stop();
    expect(await get(c, '/api/ready')).toEqual({
      status: 503,
      body: { ready: false, store: 'down', audit: 'down' },
    });
    const health = await get(c, '/api/health');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok', redis: 'down' } });
    await redis.start();
    // The client reconnects on its own (with a back-off); wait for that condition, not a time.
    await vi.waitFor(async () => expect((await get(c, '/api/ready')).status).toBe(200), {
      timeout: 15_000,
      interval: 100,
    });
  });
});
