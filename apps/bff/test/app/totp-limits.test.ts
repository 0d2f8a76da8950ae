// A half-signed-in session (password right, code owed) may try five codes within five minutes;
// then it ends and the sign-in starts again from the password.
import { totpCode } from '@zomro-dash/zomro-emulator';
import { afterEach, expect, it } from 'vitest';
import type { DashboardSession } from '../../src/stores/sessions.js';
import {
  buildTestApp,
  json,
  RecordingSessionStore,
  sessionCookie,
  type TestContext,
} from '../helper.js';

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

async function halfSignedIn() {
  ctx = await buildTestApp();
  const account = ctx.control.createAccount({ totp: true });
  const response = await ctx.app.inject(json('POST', '/api/session', null, account));
  expect(response.json()).toEqual({ totpRequired: true });
  const cookie = sessionCookie(response)!;
  const good = () => totpCode(account.totpSecret!);
  const wrong = () => String((Number(good()) + 500_000) % 1_000_000).padStart(6, '0');
  return { c: ctx, cookie, good, wrong };
}

const confirms = (c: TestContext) => c.control.calls.filter((x) => x.func === 'totp.confirm');

it('ends after 5 wrong codes: the right code then no longer signs in', async () => {
  const { c, cookie, good, wrong } = await halfSignedIn();
  for (let i = 0; i < 4; i += 1) {
    const r = await c.app.inject(json('POST', '/api/session/totp', cookie, { code: wrong() }));
    expect(r.json()).toMatchObject({ code: 'TOTP_INVALID' });
  }
  const fifth = await c.app.inject(json('POST', '/api/session/totp', cookie, { code: wrong() }));
  expect(fifth.statusCode).toBe(401);
  const sixth = await c.app.inject(json('POST', '/api/session/totp', cookie, { code: good() }));
  expect(sixth.statusCode).toBe(401);
  expect(sixth.json<Record<string, unknown>>().user).toBeUndefined();
  expect(confirms(c)).toHaveLength(5);
  const me = await c.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
  expect(me.statusCode).toBe(401);
});

it('ends 5 minutes after the password, whatever the code', async () => {
  const { c, cookie, good } = await halfSignedIn();
  const id = cookie.split('=')[1]!;
  const stored = await c.store.get(id);
  expect(stored).toMatchObject({ totpPending: true });
  // Five minutes and a second have passed since the password.
  await c.store.set(id, { ...stored!, createdAt: stored!.createdAt - 301_000 }, 60_000);
  const late = await c.app.inject(json('POST', '/api/session/totp', cookie, { code: good() }));
  expect(late.statusCode).toBe(401);
  expect(late.json()).toMatchObject({ code: 'SESSION_EXPIRED' });
  expect(confirms(c)).toHaveLength(0);
  expect(await c.store.get(id)).toBeUndefined();
});

it('a half-signed-in session is stored for 5 minutes, not the idle time-out', async () => {
  const ttls: number[] = [];
  class TtlStore extends RecordingSessionStore {
    override set(id: string, session: DashboardSession, ttlMs: number) {
      ttls.push(ttlMs);
      return super.set(id, session, ttlMs);
    }
  }
  ctx = await buildTestApp({ store: new TtlStore() });
  const account = ctx.control.createAccount({ totp: true });
  await ctx.app.inject(json('POST', '/api/session', null, account));
  expect(ttls).toEqual([300_000]);
});
