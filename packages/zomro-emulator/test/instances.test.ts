/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   The answers are untyped JSON on purpose: the assertions read the envelope as a client would. */
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT, DEMO_TOTP_ACCOUNT, demoAccountData } from '../src/index.js';
import { ENCODINGS, plain, rows, startTestEmulator } from './helpers.js';

const DEMO_COUNT = demoAccountData().instances.length;

describe('instances', () => {
  it.each(ENCODINGS)('lists the demo account instances with %s parameters', async (encoding) => {
    const emulator = await startTestEmulator({ pageSize: 100 });
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    const doc = await emulator.call({ func: 'instances', auth }, encoding);
    const list = rows(doc).map(plain);
    expect(doc.p_elems).toEqual({ $: String(list.length) });
    expect(list.length).toBeGreaterThanOrEqual(10);
    // The page keys come with every list, as Zomro's panel reads them.
    expect(doc.p_cnt).toEqual({ $: '100' });
    expect(doc.p_num).toEqual({ $: '1' });
    const seed = list.find((row) => row.id === '5203773');
    expect(seed).toMatchObject({ servername: 'MyServer', instance_status: 'active' });
    for (const row of list) {
      expect(Object.keys(row)).toEqual(
        expect.arrayContaining([
          'id',
          'servername',
          'name',
          'ip',
          'instance_status',
          'item_status',
          'status',
          'instances_os',
        ]),
      );
      for (const value of Object.values(row)) expect(typeof value).toBe('string');
    }
    expect(list.some((row) => row.servername === '' && row.name !== '')).toBe(true);
    expect(new Set(list.map((row) => row.instance_status)).size).toBeGreaterThanOrEqual(3);
  });

  it('pages at the saved page size with p_num alone, reporting p_cnt, p_num and p_elems', async () => {
    const emulator = await startTestEmulator();
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    expect(emulator.control.pageSizeOf('demo')).toBe(5);
    const first = await emulator.call({ func: 'instances', auth });
    const total = Number(first.p_elems.$);
    expect(total).toBe(DEMO_COUNT);
    expect(first.p_cnt).toEqual({ $: '5' });
    expect(first.p_num).toEqual({ $: '1' });
    const seen = rows(first).map((r) => plain(r).id);
    expect(seen).toHaveLength(5);
    for (let page = 2; page <= Math.ceil(total / 5); page++) {
      const doc = await emulator.call({ func: 'instances', auth, p_num: String(page) });
      expect(doc.p_num).toEqual({ $: String(page) });
      expect(doc.p_elems).toEqual({ $: String(DEMO_COUNT) });
      seen.push(...rows(doc).map((r) => plain(r).id));
    }
    expect(new Set(seen).size).toBe(DEMO_COUNT);
    const beyond = await emulator.call({ func: 'instances', auth, p_num: '99' });
    expect(beyond.elem).toBeUndefined();
    expect(beyond.p_elems).toEqual({ $: String(DEMO_COUNT) });
    expect(emulator.control.pageSizeChanges).toEqual([]);
  });

  it('saves a p_cnt as the account’s page size and records the change', async () => {
    const emulator = await startTestEmulator({ now: () => 1_000 });
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    const doc = await emulator.call({ func: 'instances', auth, p_cnt: '4', p_num: '3' });
    expect(doc.p_cnt).toEqual({ $: '4' });
    // Page 3 at 4 rows a page: rows 9 to 12.
    expect(rows(doc)).toHaveLength(Math.min(4, DEMO_COUNT - 8));
    // The next list without p_cnt uses the saved setting, as the operator's panel would.
    expect((await emulator.call({ func: 'instances', auth })).p_cnt).toEqual({ $: '4' });
    // Nonsense is ignored; the same value again is no change.
    await emulator.call({ func: 'instances', auth, p_cnt: 'all' });
    await emulator.call({ func: 'instances', auth, p_cnt: '4' });
    expect(emulator.control.pageSizeOf('demo')).toBe(4);
    expect(emulator.control.pageSizeChanges).toEqual([
      { username: 'demo', from: 5, to: 4, at: 1_000 },
    ]);
    // Another account keeps its own setting.
    expect(emulator.control.pageSizeOf(DEMO_TOTP_ACCOUNT.username)).toBe(5);
    emulator.control.setPageSize('demo', 2);
    expect((await emulator.call({ func: 'instances', auth })).p_cnt).toEqual({ $: '2' });
    expect(emulator.control.pageSizeChanges).toHaveLength(1);
  });

  it('renders a one-row page as an array by default, and as an object when told', async () => {
    const emulator = await startTestEmulator({ pageSize: 1 });
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    const params = { func: 'instances', auth, p_num: '1' };
    const asArray = await emulator.call(params);
    expect(Array.isArray(asArray.elem)).toBe(true);
    expect(asArray.elem[0].id).toEqual({ $: '5203773' });
    emulator.control.setOneRowAsObject(true);
    const lone = await emulator.call(params);
    expect(lone.elem).toEqual(asArray.elem[0]);
    emulator.control.setOneRowAsObject(false);
    expect(Array.isArray((await emulator.call(params)).elem)).toBe(true);
  });

  it('answers XML for any out other than json', async () => {
    const emulator = await startTestEmulator({ pageSize: 50 });
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    for (const out of ['xml', 'devel', undefined]) {
      const params: Record<string, string> = { func: 'instances', auth };
      if (out) params.out = out;
      const response = await emulator.send(params);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('xml');
      const body = await response.text();
      expect(body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<doc lang="en"/);
      expect(body).toContain('<elem><id>5203773</id><servername>MyServer</servername>');
      expect(body).toContain(`<p_elems>${DEMO_COUNT}</p_elems>`);
      // A servername with markup in it arrives escaped, never as markup.
      expect(body).toContain('<servername>dev &amp; test &lt;old&gt;</servername>');
      expect(body).not.toContain(auth);
    }
  });

  it('keeps extra keys around the content, as the real service does', async () => {
    const emulator = await startTestEmulator();
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    const doc = await emulator.call({ func: 'instances', auth, lang: 'en' });
    expect(doc).toMatchObject({ $lang: 'en', $func: 'instances' });
    expect(doc.tparams.func).toEqual({ $: 'instances' });
    // The session id is not echoed back.
    expect(doc.tparams.auth).toBeUndefined();
  });
});
