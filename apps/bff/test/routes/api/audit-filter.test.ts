// GET /api/audit?action=…: only the actions asked for (the Activity page shows changes by default),
// paged like the rest; a malformed list is refused before anything is read.
import type { AuditPage } from '@zomro-dash/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, json, signIn, type TestContext } from '../../helper.js';

const SCHEDULES = '/api/instances/5203773/schedules';

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

async function trail(c: TestContext, cookie: string, query: string) {
  return c.app.inject({ method: 'GET', url: `/api/audit${query}`, headers: { cookie } });
}

describe('GET /api/audit?action=', () => {
  it('answers only the actions listed, with their own pages', async () => {
    const c = (ctx = await buildTestApp());
    const account = c.control.createAccount();
    await c.app.inject(
      json('POST', '/api/session', null, { username: account.username, password: 'wrong' }),
    );
    const cookie = await signIn(c.app, account);
    for (const time of ['01:00', '02:00', '03:00']) {
      const created = await c.app.inject(
        json('POST', SCHEDULES, cookie, { name: `At ${time}`, days: [1], time }),
      );
      expect(created.statusCode).toBe(201);
    }
    await signIn(c.app, account);

    const changes = (
      await trail(c, cookie, '?action=schedule.create,schedule.update,schedule.delete&limit=2')
    ).json<AuditPage>();
    expect(changes.entries.map((e) => `${e.action} ${e.after?.time}`)).toEqual([
      'schedule.create 03:00',
      'schedule.create 02:00',
    ]);
    const older = (
      await trail(
        c,
        cookie,
        `?action=schedule.create&limit=2&cursor=${encodeURIComponent(changes.nextCursor!)}`,
      )
    ).json<AuditPage>();
    expect(older.entries.map((e) => e.after?.time)).toEqual(['01:00']);
    expect(older.nextCursor).toBeNull();

    const sessions = (
      await trail(c, cookie, '?action=session.sign-in,session.sign-in-failed')
    ).json<AuditPage>();
    expect(sessions.entries.map((e) => e.action)).toEqual([
      'session.sign-in',
      'session.sign-in',
      'session.sign-in-failed',
    ]);
    // Without the filter, everything.
    expect((await trail(c, cookie, '')).json<AuditPage>().entries).toHaveLength(6);
  });

  it('refuses a list that is not one of actions', async () => {
    const c = (ctx = await buildTestApp());
    const cookie = await signIn(c.app, c.control.createAccount());
    for (const query of [
      '?action=',
      '?action=schedule',
      '?action=a.b,,c.d',
      '?action=DROP%20TABLE',
    ]) {
      const response = await trail(c, cookie, query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });
});
