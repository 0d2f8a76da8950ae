// The Zomro client on its own: what it puts on the wire, paging, sessions and keepalive, against
// the emulator over HTTP, plus a stubbed fetch for answers the emulator does not give.
import {
  DEMO_ACCOUNT,
  DEMO_TOTP_ACCOUNT,
  startEmulator,
  totpCode,
  type RunningEmulator,
} from '@zomro-dash/zomro-emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZomroClient } from '../../src/zomro/client.js';
import { ZomroBadResponseError, ZomroBlockedError, ZomroApiError } from '../../src/zomro/errors.js';

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterEach(async () => {
  await emulator.close();
});

const client = (options: Partial<ConstructorParameters<typeof ZomroClient>[0]> = {}) =>
  new ZomroClient({ url: emulator.url, timeoutMs: 5_000, ...options });

/** A fetch that answers each call with the next body, recording what it was sent. */
function stubFetch(answers: Array<{ status?: number; body: unknown }>) {
  const sent: Array<{ url: string; contentType: string | null; body: URLSearchParams }> = [];
  const fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const answer = answers.shift() ?? { body: { doc: {} } };
    return request.text().then((text) => {
      sent.push({
        url: request.url,
        contentType: request.headers.get('content-type'),
        body: new URLSearchParams(text),
      });
      const payload = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      return new Response(payload, { status: answer.status ?? 200 });
    });
  };
  return { fetch: fetch, sent };
}

describe('the wire', () => {
  it('posts form-urlencoded data with func, out=json, lang=en and auth', async () => {
    const { fetch, sent } = stubFetch([{ body: { doc: { elem: [] } } }]);
    await new ZomroClient({ url: 'https://api.zomro.com/', timeoutMs: 1_000, fetch }).listSchedules(
      'tok',
      '42',
    );
    expect(sent[0]?.url).toBe('https://api.zomro.com/');
    expect(sent[0]?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(sent[0]!.body)).toMatchObject({
      func: 'instances.fleio_bckps.schedule',
      out: 'json',
      lang: 'en',
      auth: 'tok',
      elid: '42',
    });
  });

  it('reads HTTP 403 as a block and other statuses as a bad response', async () => {
    const blocked = stubFetch([{ status: 403, body: '<html>403</html>' }]);
    await expect(
      new ZomroClient({ url: 'http://x/', timeoutMs: 1_000, fetch: blocked.fetch }).listInstances(
        't',
      ),
    ).rejects.toBeInstanceOf(ZomroBlockedError);
    const broken = stubFetch([{ status: 500, body: { doc: {} } }]);
    await expect(
      new ZomroClient({ url: 'http://x/', timeoutMs: 1_000, fetch: broken.fetch }).listInstances(
        't',
      ),
    ).rejects.toBeInstanceOf(ZomroBadResponseError);
  });
});

describe('lists', () => {
  it('fetch every page when the page is smaller than the list', async () => {
    const signIn = await client().signIn(DEMO_ACCOUNT.username, DEMO_ACCOUNT.password);
    const whole = await client().listInstances(signIn.token);
    emulator.control.clearCalls();
    const paged = await client({ pageSize: 3 }).listInstances(signIn.token);
    expect(paged).toEqual(whole);
    const calls = emulator.control.calls;
    expect(calls).toHaveLength(Math.ceil(whole.length / 3));
    expect(calls.map((c) => c.params.p_num)).toEqual(calls.map((_, i) => String(i + 1)));
  });

  it('keep paging while pages come back full when the answer has no p_elems', async () => {
    const row = (id: string) => ({ id: { $: id } });
    const { fetch, sent } = stubFetch([
      { body: { doc: { elem: [row('1'), row('2')] } } },
      { body: { doc: { elem: row('3') } } },
    ]);
    const instances = await new ZomroClient({
      url: 'http://x/',
      timeoutMs: 1_000,
      fetch,
      pageSize: 2,
    }).listInstances('t');
    expect(instances.map((i) => i.id)).toEqual(['1', '2', '3']);
    expect(sent.map((s) => s.body.get('p_num'))).toEqual(['1', '2']);
  });

  it('stop when the server ignores p_num instead of looping', async () => {
    const page = {
      doc: { elem: [{ id: { $: '1' } }, { id: { $: '2' } }], p_elems: { $: '10' } },
    };
    const { fetch, sent } = stubFetch([{ body: page }, { body: page }, { body: page }]);
    const instances = await new ZomroClient({
      url: 'http://x/',
      timeoutMs: 1_000,
      fetch,
    }).listInstances('t');
    expect(instances.map((i) => i.id)).toEqual(['1', '2']);
    expect(sent).toHaveLength(2);
  });
});

describe('sessions', () => {
  it('sign in, report 2FA, confirm, and tell live sessions from dead ones', async () => {
    const plain = await client().signIn(DEMO_ACCOUNT.username, DEMO_ACCOUNT.password);
    expect(plain.totpRequired).toBe(false);
    expect(plain.token).toMatch(/^[0-9a-f]+$/);
    expect(await client().keepalive(plain.token)).toBe(true);

    const twoFactor = await client().signIn(DEMO_TOTP_ACCOUNT.username, DEMO_TOTP_ACCOUNT.password);
    expect(twoFactor.totpRequired).toBe(true);
    const token = await client().confirmTotp(
      twoFactor.token,
      totpCode(DEMO_TOTP_ACCOUNT.totpSecret!),
    );
    expect(await client().keepalive(token)).toBe(true);

    emulator.control.expireSessions(DEMO_ACCOUNT.username);
    expect(await client().keepalive(plain.token)).toBe(false);
    expect(await client().keepalive(token)).toBe(true);
    await client().signOut(token);
    expect(await client().keepalive(token)).toBe(false);
  });

  it('refuse bad credentials with a typed error', async () => {
    await expect(client().signIn('demo', 'nope')).rejects.toMatchObject({
      constructor: ZomroApiError,
      type: 'auth',
      object: 'badpassword',
    });
  });

  it('read a session id given as the text of doc.auth', async () => {
    const { fetch } = stubFetch([
      { body: { doc: { auth: { $: 'abc123' } } } },
      { body: { doc: { user: { $: 'demo' } } } },
    ]);
    const result = await new ZomroClient({ url: 'http://x/', timeoutMs: 1_000, fetch }).signIn(
      'demo',
      'demo',
    );
    expect(result).toEqual({ token: 'abc123', totpRequired: false });
  });

  it('refuse a sign-in answer without a session id', async () => {
    const { fetch } = stubFetch([{ body: { doc: { ok: {} } } }]);
    await expect(
      new ZomroClient({ url: 'http://x/', timeoutMs: 1_000, fetch }).signIn('demo', 'demo'),
    ).rejects.toBeInstanceOf(ZomroBadResponseError);
  });
});

describe('creating', () => {
  it('returns an id Zomro answered with, and sends one .edit with plid and sok', async () => {
    const { fetch, sent } = stubFetch([{ body: { doc: { ok: {}, id: { $: '7' } } } }]);
    const created = await new ZomroClient({
      url: 'http://x/',
      timeoutMs: 1_000,
      fetch,
    }).createSchedule('t', '1', { name: 'Same', days: [1], time: '01:00' });
    expect(created).toEqual({ answeredId: '7' });
    expect(sent).toHaveLength(1);
    expect(Object.fromEntries(sent[0]!.body)).toMatchObject({
      func: 'instances.fleio_bckps.schedule.edit',
      plid: '1',
      sok: 'ok',
      rotation_days: '1',
    });
  });

  it('returns no id for a bare ok (as Zomro answers)', async () => {
    const { fetch } = stubFetch([{ body: { doc: { ok: {} } } }]);
    const created = await new ZomroClient({
      url: 'http://x/',
      timeoutMs: 1_000,
      fetch,
    }).createSchedule('t', '1', { name: 'Lost', days: [1], time: '01:00' });
    expect(created).toEqual({ answeredId: null });
  });
});
