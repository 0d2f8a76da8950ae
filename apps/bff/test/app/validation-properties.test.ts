// Property tests of every route's validation: generated bodies, ids, queries and headers never
// produce a 5xx, and a request the BFF refuses as invalid never reaches Zomro (the emulator's
// call log stays empty for it).
import { scheduleInputSchema } from '@zomro-dash/shared';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type TestContext } from '../helper.js';

let ctx: TestContext;
let cookie: string;

beforeAll(async () => {
  ctx = await buildTestApp();
  cookie = await signIn(ctx.app, ctx.control.createAccount());
});
afterAll(() => ctx.close());

const RUNS = 60;
/** Statuses that mean "refused as invalid before doing anything". */
const REFUSED = new Set([400, 411, 413, 415]);

/** Anything JSON can carry, and some things it cannot (raw strings are sent as they are). */
const anyJson = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom('name', 'days', 'time', 'retention', 'code'), fc.jsonValue()),
  fc.record({
    name: fc.oneof(fc.string({ maxLength: 120 }), fc.integer(), fc.constant(null)),
    days: fc.oneof(fc.array(fc.integer({ min: -3, max: 9 }), { maxLength: 9 }), fc.string()),
    time: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('03:00', '24:00', '3:0', '')),
  }),
);
const body = fc.oneof(
  anyJson.map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}', ''),
);
/** Path segments: digits (sometimes valid), words, escapes, very long. */
const segment = fc.oneof(
  fc.stringMatching(/^\d{1,25}$/),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.constantFrom('..', '%2e%2e', '%00', '-1', '1e3', ' 1', '5203773%20', 'x'.repeat(300)),
);
const headerValue = fc.string({ maxLength: 60 }).filter((v) => /^[\x20-\x7e]*$/.test(v));

async function send(request: InjectOptions) {
  // A call of the previous request may still be under way (a check made alongside one that
  // failed): the log starts once none is.
  while (ctx.control.inFlight.current > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  ctx.control.clearCalls();
  const response = await ctx.app.inject(request);
  const calls = ctx.control.calls.map((c) => c.func);
  return { status: response.statusCode, calls };
}

/**
 * Under 500; and refused as invalid → none of the Zomro functions this route could call was
 * called (a straggling call of an earlier request may still land in the log).
 */
function check({ status, calls }: { status: number; calls: string[] }, funcs: readonly string[]) {
  expect(status).toBeLessThan(500);
  if (REFUSED.has(status)) expect(calls.filter((f) => funcs.includes(f))).toEqual([]);
}

const SCHEDULE_FUNCS = [
  'instances',
  'instances.fleio_bckps.schedule',
  'instances.fleio_bckps.schedule.edit',
  'instances.fleio_bckps.schedule.delete',
];

const json = (extra: Record<string, string> = {}) => ({
  cookie,
  'content-type': 'application/json',
  ...extra,
});

describe('no 5xx, and nothing invalid reaches Zomro', () => {
  it('schedule create, change and delete: bodies, ids and headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'PUT', 'DELETE'),
        segment,
        segment,
        body,
        fc.option(headerValue, { nil: undefined }),
        fc.option(headerValue, { nil: undefined }),
        async (method, instanceId, scheduleId, payload, key, ifMatch) => {
          const url =
            method === 'POST'
              ? `/api/instances/${instanceId}/schedules`
              : `/api/instances/${instanceId}/schedules/${scheduleId}`;
          const headers = json({
            ...(key !== undefined && { 'idempotency-key': key }),
            ...(ifMatch !== undefined && { 'if-match': ifMatch }),
          });
          const result = await send({ method, url, headers, payload });
          check(result, SCHEDULE_FUNCS);
          // A body the schema refuses never makes or changes anything at Zomro.
          let parsed: unknown;
          try {
            parsed = JSON.parse(payload);
          } catch {
            parsed = undefined;
          }
          if (method !== 'DELETE' && !scheduleInputSchema.safeParse(parsed).success) {
            expect(result.calls.filter((f) => f.endsWith('.edit'))).toEqual([]);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('lists, retention and the audit trail: ids, queries and bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        segment,
        body,
        fc.dictionary(
          fc.constantFrom('instanceId', 'actor', 'action', 'before', 'limit', 'from', 'to', 'x'),
          fc.string({ maxLength: 30 }),
        ),
        async (instanceId, payload, query) => {
          check(
            await send({
              method: 'GET',
              url: `/api/instances/${instanceId}/schedules`,
              headers: { cookie },
            }),
            SCHEDULE_FUNCS,
          );
          check(
            await send({
              method: 'PUT',
              url: `/api/instances/${instanceId}/retention`,
              headers: json(),
              payload,
            }),
            ['instances', 'instances.edit'],
          );
          check(await send({ method: 'GET', url: '/api/audit', query, headers: { cookie } }), []);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('sign-in and the 2FA code: bodies and content types', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/session', '/api/session/totp'),
        body,
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
        async (url, payload, type) => {
          const result = await send({
            method: 'POST',
            url,
            headers: { 'content-type': type },
            payload,
          });
          check(result, ['auth', 'totp.confirm', 'whoami']);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
