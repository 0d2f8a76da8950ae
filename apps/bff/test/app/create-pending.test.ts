// A create Zomro accepted whose row did not show in time is answered 202 and recorded `pending`;
// a follow-up off the request closes it `ok` (with the schedule's id) when the row shows, or
// `unknown` when it never does (issue 19 item 11).
import path from 'node:path';
import type { AuditEntry } from '@zomro-dash/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditRecord, AuditStore } from '../../src/stores/audit.js';
import { FileAuditStore } from '../../src/stores/audit-file.js';
import { buildTestApp, json, signIn, tempDir, type TestContext } from '../helper.js';

const INSTANCE = '5203773';
const SCHEDULES = `/api/instances/${INSTANCE}/schedules`;
const LIST = 'instances.fleio_bckps.schedule';
const input = { name: 'Nightly', days: [1, 2], time: '03:00' };

/** Remembers every record appended, in order. */
class Recording implements AuditStore {
  readonly records: AuditRecord[] = [];
  constructor(readonly inner: AuditStore) {}
  append(record: AuditRecord): Promise<void> {
    this.records.push(record);
    return this.inner.append(record);
  }
  page: AuditStore['page'] = (query) => this.inner.page(query);
  lastChanges: AuditStore['lastChanges'] = (a, i) => this.inner.lastChanges(a, i);
  writable = () => this.inner.writable();
  close = () => this.inner.close();
}

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

/** The waits between looks are instant: the emulator's fault counts decide which look sees it. */
async function setUp() {
  const audit = new Recording(await FileAuditStore.open(path.join(tempDir(), 'audit.log')));
  ctx = await buildTestApp({ stores: { audit, sleep: () => Promise.resolve() } });
  const account = ctx.control.createAccount();
  const cookie = await signIn(ctx.app, account);
  const creates = () =>
    audit.records.filter((r) => r.action === 'schedule.create').map((r) => [r.phase, r.outcome]);
  const page = async () =>
    (await ctx!.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie } }))
      .json<{
        entries: AuditEntry[];
      }>()
      .entries.filter((e) => e.action === 'schedule.create');
  return { c: ctx, account, cookie, creates, page };
}

describe('a 202 pending create in the audit trail', () => {
  it('is recorded pending, then closed ok with the id when the row shows', async () => {
    const t = await setUp();
    // The list before the create passes; the four looks after it are busy; the follow-up's is not.
    t.c.control.addFault({ kind: 'running-operation', func: LIST, skip: 1, count: 4 });
    const response = await t.c.app.inject(json('POST', SCHEDULES, t.cookie, input));
    expect(response.statusCode).toBe(202);
    await t.c.app.services.schedules.settled();
    expect(t.creates()).toEqual([
      ['intent', 'unknown'],
      ['final', 'pending'],
      ['final', 'ok'],
    ]);
    const made = t.c.control
      .schedulesOf(t.account.username, INSTANCE)
      .filter((s) => s.name === input.name);
    expect(made).toHaveLength(1);
    const entries = await t.page();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ outcome: 'ok', scheduleId: made[0]!.id });
  });

  it('is closed unknown when the row never shows', async () => {
    const t = await setUp();
    t.c.control.addFault({ kind: 'running-operation', func: LIST, skip: 1, count: 100 });
    const response = await t.c.app.inject(json('POST', SCHEDULES, t.cookie, input));
    expect(response.statusCode).toBe(202);
    await t.c.app.services.schedules.settled();
    expect(t.creates()).toEqual([
      ['intent', 'unknown'],
      ['final', 'pending'],
      ['final', 'unknown'],
    ]);
    const entries = await t.page();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ outcome: 'unknown', scheduleId: null });
  });
});
