// Changes to one instance queue one at a time per Zomro account and instance: another account's
// changes to an instance with the same id never wait, and more than 8 waiting → 409 UPSTREAM_BUSY.
import { afterEach, expect, it } from 'vitest';
import { MemoryInstanceLocks, type InstanceLocks } from '../../src/stores/locks.js';
import { buildTestApp, signIn, type TestContext } from '../helper.js';

const INSTANCE = '5203773';
const SCHEDULES = `/api/instances/${INSTANCE}/schedules`;
const EDIT = 'instances.fleio_bckps.schedule.edit';

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const post = (c: TestContext, cookie: string, name: string) =>
  c.app.inject({
    method: 'POST',
    url: SCHEDULES,
    headers: { cookie, 'content-type': 'application/json' },
    payload: JSON.stringify({ name, days: [1], time: '03:00' }),
  });

async function until(check: () => boolean) {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

it("another account's change to an instance with the same id does not wait", async () => {
  ctx = await buildTestApp({ config: { zomroTimeoutMs: 3_000 } });
  const c = ctx;
  const a = c.control.createAccount();
  const b = c.control.createAccount();
  const [cookieA, cookieB] = [await signIn(c.app, a), await signIn(c.app, b)];
  c.control.addFault({ kind: 'hang', func: EDIT, username: a.username });
  let heldAnswered = false;
  const held = post(c, cookieA, 'held').finally(() => (heldAnswered = true));
  await until(() => c.control.calls.some((x) => x.func === EDIT));
  const other = await post(c, cookieB, 'free');
  expect(other.statusCode).toBe(201);
  // It did not wait for A's change, which is still held.
  expect(heldAnswered).toBe(false);
  expect((await held).statusCode).toBe(504);
});

it('more than 8 changes waiting for one instance → 409 UPSTREAM_BUSY, nothing sent for it', async () => {
  // Counts changes that reached the queue, so the test knows when 8 wait.
  const inner = new MemoryInstanceLocks();
  let queued = 0;
  const locks: InstanceLocks = {
    run: (key, task, options) => {
      queued += 1;
      return inner.run(key, task, options);
    },
  };
  ctx = await buildTestApp({ config: { zomroTimeoutMs: 1_000 }, stores: { locks } });
  const c = ctx;
  const a = c.control.createAccount();
  const cookie = await signIn(c.app, a);
  c.control.addFault({ kind: 'hang', func: EDIT, username: a.username });
  const first = post(c, cookie, 'first');
  await until(() => c.control.calls.some((x) => x.func === EDIT));
  const waiting = Array.from({ length: 8 }, (_, i) => post(c, cookie, `waiting-${i}`));
  await until(() => queued === 9);
  const refused = await post(c, cookie, 'one-too-many');
  expect(refused.statusCode).toBe(409);
  expect(refused.json()).toMatchObject({ code: 'UPSTREAM_BUSY' });
  expect(refused.headers['retry-after']).toMatch(/^\d+$/);
  expect((await first).statusCode).toBe(504);
  const answers = await Promise.all(waiting);
  expect(answers.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
  const names = c.control.schedulesOf(a.username, INSTANCE).map((s) => s.name);
  expect(names).not.toContain('one-too-many');
});
