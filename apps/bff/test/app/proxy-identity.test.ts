// Operators named by a trusted proxy: viewers unless EDITOR_OPERATORS lists them (or says `*`),
// the operators file's role wins for a name it holds, and a header that is repeated, or names
// someone with a colon, a control or bidi character, is refused; names are UTF-8 (issue 19, item 5).
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { buildTeamApp, type TestContext, type TestOperator } from '../helper.js';

const VICTOR: TestOperator = { name: 'victor', role: 'viewer', password: 'battery staple' };
const ALICE: TestOperator = { name: 'alice', role: 'editor', password: 'correct horse' };

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

/** GET /api/session as the proxy sends it; the header value as a string of bytes (latin1). */
async function whoIs(c: TestContext, user: string) {
  const response = await c.app.inject({
    method: 'GET',
    url: '/api/session',
    remoteAddress: '127.0.0.1',
    headers: { 'x-forwarded-user': user },
  });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}

/** The same over a real socket, with exactly these header lines (inject joins repeated ones). */
async function rawRequest(c: TestContext, headerLines: Buffer[]): Promise<string> {
  const address = await c.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = new URL(address);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.write(
      Buffer.concat([
        Buffer.from('GET /api/session HTTP/1.1\r\nHost: x\r\nConnection: close\r\n'),
        ...headerLines.map((line) => Buffer.concat([line, Buffer.from('\r\n')])),
        Buffer.from('\r\n'),
      ]),
    );
  });
}

const latin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

describe('roles of proxy operators', () => {
  it('are viewers unless EDITOR_OPERATORS lists them', async () => {
    const c = (ctx = await buildTeamApp({ proxy: { editors: new Set(['carol']) } }));
    expect((await whoIs(c, 'carol')).body).toEqual({ user: { username: 'carol', role: 'editor' } });
    expect((await whoIs(c, 'dave')).body).toEqual({ user: { username: 'dave', role: 'viewer' } });
  });

  it('are all editors with EDITOR_OPERATORS=*, except where the operators file says otherwise', async () => {
    const c = (ctx = await buildTeamApp({ operators: [VICTOR, ALICE], proxy: { editors: '*' } }));
    expect((await whoIs(c, 'dave')).body).toMatchObject({ user: { role: 'editor' } });
    expect((await whoIs(c, 'victor')).body).toEqual({
      user: { username: 'victor', role: 'viewer' },
    });
  });

  it('take the operators file’s role for a name it lists, whatever EDITOR_OPERATORS says', async () => {
    const c = (ctx = await buildTeamApp({ operators: [ALICE], proxy: { editors: new Set() } }));
    expect((await whoIs(c, 'alice')).body).toEqual({ user: { username: 'alice', role: 'editor' } });
  });

  it('are read from EDITOR_OPERATORS; VIEWER_OPERATORS is refused with the reason', () => {
    const env = {
      ZOMRO_USERNAME: 'company',
      ZOMRO_PASSWORD: 'x',
      TRUST_PROXY_AUTH_HEADER: 'X-Forwarded-User',
      TRUSTED_PROXY_IPS: '127.0.0.1',
    };
    expect(loadConfig({ ...env, EDITOR_OPERATORS: 'carol, dave' }).proxyAuth?.editors).toEqual(
      new Set(['carol', 'dave']),
    );
    expect(loadConfig({ ...env, EDITOR_OPERATORS: '*' }).proxyAuth?.editors).toBe('*');
    expect(loadConfig(env).proxyAuth?.editors).toEqual(new Set());
    expect(() => loadConfig({ ...env, VIEWER_OPERATORS: 'vera' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, VIEWER_OPERATORS: 'vera' })).toThrow(/EDITOR_OPERATORS/);
  });
});

describe('names from the proxy', () => {
  it.each([
    ['a colon', 'zed:editor'],
    ['a comma (two names joined)', 'zed, alice'],
    ['a control character', 'zed\u0007'],
    ['a bidi control', 'evil\u202e'],
  ])('are refused with %s: 400 PROXY_IDENTITY_INVALID', async (_what, name) => {
    const c = (ctx = await buildTeamApp({ proxy: { editors: '*' } }));
    const answer = await whoIs(c, latin1(name));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'PROXY_IDENTITY_INVALID' });
  });

  it('are decoded as UTF-8', async () => {
    const c = (ctx = await buildTeamApp({ proxy: { editors: new Set(['jürgen']) } }));
    expect((await whoIs(c, latin1('jürgen'))).body).toEqual({
      user: { username: 'jürgen', role: 'editor' },
    });
    const notUtf8 = await whoIs(c, Buffer.from([0x6a, 0xfc, 0x72]).toString('latin1'));
    expect(notUtf8.status).toBe(400);
  });

  it('refuse a request with the header twice, over a real connection', async () => {
    const c = (ctx = await buildTeamApp({ proxy: { editors: '*' } }));
    const answer = await rawRequest(c, [
      Buffer.from('X-Forwarded-User: zed'),
      Buffer.from('X-Forwarded-User: alice'),
    ]);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('PROXY_IDENTITY_INVALID');
    expect(answer).not.toContain('"username"');
  });

  it('arrive as UTF-8 bytes over a real connection', async () => {
    const c = (ctx = await buildTeamApp({ proxy: { editors: '*' } }));
    const answer = await rawRequest(c, [
      Buffer.concat([Buffer.from('X-Forwarded-User: '), Buffer.from('jürgen', 'utf8')]),
    ]);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain('"username":"jürgen"');
  });
});
