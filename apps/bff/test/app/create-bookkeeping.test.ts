// Once Zomro may have acted on a create, its Idempotency-Key is never released: when the
// bookkeeping after the create fails (the audit outcome, the idempotency record), a retry with the
// same key looks for the schedule first and makes no second one (issue 19 item 1).
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryIdempotencyStore, type StoredResult } from '../../src/stores/idempotency.js';
import type { AuditRecord, AuditStore } from '../../src/stores/audit.js';
import { FileAuditStore } from '../../src/stores/audit-file.js';
import { buildTestApp, json, signIn, tempDir, type TestContext } from '../helper.js';
import path from 'node:path';

const INSTANCE = '5203773';
const SCHEDULES = `/api/instances/${INSTANCE}/schedules`;
const EDIT = 'instances.fleio_bckps.schedule.edit';
const input = { name: 'Nightly', days: [1, 2], time: '03:00' };

/** An audit store whose next final `schedule.create` record fails, once. */
class FailingFinal implements AuditStore {
  failNextCreateFinal = false;
  constructor(readonly inner: AuditStore) {}
  append(record: AuditRecord): Promise<void> {
    if (
      this.failNextCreateFinal &&
      record.phase === 'final' &&
      record.action === 'schedule.create'
    ) {
      this.failNextCreateFinal = false;
      return Promise.reject(new Error('EIO: the outcome could not be written'));
    }
    return this.inner.append(record);
  }
  page: AuditStore['page'] = (query) => this.inner.page(query);
  lastChanges: AuditStore['lastChanges'] = (a, i) => this.inner.lastChanges(a, i);
  writable = () => this.inner.writable();
  close = () => this.inner.close();
}

/** An idempotency store whose next `complete` fails, once. */
class FailingComplete extends MemoryIdempotencyStore {
  failNextComplete = false;
  override complete(key: string, result: StoredResult): Promise<void> {
    if (this.failNextComplete) {
      this.failNextComplete = false;
      return Promise.reject(new Error('the record could not be written'));
    }
    return super.complete(key, result);
  }
}

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

async function setUp() {
  const audit = new FailingFinal(await FileAuditStore.open(path.join(tempDir(), 'audit.log')));
  const idempotency = new FailingComplete();
  ctx = await buildTestApp({ stores: { audit, idempotency } });
  const account = ctx.control.createAccount();
  const cookie = await signIn(ctx.app, account);
  const post = (key: string) =>
    ctx!.app.inject({
      ...json('POST', SCHEDULES, cookie, input),
      headers: { ...json('POST', SCHEDULES, cookie, input).headers, 'idempotency-key': key },
    });
  const made = () =>
    ctx!.control.schedulesOf(account.username, INSTANCE).filter((s) => s.name === input.name);
  const edits = () =>
    ctx!.control.calls.filter((x) => x.func === EDIT && x.params.sok === 'ok').length;
  return { audit, idempotency, post, made, edits };
}

describe('a create whose bookkeeping fails after Zomro made the schedule', () => {
  it('the audit outcome cannot be written: 503, and the retry answers the one schedule', async () => {
    const t = await setUp();
    t.audit.failNextCreateFinal = true;
    const first = await t.post('key-audit');
    expect(first.statusCode).toBe(503);
    expect(t.made()).toHaveLength(1);
    const retry = await t.post('key-audit');
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toMatchObject({ schedule: { id: t.made()[0]!.id } });
    expect(t.made()).toHaveLength(1);
    expect(t.edits()).toBe(1);
  });

  it('the idempotency record cannot be completed: the retry answers the one schedule', async () => {
    const t = await setUp();
    t.idempotency.failNextComplete = true;
    const first = await t.post('key-record');
    expect(first.statusCode).toBeGreaterThanOrEqual(500);
    expect(t.made()).toHaveLength(1);
    const retry = await t.post('key-record');
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toMatchObject({ schedule: { id: t.made()[0]!.id } });
    expect(t.made()).toHaveLength(1);
    expect(t.edits()).toBe(1);
  });
});
