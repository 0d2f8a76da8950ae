// Serving the SPA (files, history fallback, caching), the plain message when it is not built,
// the API's own 404, and the OpenAPI description at /api/docs.
import { afterEach, describe, expect, it } from 'vitest';
import { NO_BUILD_MESSAGE } from '../../src/plugins/web.js';
import path from 'node:path';
import { buildTestApp, makeWebBuild, tempDir, type TestContext } from '../helper.js';

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

describe('with a web build', () => {
  it('serves index.html at / and for any page path, uncached', async () => {
    ctx = await buildTestApp({ config: { webDistDir: makeWebBuild() } });
    for (const url of ['/', '/instances/5203773', '/instances/5203773/schedules?x=1', '/login']) {
      const response = await ctx.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<title>Dashboard</title>');
    }
  });

  it('serves hashed assets as immutable and other files as no-cache', async () => {
    ctx = await buildTestApp({ config: { webDistDir: makeWebBuild() } });
    const asset = await ctx.app.inject({ method: 'GET', url: '/assets/index-3f9a1c.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log("app");');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await ctx.app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
    expect(icon.headers['x-content-type-options']).toBe('nosniff');
  });

  it('judges "hashed" by the path inside the build, not by an assets folder above it', async () => {
    const parent = path.join(tempDir('bff-deploy-'), 'assets', 'release');
    ctx = await buildTestApp({ config: { webDistDir: makeWebBuild(parent) } });
    for (const url of ['/', '/index.html', '/favicon.svg']) {
      const response = await ctx.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
    const asset = await ctx.app.inject({ method: 'GET', url: '/assets/index-3f9a1c.js' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('does not serve source maps', async () => {
    ctx = await buildTestApp({ config: { webDistDir: makeWebBuild() } });
    const map = await ctx.app.inject({ method: 'GET', url: '/assets/index-3f9a1c.js.map' });
    expect(map.statusCode).toBe(404);
    expect(map.body).not.toContain('"sources"');
    const upper = await ctx.app.inject({ method: 'GET', url: '/assets/index-3f9a1c.js.MAP' });
    expect(upper.body).not.toContain('"sources"');
  });

  it('answers 404 for a missing file rather than the app', async () => {
    ctx = await buildTestApp({ config: { webDistDir: makeWebBuild() } });
    const response = await ctx.app.inject({ method: 'GET', url: '/assets/missing-123.js' });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('<title>');
  });

  it('answers an unknown /api path with the API 404 JSON', async () => {
    ctx = await buildTestApp({ config: { webDistDir: makeWebBuild() } });
    for (const [method, url] of [
      ['GET', '/api/nope'],
      ['GET', '/api'],
      ['DELETE', '/api/instances'],
    ] as const) {
      const response = await ctx.app.inject({ method, url });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });
});

describe('without a web build', () => {
  it('serves a short plain message instead of the app, and the API still works', async () => {
    ctx = await buildTestApp();
    const page = await ctx.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toMatch(/^text\/plain/);
    expect(page.body).toBe(NO_BUILD_MESSAGE);
    const health = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
  });
});

describe('/api/docs', () => {
  it('serves the UI and an OpenAPI description of every route, from the same schemas', async () => {
    ctx = await buildTestApp();
    const ui = await ctx.app.inject({ method: 'GET', url: '/api/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('<title>Swagger UI</title>');

    const spec = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown; responses: object }>>;
    }>();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths).sort()).toEqual([
      '/api/audit',
      '/api/health',
      '/api/instances',
      '/api/instances/{instanceId}/retention',
      '/api/instances/{instanceId}/schedules',
      '/api/instances/{instanceId}/schedules/{scheduleId}',
      '/api/ready',
      '/api/schedules',
      '/api/schedules/bulk',
      '/api/session',
      '/api/session/options',
      '/api/session/totp',
    ]);
    const create = spec.paths['/api/instances/{instanceId}/schedules']!.post!;
    expect(Object.keys(create.responses)).toEqual(
      expect.arrayContaining(['201', '202', '4XX', '5XX']),
    );
    expect(JSON.stringify(create.requestBody)).toContain('"maxLength":100');
    expect(spec.paths['/api/session']!.delete).toBeDefined();
  });
});
