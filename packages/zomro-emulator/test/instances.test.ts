/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   The answers are untyped JSON on purpose: the assertions read the envelope as a client would. */
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../src/index.js';
import { ENCODINGS, plain, rows, startTestEmulator } from './helpers.js';

describe('instances', () => {
  it.each(ENCODINGS)('lists the demo account instances with %s parameters', async (encoding) => {
    const emulator = await startTestEmulator();
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    const doc = await emulator.call({ func: 'instances', auth }, encoding);
    const list = rows(doc).map(plain);
    expect(doc.p_elems).toEqual({ $: String(list.length) });
    expect(list.length).toBeGreaterThanOrEqual(10);
    // Unpaged: no page keys, as BILLmanager answers when p_cnt is not asked for.
    expect(doc.p_cnt).toBeUndefined();
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

  it('pages with p_cnt and p_num, reporting the total in p_elems', async () => {
    const emulator = await startTestEmulator({ oneRowAsObject: false });
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    const all = rows(await emulator.call({ func: 'instances', auth })).map((r) => plain(r).id);
    const seen: Array<string | undefined> = [];
    for (let page = 1; page <= Math.ceil(all.length / 4); page++) {
      const doc = await emulator.call({
        func: 'instances',
        auth,
        p_cnt: '4',
        p_num: String(page),
      });
      expect(doc.p_cnt).toEqual({ $: '4' });
      expect(doc.p_num).toEqual({ $: String(page) });
      expect(doc.p_elems).toEqual({ $: String(all.length) });
      const ids = rows(doc).map((r) => plain(r).id);
      expect(ids.length).toBe(Math.min(4, all.length - (page - 1) * 4));
      seen.push(...ids);
    }
    expect(seen).toEqual(all);
    const beyond = await emulator.call({ func: 'instances', auth, p_cnt: '4', p_num: '99' });
    expect(beyond.elem).toBeUndefined();
    expect(beyond.p_elems).toEqual({ $: String(all.length) });
  });

  it('renders a one-row page as an object by default, and as an array when told', async () => {
    const emulator = await startTestEmulator();
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    const params = { func: 'instances', auth, p_cnt: '1', p_num: '1' };
    const lone = await emulator.call(params);
    expect(Array.isArray(lone.elem)).toBe(false);
    expect(lone.elem.id).toEqual({ $: '5203773' });
    emulator.control.setOneRowAsObject(false);
    const asArray = await emulator.call(params);
    expect(asArray.elem).toEqual([lone.elem]);
    emulator.control.setOneRowAsObject(true);
    expect(Array.isArray((await emulator.call(params)).elem)).toBe(false);
  });

  it('answers XML for any out other than json', async () => {
    const emulator = await startTestEmulator();
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    for (const out of ['xml', 'devel', undefined]) {
      const params: Record<string, string> = { func: 'instances', auth, p_cnt: '10' };
      if (out) params.out = out;
      const response = await emulator.send(params);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('xml');
      const body = await response.text();
      expect(body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<doc lang="en"/);
      expect(body).toContain('<elem><id>5203773</id><servername>MyServer</servername>');
      expect(body).toContain('<p_elems>11</p_elems>');
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
