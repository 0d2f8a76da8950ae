// No silent overwrites: every schedule carries its version; PUT and DELETE with a stale If-Match
// answer 412 with the schedule as it is now, and send nothing to Zomro.
import type { BackupSchedule } from '@zomro-dash/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, json, signIn, type TestContext } from '../../helper.js';

const SCHEDULES = '/api/instances/5203773/schedules';
let ctx: TestContext;
let cookie: string;

beforeEach(async () => {
  ctx = await buildTestApp();
  cookie = await signIn(ctx.app, ctx.control.createAccount());
});
afterEach(async () => {
  await ctx.close();
});

const current = async () =>
  (await ctx.app.inject({ method: 'GET', url: SCHEDULES, headers: { cookie } }))
    .json<{ schedules: BackupSchedule[] }>()
    .schedules.find((s) => s.id === '14')!;
const withIfMatch = (request: ReturnType<typeof json>, value: string) => ({
  ...request,
  headers: { ...request.headers, 'if-match': value },
});
const changes = () => ctx.control.calls.filter((c) => /\.(edit|delete)$/.test(c.func));

describe('If-Match', () => {
  it('lets the second of two editors who loaded the same version be warned, not overwrite', async () => {
    const seen = await current();
    const first = await ctx.app.inject(
      withIfMatch(
        json('PUT', `${SCHEDULES}/14`, cookie, { name: 'First', days: [1], time: '01:00' }),
        `"${seen.version}"`,
      ),
    );
    expect(first.statusCode).toBe(200);
    const now = first.json<{ schedule: BackupSchedule }>().schedule;
    expect(now.version).not.toBe(seen.version);
    ctx.control.clearCalls();

    const second = await ctx.app.inject(
      withIfMatch(
        json('PUT', `${SCHEDULES}/14`, cookie, { name: 'Second', days: [2], time: '02:00' }),
        `"${seen.version}"`,
      ),
    );
    expect(second.statusCode).toBe(412);
    expect(second.json()).toMatchObject({
      statusCode: 412,
      code: 'PRECONDITION_FAILED',
      details: {
        id: '14',
        name: 'First',
        days: [1],
        time: '01:00',
        version: now.version,
        lastChange: { action: 'schedule.update' },
      },
    });
    const stale = await ctx.app.inject(
      withIfMatch(json('DELETE', `${SCHEDULES}/14`, cookie), `"${seen.version}"`),
    );
    expect(stale.statusCode).toBe(412);
    expect(changes()).toEqual([]);
    expect((await current()).name).toBe('First');

    // Overwriting on purpose: the version just seen in the 412.
    const overwrite = await ctx.app.inject(
      withIfMatch(
        json('PUT', `${SCHEDULES}/14`, cookie, { name: 'Second', days: [2], time: '02:00' }),
        `"${now.version}"`,
      ),
    );
    expect(overwrite.statusCode).toBe(200);
  });

  it('is optional, accepts * and refuses a malformed value before calling Zomro', async () => {
    const plain = await ctx.app.inject(
      json('PUT', `${SCHEDULES}/14`, cookie, { name: 'A', days: [1], time: '01:00' }),
    );
    expect(plain.statusCode).toBe(200);
    const any = await ctx.app.inject(
      withIfMatch(
        json('PUT', `${SCHEDULES}/14`, cookie, { name: 'B', days: [1], time: '01:00' }),
        '*',
      ),
    );
    expect(any.statusCode).toBe(200);
    ctx.control.clearCalls();
    const malformed = await ctx.app.inject(
      withIfMatch(json('DELETE', `${SCHEDULES}/14`, cookie), 'not-quoted'),
    );
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(ctx.control.calls).toEqual([]);
    const matching = await ctx.app.inject(
      withIfMatch(
        json('DELETE', `${SCHEDULES}/14`, cookie),
        `W/"x", "${(await current()).version}"`,
      ),
    );
    expect(matching.statusCode).toBe(204);
  });
});
