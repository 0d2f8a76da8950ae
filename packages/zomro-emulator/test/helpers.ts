// Drives a real emulator over HTTP the way a client of Zomro would, in each of the encodings
// BILLmanager accepts, and reads the `doc` envelope back.
import { afterEach } from 'vitest';
import {
  startEmulator,
  totpCode,
  type DemoAccount,
  type EmulatorOptions,
  type RunningEmulator,
} from '../src/index.js';

export type Encoding = 'urlencoded' | 'multipart' | 'get';
export const ENCODINGS: readonly Encoding[] = ['urlencoded', 'multipart', 'get'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the doc is untyped JSON by nature
export type Doc = Record<string, any>;

const running: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

export interface TestEmulator extends RunningEmulator {
  /** Sends a call and returns the raw response. */
  send(params: Record<string, string>, encoding?: Encoding, path?: string): Promise<Response>;
  /** Sends a call with `out=json` and returns `doc`. */
  call(params: Record<string, string>, encoding?: Encoding): Promise<Doc>;
  /** Signs in (confirming the second factor when the account has one) and returns the session id. */
  signIn(account: DemoAccount): Promise<string>;
}

export async function startTestEmulator(
  options: EmulatorOptions & { port?: number } = {},
): Promise<TestEmulator> {
  const emulator = await startEmulator(options);
  running.push(emulator);
  const now = options.now ?? Date.now;

  const send = (params: Record<string, string>, encoding: Encoding = 'urlencoded', path = '') => {
    const url = new URL(path, emulator.url);
    if (encoding === 'get') {
      url.search = new URLSearchParams(params).toString();
      return fetch(url);
    }
    if (encoding === 'multipart') {
      const form = new FormData();
      for (const [key, value] of Object.entries(params)) form.append(key, value);
      return fetch(url, { method: 'POST', body: form });
    }
    return fetch(url, { method: 'POST', body: new URLSearchParams(params) });
  };

  const call = async (params: Record<string, string>, encoding: Encoding = 'urlencoded') => {
    const response = await send({ out: 'json', ...params }, encoding);
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    const body = (await response.json()) as { doc: Doc };
    return body.doc;
  };

  const signIn = async (account: DemoAccount) => {
    const doc = await call({
      func: 'auth',
      username: account.username,
      password: account.password,
    });
    const id = (doc.auth as { $id: string } | undefined)?.$id;
    if (!id) throw new Error(`auth failed: ${JSON.stringify(doc.error)}`);
    if (account.totpSecret) {
      const confirmed = await call({
        func: 'totp.confirm',
        auth: id,
        qrcode: totpCode(account.totpSecret, now()),
        sok: 'ok',
      });
      if (confirmed.error) throw new Error(`totp.confirm failed: ${JSON.stringify(confirmed)}`);
      // The confirmed session may have a new id (it does by default): continue with it.
      return (confirmed.auth as { $id: string }).$id;
    }
    return id;
  };

  return { ...emulator, send, call, signIn };
}

/** `doc.elem` as an array, whichever way the emulator rendered it. */
export function rows(doc: Doc): Doc[] {
  const elem = doc.elem as Doc | Doc[] | undefined;
  if (elem === undefined) return [];
  return Array.isArray(elem) ? (elem as Doc[]) : [elem];
}

/** A row with every `{"$": text}` unwrapped. */
export function plain(row: Doc): Record<string, string> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, (v as { $: string }).$]));
}
