// The audit trail through the API, in both modes: every sign-in, failed sign-in, sign-out, create,
// edit and delete with who did it and the outcome; `unknown` after a lost answer; nothing sent when
// the trail cannot be written; each account sees only its own entries; no secret in any entry.
import { readFileSync } from 'node:fs';
import type { AuditEntry, AuditPage } from '@zomro-dash/shared';
import { totpCode } from '@zomro-dash/zomro-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditUnavailableError, type AuditStore } from '../../src/stores/audit.js';
import {
  buildTeamApp,
  buildTestApp,
  json,
  sessionCookie,
  signIn,
  type TestContext,
} from '../helper.js';

const INSTANCE = '5203773';
const SCHEDULES = `/api/instances/${INSTANCE}/schedules`;
const EDIT = 'instances.fleio_bckps.schedule.edit';

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

async function auditPage(c: TestContext, cookie: string, query = ''): Promise<AuditPage> {
  const response = await c.app.inject({
    method: 'GET',
    url: `/api/audit${query}`,
    headers: { cookie },
  });
  expect(response.statusCode).toBe(200);
  return response.json<AuditPage>();
}

/** The entries as `action outcome actor`, newest first. */
const summary = (entries: readonly AuditEntry[]) =>
  entries.map((e) => `${e.action} ${e.outcome}${e.errorCode ? `/${e.errorCode}` : ''} ${e.actor}`);

describe('personal mode', () => {
  it('records sign-ins, changes and sign-out with the Zomro username as actor and account', async () => {
    const c = (ctx = await buildTestApp());
    const account = c.control.createAccount();
    await c.app.inject(
      json('POST', '/api/session', null, { username: account.username, password: 'wrong' }),
    );
    const cookie = await signIn(c.app, account);
    const created = await c.app.inject(
      json('POST', SCHEDULES, cookie, { name: 'Nightly', days: [1], time: '01:00' }),
    );
    const id = created.json<{ schedule: { id: string } }>().schedule.id;
    await c.app.inject(
      json('PUT', `${SCHEDULES}/${id}`, cookie, { name: 'Nightly', days: [1, 2], time: '02:00' }),
    );
    c.control.addFault({
      kind: 'error',
      func: EDIT,
      username: account.username,
      error: { type: 'value', object: 'name', message: 'Refused' },
    });
    await c.app.inject(
      json('PUT', `${SCHEDULES}/${id}`, cookie, { name: 'X', days: [3], time: '03:00' }),
    );
    await c.app.inject(json('DELETE', `${SCHEDULES}/${id}`, cookie));

    const { entries } = await auditPage(c, cookie);
    const who = account.username;
    expect(summary(entries)).toEqual([
      `schedule.delete ok ${who}`,
      `schedule.update failed/UPSTREAM_REJECTED ${who}`,
      `schedule.update ok ${who}`,
      `schedule.create ok ${who}`,
      `session.sign-in ok ${who}`,
      `session.sign-in-failed failed/BAD_CREDENTIALS ${who}`,
    ]);
    for (const entry of entries) expect(entry.account).toBe(who);
    expect(entries[2]).toMatchObject({
      instanceId: INSTANCE,
      scheduleId: id,
      before: { name: 'Nightly', days: [1], time: '01:00' },
      after: { name: 'Nightly', days: [1, 2], time: '02:00' },
    });
    expect(entries[0]).toMatchObject({ scheduleId: id, before: { days: [1, 2] }, after: null });
    expect(entries[3]).toMatchObject({ scheduleId: id, before: null, after: { name: 'Nightly' } });
    expect(entries[4]).toMatchObject({ instanceId: null, scheduleId: null });
    expect(new Date(entries[0]!.at).getTime()).toBeGreaterThanOrEqual(
      new Date(entries[5]!.at).getTime(),
    );

    const signOut = await c.app.inject(json('DELETE', '/api/session', cookie));
    expect(signOut.statusCode).toBe(204);
    const again = await signIn(c.app, account);
    expect(summary((await auditPage(c, again, '?limit=2')).entries)).toEqual([
      `session.sign-in ok ${who}`,
      `session.sign-out ok ${who}`,
    ]);
  });

  it('records a two-factor sign-in once the code is confirmed, and a wrong code as a failure', async () => {
    const c = (ctx = await buildTestApp());
    const account = c.control.createAccount({ totp: true });
    const pending = sessionCookie(await c.app.inject(json('POST', '/api/session', null, account)))!;
    await c.app.inject(json('POST', '/api/session/totp', pending, { code: '000000' }));
    const confirmed = await c.app.inject(
      json('POST', '/api/session/totp', pending, { code: totpCode(account.totpSecret!) }),
    );
    const cookie = sessionCookie(confirmed)!;
    expect(summary((await auditPage(c, cookie)).entries)).toEqual([
      `session.sign-in ok ${account.username}`,
      `session.sign-in-failed failed/TOTP_INVALID ${account.username}`,
    ]);
  });

  it('shows each account only its own entries', async () => {
    const c = (ctx = await buildTestApp());
    const one = c.control.createAccount();
    const two = c.control.createAccount();
    const cookieOne = await signIn(c.app, one);
    await c.app.inject(json('POST', SCHEDULES, cookieOne, { name: 'A', days: [1], time: '01:00' }));
    const cookieTwo = await signIn(c.app, two);
    const seen = (await auditPage(c, cookieTwo)).entries;
    expect(summary(seen)).toEqual([`session.sign-in ok ${two.username}`]);
    // Filtering by someone else's name does not reach across accounts either.
    expect((await auditPage(c, cookieTwo, `?actor=${one.username}`)).entries).toEqual([]);
  });

  it('records the outcome of a change whose answer was lost as unknown', async () => {
    const c = (ctx = await buildTestApp({ config: { zomroTimeoutMs: 300 } }));
    const account = c.control.createAccount();
    const cookie = await signIn(c.app, account);
    c.control.addFault({ kind: 'reset', func: EDIT, username: account.username });
    const update = await c.app.inject(
      json('PUT', `${SCHEDULES}/14`, cookie, { name: 'Lost', days: [1], time: '01:00' }),
    );
    expect(update.statusCode).toBe(502);
    c.control.addFault({ kind: 'hang', func: 'instances.fleio_bckps.schedule.delete' });
    const remove = await c.app.inject(json('DELETE', `${SCHEDULES}/14`, cookie));
    expect(remove.statusCode).toBe(504);
    expect(summary((await auditPage(c, cookie, '?limit=2')).entries)).toEqual([
      `schedule.delete unknown ${account.username}`,
      `schedule.update unknown ${account.username}`,
    ]);
  });

  it('sends nothing when the trail cannot be written, and says so', async () => {
    const broken: AuditStore = {
      append: () => Promise.reject(new AuditUnavailableError()),
      page: () => Promise.resolve({ entries: [], nextCursor: null }),
      lastChanges: () => Promise.resolve(new Map()),
      writable: () => Promise.resolve(false),
      close: () => Promise.resolve(),
    };
    const c = (ctx = await buildTestApp({ stores: { audit: broken } }));
    const account = c.control.createAccount();
    const signedIn = await c.app.inject(json('POST', '/api/session', null, account));
    // A sign-in that cannot be recorded does not happen.
    expect(signedIn.statusCode).toBe(503);
    expect(signedIn.json()).toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
    expect(sessionCookie(signedIn)).toBeNull();
  });

  it('sends no change when the trail breaks after sign-in', async () => {
    let broken = false;
    const c = (ctx = await buildTestApp());
    const store = c.app.services.audit.store;
    const append = store.append.bind(store);
    store.append = (record) =>
      broken ? Promise.reject(new AuditUnavailableError()) : append(record);
    const account = c.control.createAccount();
    const cookie = await signIn(c.app, account);
    broken = true;
    c.control.clearCalls();
    for (const request of [
      json('POST', SCHEDULES, cookie, { name: 'A', days: [1], time: '01:00' }),
      json('PUT', `${SCHEDULES}/14`, cookie, { name: 'A', days: [1], time: '01:00' }),
      json('DELETE', `${SCHEDULES}/14`, cookie),
    ]) {
      const response = await c.app.inject(request);
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
    }
    expect(
      c.control.calls.filter(
        (call) => call.func.endsWith('.edit') || call.func.endsWith('.delete'),
      ),
    ).toEqual([]);
    expect(c.control.schedulesOf(account.username, INSTANCE).map((s) => s.id)).toEqual(['14']);
  });

  it('pages newest first with a cursor and filters by instance and actor', async () => {
    const c = (ctx = await buildTestApp());
    const account = c.control.createAccount();
    const cookie = await signIn(c.app, account);
    for (const name of ['one', 'two', 'three']) {
      await c.app.inject(json('POST', SCHEDULES, cookie, { name, days: [1], time: '01:00' }));
    }
    await c.app.inject(
      json('POST', '/api/instances/5203801/schedules', cookie, {
        name: 'four',
        days: [1],
        time: '01:00',
      }),
    );
    const names: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=2&instanceId=${INSTANCE}${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await auditPage(c, cookie, query);
      names.push(...page.entries.map((e) => e.after?.name ?? '-'));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(names).toEqual(['three', 'two', 'one']);
    expect(pages).toBe(2);
    expect((await auditPage(c, cookie, '?actor=nobody')).entries).toEqual([]);
    const bad = await c.app.inject({
      method: 'GET',
      url: '/api/audit?limit=0&cursor=%3Cx%3E',
      headers: { cookie },
    });
    expect(bad.statusCode).toBe(400);
    const anonymous = await c.app.inject({ method: 'GET', url: '/api/audit' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('team mode', () => {
  it('records the operator as actor and the team account as account; no secret anywhere', async () => {
    const operators = [
      { name: 'alice', role: 'editor' as const, password: 'alice-password-1' },
      { name: 'victor', role: 'viewer' as const, password: 'victor-password-2' },
    ];
    const c = (ctx = await buildTeamApp({ operators, totp: true }));
    const { team } = c;
    await c.app.inject(json('POST', '/api/session', null, { username: 'alice', password: 'nope' }));
    const alice = sessionCookie(
      await c.app.inject(
        json('POST', '/api/session', null, { username: 'alice', password: operators[0]!.password }),
      ),
    )!;
    const victor = sessionCookie(
      await c.app.inject(
        json('POST', '/api/session', null, {
          username: 'victor',
          password: operators[1]!.password,
        }),
      ),
    )!;
    const created = await c.app.inject(
      json('POST', SCHEDULES, alice, { name: 'Team', days: [0], time: '05:00' }),
    );
    const id = created.json<{ schedule: { id: string } }>().schedule.id;
    await c.app.inject(json('DELETE', `${SCHEDULES}/${id}`, victor));
    await c.app.inject(json('DELETE', '/api/session', victor));

    const { entries } = await auditPage(c, alice);
    expect(summary(entries)).toEqual([
      'session.sign-out ok victor',
      'schedule.delete failed/FORBIDDEN victor',
      'schedule.create ok alice',
      'session.sign-in ok victor',
      'session.sign-in ok alice',
      'session.sign-in-failed failed/BAD_CREDENTIALS alice',
    ]);
    for (const entry of entries) expect(entry.account).toBe(team.username);
    expect((await auditPage(c, alice, '?actor=victor')).entries).toHaveLength(3);

    const file = readFileSync(c.config.auditLogPath, 'utf8');
    for (const secret of [
      team.password,
      team.totpSecret!,
      operators[0]!.password,
      operators[1]!.password,
      'nope',
      ...c.store.tokens,
    ]) {
      expect(file).not.toContain(secret);
    }
    // Zomro session ids (the emulator's are 24 hex digits, like Zomro's) never reach the trail.
    expect(file).not.toMatch(/[0-9a-f]{24}/);
  });
});
