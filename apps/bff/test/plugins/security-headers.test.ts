// Browser hardening on every response: a strict Content-Security-Policy (Swagger UI's own, on
// /api/docs only), nosniff, no framing.
import { afterEach, expect, it } from 'vitest';
import { buildTestApp, makeWebBuild, type TestContext } from '../helper.js';

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const directives = (header: unknown) =>
  new Map(
    String(header)
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = '', ...values] = d.split(/\s+/);
        return [name, values] as const;
      }),
  );

it('the app, its files and the API: strict CSP, nosniff, frame-ancestors none', async () => {
  ctx = await buildTestApp({ config: { webDistDir: makeWebBuild() } });
  for (const url of ['/', '/instances/1', '/assets/index-3f9a1c.js', '/api/health', '/api/nope']) {
    const response = await ctx.app.inject({ method: 'GET', url });
    const csp = directives(response.headers['content-security-policy']);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(String(response.headers['content-security-policy'])).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('same-origin');
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    // HSTS is the TLS proxy's (it knows the real scheme).
    expect(response.headers['strict-transport-security']).toBeUndefined();
  }
});

it('/api/docs: what Swagger UI needs, scripts by hash (no unsafe-inline), no framing', async () => {
  ctx = await buildTestApp();
  const page = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
  expect(page.statusCode).toBe(200);
  const csp = directives(page.headers['content-security-policy']);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  expect(csp.has('upgrade-insecure-requests')).toBe(false);
  expect(page.headers['x-content-type-options']).toBe('nosniff');
});
