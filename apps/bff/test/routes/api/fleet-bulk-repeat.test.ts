// Issue 20 item 1: the web keeps apply-to-many's Idempotency-Key for a request until it is
// answered. The BFF must make any repeat of that key create nothing again: a repeat sent while the
// first is still at Zomro waits for it and answers the same results.
import type { BulkResponse } from '@zomro-dash/shared';
import { demoAccountData } from '@zomro-dash/zomro-emulator';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTestApp, json, signIn, type TestContext } from '../../helper.js';

const EDIT = 'instances.fleio_bckps.schedule.edit';
const DEMO = demoAccountData();
const UNPROTECTED = DEMO.instances
  .filter((i) => !DEMO.schedules.some((s) => s.instanceId === i.id))
  .filter((i) => !['error', 'running_image_uploading'].includes(i.instanceStatus))
  .map((i) => i.id);

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

describe('POST /api/schedules/bulk repeated', () => {
  it('answers a repeat sent while the first is in flight with its results, creating once', async () => {
    const c = (ctx = await buildTestApp());
    const account = c.control.createAccount();
    const cookie = await signIn(c.app, account);
    const body = {
      name: 'Twice',
      days: [1, 3],
      time: '04:00',
      instanceIds: UNPROTECTED.slice(0, 2),
    };
    const send = () => {
      const request = json('POST', '/api/schedules/bulk', cookie, body);
      return c.app.inject({
        ...request,
        headers: { ...request.headers, 'idempotency-key': 'one-run' },
      });
    };
    // The first request's creates are held at Zomro until the repeat has been sent.
    const hold = c.control.hold({ func: EDIT, count: 2 });
    const first = send();
    await vi.waitFor(() => expect(hold.held).toBeGreaterThan(0), { timeout: 20_000, interval: 5 });
    const repeat = send();
    hold.release();
    const [a, b] = await Promise.all([first, repeat]);
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect(b.json<BulkResponse>()).toEqual(a.json<BulkResponse>());
    for (const id of body.instanceIds) {
      expect(c.control.schedulesOf(account.username, id)).toHaveLength(1);
    }
  });
});
