/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   The answers are untyped JSON on purpose: the assertions read the envelope as a client would. */
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, DEMO_TOTP_ACCOUNT, totpCode } from '../src/index.js';
import { ENCODINGS, startTestEmulator } from './helpers.js';

const ACCESS = { $type: 'access', msg: { $: 'Insufficient privileges to perform the function' } };

describe('auth', () => {
  it.each(ENCODINGS)('opens a session with %s parameters', async (encoding) => {
    const emulator = await startTestEmulator();
    const doc = await emulator.call(
      { func: 'auth', username: 'demo', password: 'demo', lang: 'en' },
      encoding,
    );
    expect(doc.auth.$id).toMatch(/^[0-9a-f]{24}$/);
    expect(doc.auth.$).toBe(doc.auth.$id);
    expect(doc.$lang).toBe('en');
    expect(doc.$func).toBe('auth');
    const whoami = await emulator.call({ func: 'whoami', auth: doc.auth.$id }, encoding);
    expect(whoami.user.$name).toBe('demo');
    expect(whoami.ok).toBeUndefined();
  });

  it('answers bad credentials with HTTP 200 and an auth error, never echoing the password', async () => {
    const emulator = await startTestEmulator();
    const attempts: Array<[username: string, password: string]> = [
      ['demo', 'wrong-secret'],
      ['nobody', 'demo'],
      ['demo', ''],
    ];
    for (const [username, password] of attempts) {
      const response = await emulator.send({ func: 'auth', username, password, out: 'json' });
      expect(response.status).toBe(200);
      const raw = await response.text();
      expect(raw).not.toContain('wrong-secret');
      const { doc } = JSON.parse(raw) as { doc: Record<string, unknown> };
      expect(doc.error).toMatchObject({
        $type: 'auth',
        $object: 'badpassword',
        msg: { $: 'Invalid username or password' },
      });
      expect(doc.auth).toBeUndefined();
    }
  });

  it('serves the same API at /billmgr', async () => {
    const emulator = await startTestEmulator();
    const response = await emulator.send(
      { func: 'auth', username: 'demo', password: 'demo', out: 'json' },
      'multipart',
      'billmgr',
    );
    const body = (await response.json()) as { doc: { auth: { $id: string } } };
    expect(body.doc.auth.$id).toMatch(/^[0-9a-f]{24}$/);
  });
});

describe('sessions', () => {
  it('refuses calls without a valid session with the access error', async () => {
    const emulator = await startTestEmulator();
    for (const auth of [undefined, 'ffffffffffffffffffffffff']) {
      for (const func of ['whoami', 'keepalive', 'instances', 'instances.fleio_bckps.schedule']) {
        const params: Record<string, string> = { func, elid: '5203773' };
        if (auth) params.auth = auth;
        const doc = await emulator.call(params);
        expect(doc.error).toMatchObject(ACCESS);
      }
    }
  });

  it('keeps a session alive for an hour after its last request, then forgets it', async () => {
    let now = Date.UTC(2025, 0, 1, 12);
    const emulator = await startTestEmulator({ now: () => now });
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    now += 59 * 60_000;
    expect((await emulator.call({ func: 'keepalive', auth })).ok).toEqual({});
    // The keepalive moved the deadline: another 59 minutes are still within the hour.
    now += 59 * 60_000;
    expect((await emulator.call({ func: 'instances', auth })).error).toBeUndefined();
    now += 60 * 60_000;
    expect((await emulator.call({ func: 'keepalive', auth })).error).toMatchObject(ACCESS);
    // Once expired it stays expired even if the clock were to go back.
    now -= 30 * 60_000;
    expect((await emulator.call({ func: 'instances', auth })).error).toMatchObject(ACCESS);
  });

  it('honours a configured session lifetime', async () => {
    let now = 1_000_000;
    const emulator = await startTestEmulator({ now: () => now, sessionTtlMs: 5_000 });
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    now += 4_999;
    expect((await emulator.call({ func: 'keepalive', auth })).ok).toBeDefined();
    now += 5_000;
    expect((await emulator.call({ func: 'keepalive', auth })).error).toMatchObject(ACCESS);
  });

  it('logs out with logon, with or without sok=ok, as Zomro’s panel does', async () => {
    const emulator = await startTestEmulator();
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    // The panel's logout: no sok. The answer is the login form, and the session is over.
    const form = await emulator.call({ func: 'logon', auth });
    expect(form.ok).toBeUndefined();
    expect(form.error).toBeUndefined();
    expect((await emulator.call({ func: 'keepalive', auth })).error).toMatchObject(ACCESS);
    const other = await emulator.signIn(DEMO_ACCOUNT);
    expect((await emulator.call({ func: 'logon', auth: other, sok: 'ok' })).ok).toEqual({});
    expect((await emulator.call({ func: 'keepalive', auth: other })).error).toMatchObject(ACCESS);
    // Logging out twice, or a session nobody knows, is harmless.
    expect((await emulator.call({ func: 'logon', auth: other, sok: 'ok' })).ok).toEqual({});
    expect((await emulator.call({ func: 'logon', auth })).error).toBeUndefined();
  });

  it('answers the access and busy messages in Russian for lang=ru', async () => {
    const emulator = await startTestEmulator();
    const expired = await emulator.call({ func: 'keepalive', auth: 'nope', lang: 'ru' });
    expect(expired.error).toMatchObject({
      $type: 'access',
      $lang: 'ru',
      msg: { $: 'У вас недостаточно прав на выполнение функции' },
    });
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    emulator.control.addFault({ kind: 'running-operation' });
    const busy = await emulator.call({ func: 'instances', auth, lang: 'ru' });
    expect(busy.error).toMatchObject({
      $object: 'runningoperation',
      msg: { $: 'Ваш запрос обрабатывается, пожалуйста, подождите' },
    });
    expect((await emulator.call({ func: 'keepalive', auth: 'nope' })).error).toMatchObject(ACCESS);
  });

  it('keeps sessions apart: logging one out leaves the other', async () => {
    const emulator = await startTestEmulator();
    const first = await emulator.signIn(DEMO_ACCOUNT);
    const second = await emulator.signIn(DEMO_ACCOUNT);
    expect(first).not.toBe(second);
    await emulator.call({ func: 'logon', auth: first, sok: 'ok' });
    expect((await emulator.call({ func: 'keepalive', auth: second })).ok).toBeDefined();
  });

  it('answers an unknown func with an error naming it', async () => {
    const emulator = await startTestEmulator();
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    const response = await emulator.send({ func: 'vds.reboot', auth, out: 'json' });
    expect(response.status).toBe(200);
    const { doc } = (await response.json()) as { doc: Record<string, unknown> };
    expect(doc.error).toMatchObject({ $type: 'missed', $object: 'func' });
  });
});

describe('two-factor sign-in', () => {
  it('asks for the code, refuses other calls until it is confirmed, then lets them through', async () => {
    const now = Date.UTC(2025, 5, 1, 9, 30);
    const emulator = await startTestEmulator({ now: () => now });
    const doc = await emulator.call({
      func: 'auth',
      username: DEMO_TOTP_ACCOUNT.username,
      password: DEMO_TOTP_ACCOUNT.password,
    });
    const auth = doc.auth.$id as string;
    expect((await emulator.call({ func: 'whoami', auth })).ok.$).toBe('func=totp.confirm');
    // While the code is owed, data functions answer a bare ok with no data: an "empty list"
    // from such a session means nothing.
    const pending = await emulator.call({ func: 'instances', auth });
    expect(pending.ok).toEqual({});
    expect(pending.elem).toBeUndefined();
    expect(pending.p_elems).toBeUndefined();
    expect(pending.error).toBeUndefined();

    const secret = DEMO_TOTP_ACCOUNT.totpSecret ?? '';
    const missing = await emulator.call({ func: 'totp.confirm', auth, sok: 'ok' });
    expect(missing.error).toMatchObject({ $type: 'missed', $object: 'qrcode' });
    const stale = totpCode(secret, now - 5 * 60_000);
    const wrong = await emulator.call({ func: 'totp.confirm', auth, qrcode: stale, sok: 'ok' });
    expect(wrong.error).toMatchObject({ $type: 'value', $object: 'qrcode' });
    expect((await emulator.call({ func: 'instances', auth })).elem).toBeUndefined();

    const confirmed = await emulator.call({
      func: 'totp.confirm',
      auth,
      qrcode: totpCode(secret, now),
      sok: 'ok',
      clicked_button: 'ok',
    });
    expect(confirmed.ok).toBeDefined();
    // A new session id, as Zomro's panel expects; the old one is over.
    const renewed = confirmed.auth.$id as string;
    expect(renewed).toMatch(/^[0-9a-f]{24}$/);
    expect(renewed).not.toBe(auth);
    expect((await emulator.call({ func: 'whoami', auth })).error).toMatchObject(ACCESS);
    expect((await emulator.call({ func: 'whoami', auth: renewed })).user.$name).toBe('demo2fa');
    const instances = await emulator.call({ func: 'instances', auth: renewed });
    expect(instances.p_elems.$).toBe('3');
  });

  it('can keep the session id and answer the access error while the code is owed', async () => {
    const now = Date.UTC(2025, 5, 1, 9, 30);
    const emulator = await startTestEmulator({
      now: () => now,
      totpRenewsSession: false,
      totpPendingAnswer: 'access',
    });
    const doc = await emulator.call({
      func: 'auth',
      username: DEMO_TOTP_ACCOUNT.username,
      password: DEMO_TOTP_ACCOUNT.password,
    });
    const auth = doc.auth.$id as string;
    expect((await emulator.call({ func: 'instances', auth })).error).toMatchObject(ACCESS);
    expect((await emulator.call({ func: 'keepalive', auth })).error).toMatchObject(ACCESS);
    const code = totpCode(DEMO_TOTP_ACCOUNT.totpSecret ?? '', now);
    const confirmed = await emulator.call({ func: 'totp.confirm', auth, qrcode: code, sok: 'ok' });
    expect(confirmed.auth.$id).toBe(auth);
    expect((await emulator.call({ func: 'keepalive', auth })).ok).toBeDefined();
  });

  it('accepts a code one step old (clock drift) and rejects another account secret', async () => {
    const now = Date.UTC(2025, 5, 1, 9, 30, 10);
    const emulator = await startTestEmulator({ now: () => now });
    const other = emulator.control.createAccount({ totp: true });
    const login = async () =>
      (
        await emulator.call({
          func: 'auth',
          username: DEMO_TOTP_ACCOUNT.username,
          password: DEMO_TOTP_ACCOUNT.password,
        })
      ).auth.$id as string;
    const foreign = totpCode(other.totpSecret ?? '', now);
    const auth1 = await login();
    const rejected = await emulator.call({ func: 'totp.confirm', auth: auth1, qrcode: foreign });
    expect(rejected.error).toMatchObject({ $object: 'qrcode' });
    const drifted = totpCode(DEMO_TOTP_ACCOUNT.totpSecret ?? '', now - 30_000);
    const accepted = await emulator.call({ func: 'totp.confirm', auth: auth1, qrcode: drifted });
    expect(accepted.error).toBeUndefined();
    const renewed = accepted.auth.$id as string;
    expect((await emulator.call({ func: 'keepalive', auth: renewed })).ok).toBeDefined();
  });

  it('signs a created two-factor account in with its own secret', async () => {
    const emulator = await startTestEmulator();
    const account = emulator.control.createAccount({ totp: true });
    expect(account.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    const auth = await emulator.signIn(account);
    expect((await emulator.call({ func: 'whoami', auth })).user.$name).toBe(account.username);
  });
});
