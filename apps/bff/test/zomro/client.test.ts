// The Zomro client on its own: what it puts on the wire, paging, sessions and keepalive, against
// the emulator over HTTP, plus a stubbed fetch for answers the emulator does not give.
import {
  DEMO_ACCOUNT,
  DEMO_TOTP_ACCOUNT,
  demoAccountData,
  startEmulator,
  totpCode,
  type RunningEmulator,
} from '@zomro-dash/zomro-emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZomroClient } from '../../src/zomro/client.js';
import {
  ZomroApiError,
  ZomroBadResponseError,
  ZomroBlockedError,
  ZomroTimeoutError,
} from '../../src/zomro/errors.js';
import { PAGE_CONCURRENCY } from '../../src/zomro/list-pages.js';
import { longRequestPath } from '../../src/zomro/long-request.js';

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
  const sent: Array<{
    url: string;
    method: string;
    contentType: string | null;
    body: URLSearchParams;
  }> = [];
  const fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const answer = answers.shift() ?? { body: { doc: {} } };
    return request.text().then((text) => {
      sent.push({
        url: request.url,
        method: request.method,
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
  it('fetch every page at the saved page size with p_num alone, never sending p_cnt', async () => {
    const signIn = await client().signIn(DEMO_ACCOUNT.username, DEMO_ACCOUNT.password);
    emulator.control.setPageSize(DEMO_ACCOUNT.username, 50);
    const whole = await client().listInstances(signIn.token);
    expect(whole).toHaveLength(demoAccountData().instances.length);
    emulator.control.setPageSize(DEMO_ACCOUNT.username, 3);
    emulator.control.clearCalls();
    emulator.control.setLatency({ fixedMs: 40 });
    const paged = await client().listInstances(signIn.token);
    expect(paged).toEqual(whole);
    const calls = emulator.control.calls;
    const pages = Math.ceil(whole.length / 3);
    expect(calls).toHaveLength(pages);
    expect(calls.map((c) => Number(c.params.p_num)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: pages }, (_, i) => i + 1),
    );
    expect(calls.some((c) => 'p_cnt' in c.params)).toBe(false);
    expect(emulator.control.pageSizeChanges).toEqual([]);
    // The first page alone, then the others a few at a time.
    expect(emulator.control.inFlight.max).toBe(Math.min(PAGE_CONCURRENCY, pages - 1));
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
    }).listInstances('t');
    expect(instances.map((i) => i.id)).toEqual(['1', '2', '3']);
    expect(sent.map((s) => s.body.get('p_num'))).toEqual(['1', '2']);
    expect(sent.some((s) => s.body.has('p_cnt'))).toBe(false);
  });

  it('stop when the server ignores p_num instead of looping', async () => {
    const page = {
      doc: {
        elem: [{ id: { $: '1' } }, { id: { $: '2' } }],
        p_elems: { $: '10' },
        p_cnt: { $: '2' },
        p_num: { $: '1' },
      },
    };
    const { fetch, sent } = stubFetch(Array.from({ length: 10 }, () => ({ body: page })));
    const instances = await new ZomroClient({
      url: 'http://x/',
      timeoutMs: 1_000,
      fetch,
    }).listInstances('t');
    expect(instances.map((i) => i.id)).toEqual(['1', '2']);
    // The first page, then at most one round of parallel pages.
    expect(sent.length).toBeLessThanOrEqual(1 + PAGE_CONCURRENCY);
  });

  it('read the list again when the page size changed between its pages', async () => {
    const row = (id: string) => ({ id: { $: id } });
    const page = (size: number, num: number, ids: string[]) => ({
      body: {
        doc: {
          elem: ids.map(row),
          p_elems: { $: '4' },
          p_cnt: { $: String(size) },
          p_num: { $: String(num) },
        },
      },
    });
    const { fetch, sent } = stubFetch([
      page(2, 1, ['1', '2']),
      // The operator set 3 rows a page in Zomro's panel meanwhile: row 3 would be lost.
      page(3, 2, ['4']),
      page(3, 1, ['1', '2', '3']),
      page(3, 2, ['4']),
    ]);
    const instances = await new ZomroClient({
      url: 'http://x/',
      timeoutMs: 1_000,
      fetch,
    }).listInstances('t');
    expect(instances.map((i) => i.id)).toEqual(['1', '2', '3', '4']);
    expect(sent).toHaveLength(4);
  });

  it('give the schedules with how many backups Zomro keeps', async () => {
    const signIn = await client().signIn(DEMO_ACCOUNT.username, DEMO_ACCOUNT.password);
    const listed = await client().listSchedules(signIn.token, '5203815');
    expect(listed.retention).toBe(3);
    expect(listed.schedules.map((s) => s.id)).toEqual(['24', '25', '26']);
  });
});

describe('long requests', () => {
  const LONG_PAGE =
    '<html><body><p>Please wait</p>\n<script>\nvar url = "long/a1b2/billmgr";\n</script></body></html>';

  it('follow the page URL, relative to the API address, until JSON comes', async () => {
    const { fetch, sent } = stubFetch([
      { body: LONG_PAGE },
      { body: LONG_PAGE },
      { body: { doc: { ok: {}, id: { $: '99' } } } },
    ]);
    const created = await new ZomroClient({
      url: 'https://api.zomro.com/billmgr',
      timeoutMs: 5_000,
      fetch,
    }).createSchedule('tok', '1', { name: 'Slow', days: [1], time: '01:00' });
    expect(created).toEqual({ answeredId: '99' });
    expect(sent.map((s) => s.url)).toEqual([
      'https://api.zomro.com/billmgr',
      'https://api.zomro.com/long/a1b2/billmgr',
      'https://api.zomro.com/long/a1b2/billmgr',
    ]);
    // The looks are plain GETs: no body, so no session id travels with them.
    expect(sent.slice(1).map((s) => s.method)).toEqual(['GET', 'GET']);
    expect(sent.slice(1).every((s) => [...s.body].length === 0)).toBe(true);
  });

  it('end with a time-out when the operation outlasts the call', async () => {
    const { fetch, sent } = stubFetch(Array.from({ length: 50 }, () => ({ body: LONG_PAGE })));
    await expect(
      new ZomroClient({ url: 'https://api.zomro.com/', timeoutMs: 700, fetch }).deleteSchedule(
        'tok',
        '5',
      ),
    ).rejects.toBeInstanceOf(ZomroTimeoutError);
    // A short growing wait: a few looks, not a busy loop.
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.length).toBeLessThan(6);
  });

  it('read an HTML page without a long-request URL as a bad response', async () => {
    const { fetch } = stubFetch([{ body: '<html><body>502 Bad Gateway</body></html>' }]);
    await expect(
      new ZomroClient({ url: 'http://x/', timeoutMs: 1_000, fetch }).listInstances('t'),
    ).rejects.toBeInstanceOf(ZomroBadResponseError);
  });

  it('find the URL with the panel pattern, and only within the page', () => {
    expect(longRequestPath(LONG_PAGE)).toBe('long/a1b2/billmgr');
    expect(longRequestPath('<a href="long/x/billmgr">long/x/billmgr</a>')).toBe('long/x/billmgr');
    expect(longRequestPath('{"doc":{"long":"billmgr"}}')).toBeNull();
    expect(longRequestPath('<html>nothing here</html>')).toBeNull();
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
    // As Zomro's panel confirms: the code, sok and clicked_button; then the session id answered.
    expect(emulator.control.calls.find((c) => c.func === 'totp.confirm')?.params).toMatchObject({
      qrcode: '***',
      sok: 'ok',
      clicked_button: 'ok',
    });
    expect(token).not.toBe(twoFactor.token);
    expect(await client().keepalive(twoFactor.token)).toBe(false);
    expect(await client().keepalive(token)).toBe(true);

    emulator.control.expireSessions(DEMO_ACCOUNT.username);
    expect(await client().keepalive(plain.token)).toBe(false);
    expect(await client().keepalive(token)).toBe(true);
    emulator.control.clearCalls();
    await client().signOut(token);
    expect(await client().keepalive(token)).toBe(false);
    // Logged out as the panel does: logon without sok.
    const logon = emulator.control.calls.find((c) => c.func === 'logon');
    expect(logon?.params).not.toHaveProperty('sok');
  });

  it('keep the session id when totp.confirm answers none', async () => {
    const { fetch } = stubFetch([{ body: { doc: { ok: {} } } }]);
    const token = await new ZomroClient({ url: 'http://x/', timeoutMs: 1_000, fetch }).confirmTotp(
      'same',
      '123456',
    );
    expect(token).toBe('same');
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
