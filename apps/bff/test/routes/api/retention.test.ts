// Retention, how many scheduled backups Zomro keeps for an instance: read with the schedules,
// changed with PUT /api/instances/:instanceId/retention as Zomro's panel does it
// (instances.edit backup_rotation), refused out of range or for viewers before anything is sent,
// and on the audit trail with the number before and after.
import { BlockList } from 'node:net';
import type { AuditEntry } from '@zomro-dash/shared';
import { DEMO_ACCOUNT } from '@zomro-dash/zomro-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { Secret } from '../../../src/config.js';
import { buildTestApp, json, signIn, type TestContext } from '../../helper.js';

const INSTANCE = '5203773';
const RETENTION = `/api/instances/${INSTANCE}/retention`;

let ctx: TestContext;
afterEach(async () => {
  await ctx.close();
});

async function personal() {
  ctx = await buildTestApp();
  const account = ctx.control.createAccount();
  const cookie = await signIn(ctx.app, account);
  ctx.control.clearCalls();
  return { account, cookie };
}

const editCalls = () => ctx.control.calls.filter((c) => c.func === 'instances.edit');

async function auditOf(cookie: string | null, headers: Record<string, string> = {}) {
  const response = await ctx.app.inject({
    method: 'GET',
    url: `/api/audit?instanceId=${INSTANCE}`,
    headers: { ...(cookie && { cookie }), ...headers },
  });
  return response.json<{ entries: AuditEntry[] }>().entries;
}

describe('retention', () => {
  it('is read with the schedules and changed as Zomro’s panel changes it', async () => {
    const { account, cookie } = await personal();
    const listed = await ctx.app.inject({
      method: 'GET',
      url: `/api/instances/${INSTANCE}/schedules`,
      headers: { cookie },
    });
    expect(listed.json()).toMatchObject({ retention: 3, schedules: [{ id: '14' }] });

    const changed = await ctx.app.inject(json('PUT', RETENTION, cookie, { retention: 7 }));
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ retention: 7 });
    expect(ctx.control.retentionOf(account.username, INSTANCE)).toBe(7);
    expect(editCalls()).toEqual([
      expect.objectContaining({
        params: expect.objectContaining({
          elid: INSTANCE,
          backup_rotation: '7',
          sok: 'ok',
          clicked_button: 'ok',
          lang: 'en',
        }) as unknown,
      }),
    ]);
    const again = await ctx.app.inject({
      method: 'GET',
      url: `/api/instances/${INSTANCE}/schedules`,
      headers: { cookie },
    });
    expect(again.json()).toMatchObject({ retention: 7 });

    const [entry] = await auditOf(cookie);
    expect(entry).toMatchObject({
      action: 'instance.retention',
      actor: account.username,
      instanceId: INSTANCE,
      scheduleId: null,
      before: null,
      after: null,
      retention: { before: 3, after: 7 },
      outcome: 'ok',
    });
  });

  it.each([[0], [11], [2.5], ['5'], [null], [undefined]])(
    'refuses %j with 400 and sends nothing',
    async (retention) => {
      const { account, cookie } = await personal();
      const response = await ctx.app.inject(
        json('PUT', RETENTION, cookie, retention === undefined ? {} : { retention }),
      );
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [expect.objectContaining({ path: 'retention' })],
      });
      expect(ctx.control.calls).toEqual([]);
      expect(ctx.control.retentionOf(account.username, INSTANCE)).toBe(3);
    },
  );

  it('passes Zomro’s refusal on, and records it as failed', async () => {
    const { account, cookie } = await personal();
    ctx.control.addFault({
      kind: 'error',
      func: 'instances.edit',
      username: account.username,
      error: { type: 'value', object: 'backup_rotation', message: 'Not for this tariff' },
    });
    const response = await ctx.app.inject(json('PUT', RETENTION, cookie, { retention: 9 }));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'UPSTREAM_REJECTED',
      message: 'Not for this tariff',
      upstream: { type: 'value', object: 'backup_rotation' },
    });
    const [entry] = await auditOf(cookie);
    expect(entry).toMatchObject({
      action: 'instance.retention',
      retention: { before: 3, after: 9 },
      outcome: 'failed',
      errorCode: 'UPSTREAM_REJECTED',
    });
  });

  it('answers 404 for an instance the account does not have, sending no change', async () => {
    const { cookie } = await personal();
    const response = await ctx.app.inject(
      json('PUT', '/api/instances/1/retention', cookie, { retention: 2 }),
    );
    expect(response.statusCode).toBe(404);
    expect(editCalls()).toEqual([]);
  });

  it('is for editors only: a viewer is refused before anything is sent', async () => {
    const trusted = new BlockList();
    trusted.addAddress('127.0.0.1');
    // Team mode behind a trusted proxy, with the demo account (in every fresh emulator).
    ctx = await buildTestApp({
      config: {
        team: {
          username: DEMO_ACCOUNT.username,
          password: new Secret(DEMO_ACCOUNT.password),
          totpSecret: null,
        },
        proxyAuth: {
          header: 'x-forwarded-user',
          trusted,
          trustedText: '127.0.0.1',
          editors: new Set(['eddie']),
        },
      },
    });
    const as = (operator: string) => ({ 'x-forwarded-user': operator });
    const put = (operator: string, retention: number) =>
      ctx.app.inject({
        ...json('PUT', RETENTION, null, { retention }),
        headers: {
          'content-type': 'application/json',
          ...as(operator),
        },
      });

    const refused = await put('vera', 5);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(editCalls()).toEqual([]);
    expect(ctx.control.retentionOf(DEMO_ACCOUNT.username, INSTANCE)).toBe(3);

    const done = await put('eddie', 5);
    expect(done.statusCode).toBe(200);
    expect(ctx.control.retentionOf(DEMO_ACCOUNT.username, INSTANCE)).toBe(5);

    const entries = await auditOf(null, as('eddie'));
    expect(entries.map((e) => [e.actor, e.outcome, e.errorCode])).toEqual([
      ['eddie', 'ok', undefined],
      ['vera', 'failed', 'FORBIDDEN'],
    ]);
  });
});
