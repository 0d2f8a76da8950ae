// GET /api/health names the upstream and does not call it.
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../../helper.js';

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

describe('GET /api/health', () => {
  it.each(['emulator', 'zomro'] as const)('answers ok with upstream %s', async (upstream) => {
    ctx = await buildTestApp({ config: { upstream } });
    const response = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', upstream, mode: 'personal', store: 'memory' });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(ctx.control.calls).toEqual([]);
  });
});
