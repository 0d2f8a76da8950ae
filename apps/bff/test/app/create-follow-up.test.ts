// Once Zomro has accepted a create, the answer is never a retryable error, and an Idempotency-Key
// makes a repeat (a double click, a retry after a lost answer) resolve to the same schedule.
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type TestContext } from '../helper.js';

const INSTANCE = '5203773';
const SCHEDULES = `/api/instances/${INSTANCE}/schedules`;
const EDIT = 'instances.fleio_bckps.schedule.edit';
const LIST = 'instances.fleio_bckps.schedule';
const input = { name: 'Nightly', days: [1, 2], time: '03:00' };

let ctx: (TestContext & { cookie: string; username: string }) | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

async function signedIn() {
  const c = await buildTestApp();
  const account = c.control.createAccount();
  const cookie = await signIn(c.app, account);
  c.control.clearCalls();
  ctx = { ...c, cookie, username: account.username };
  return ctx;
}

function post(c: NonNullable<typeof ctx>, body: unknown, key?: string) {
  return c.app.inject({
    method: 'POST',
    url: SCHEDULES,
    headers: {
      cookie: c.cookie,
      'content-type': 'application/json',
      ...(key !== undefined && { 'idempotency-key': key }),
    },
    payload: JSON.stringify(body),
  });
}

const edits = (c: TestContext) =>
  c.control.calls.filter((x) => x.func === EDIT && x.params.sok === 'ok').length;
const schedules = (c: NonNullable<typeof ctx>) => c.control.schedulesOf(c.username, INSTANCE);

describe('the list after an accepted create', () => {
  it('busy once: looked for again, 201 with the new schedule, exactly one made', async () => {
    const c = await signedIn();
    const before = schedules(c).length;
    // The first list (before the create) passes; the one after it is busy.
    c.control.addFault({ kind: 'running-operation', func: LIST, skip: 1 });
    const response = await post(c, input);
    expect(response.statusCode).toBe(201);
    const after = schedules(c);
    expect(after).toHaveLength(before + 1);
    const made = after.find((s) => s.name === input.name)!;
    expect(response.json()).toMatchObject({ schedule: { id: made.id, name: 'Nightly' } });
    expect(edits(c)).toBe(1);
  });

  it.each(['running-operation', 'reset'] as const)(
    '%s every time: 202 pending (not a retryable error), and a retry makes no second one',
    async (kind) => {
      const c = await signedIn();
      const before = schedules(c).length;
      c.control.addFault({ kind, func: LIST, skip: 1, count: 50 });
      const response = await post(c, input, 'key-pending');
      expect(response.statusCode).toBe(202);
      expect(response.json()).toEqual({ schedule: null, pending: true });
      expect(response.headers['retry-after']).toBeUndefined();
      c.control.clearFaults();
      const retry = await post(c, input, 'key-pending');
      expect(retry.statusCode).toBe(202);
      expect(schedules(c)).toHaveLength(before + 1);
      expect(edits(c)).toBe(1);
    },
  );

  it('finds the new id by comparing lists, even when an equal schedule exists', async () => {
    const c = await signedIn();
    const first = await post(c, input);
    expect(first.statusCode).toBe(201);
    const second = await post(c, input);
    expect(second.statusCode).toBe(201);
    const firstId = first.json<{ schedule: { id: string } }>().schedule.id;
    const secondId = second.json<{ schedule: { id: string } }>().schedule.id;
    expect(secondId).not.toBe(firstId);
    expect(schedules(c).map((s) => s.id)).toEqual(expect.arrayContaining([firstId, secondId]));
  });
});

describe('Idempotency-Key', () => {
  it('two concurrent creates with one key: one Zomro edit, both answers equal', async () => {
    const c = await signedIn();
    c.control.setLatency({ fixedMs: 30 });
    const [a, b] = await Promise.all([post(c, input, 'same-key'), post(c, input, 'same-key')]);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(a.statusCode);
    expect(b.json()).toEqual(a.json());
    expect(edits(c)).toBe(1);
  });

  it('a later repeat answers the first result without calling Zomro', async () => {
    const c = await signedIn();
    const first = await post(c, input, 'k1');
    c.control.clearCalls();
    const again = await post(c, input, 'k1');
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(c.control.calls.filter((x) => x.func.startsWith('instances'))).toHaveLength(0);
  });

  it('the same key with another body → 422 IDEMPOTENCY_KEY_REUSED, nothing sent', async () => {
    const c = await signedIn();
    await post(c, input, 'k2');
    c.control.clearCalls();
    const reused = await post(c, { ...input, time: '04:00' }, 'k2');
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(edits(c)).toBe(0);
  });

  it('a lost-answer create, retried with its key, resolves to the one schedule it made', async () => {
    const c = await signedIn();
    const before = schedules(c).length;
    // Zomro makes the schedule but the connection breaks; the lists after it fail too.
    c.control.addFault({ kind: 'reset', func: EDIT, afterEffect: true });
    c.control.addFault({ kind: 'reset', func: LIST, skip: 1, count: 50 });
    const lost = await post(c, input, 'k3');
    expect(lost.statusCode).toBeGreaterThanOrEqual(500);
    expect(schedules(c)).toHaveLength(before + 1);
    c.control.clearFaults();
    const retry = await post(c, input, 'k3');
    expect(retry.statusCode).toBe(201);
    const made = schedules(c).find((s) => s.name === input.name)!;
    expect(retry.json()).toMatchObject({ schedule: { id: made.id } });
    expect(schedules(c)).toHaveLength(before + 1);
    expect(edits(c)).toBe(1);
  });

  it('a lost-answer create whose row shows at once answers 201 the first time', async () => {
    const c = await signedIn();
    c.control.addFault({ kind: 'reset', func: EDIT, afterEffect: true });
    const response = await post(c, input, 'k4');
    expect(response.statusCode).toBe(201);
    expect(edits(c)).toBe(1);
  });
});
