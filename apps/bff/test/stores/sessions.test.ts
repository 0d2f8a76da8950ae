// The in-memory session store: idle expiry from the last set, deletion, sweeping.
import { describe, expect, it } from 'vitest';
import { MemorySessionStore } from '../../src/stores/sessions.js';

const session = {
  kind: 'zomro' as const,
  username: 'demo',
  zomroToken: 't',
  totpPending: false,
  createdAt: 0,
};

describe('MemorySessionStore', () => {
  it('expires a session ttl after the last set', async () => {
    let now = 1_000;
    const store = new MemorySessionStore({ now: () => now });
    await store.set('a', session, 100);
    now += 99;
    expect(await store.get('a')).toEqual(session);
    await store.set('a', session, 100);
    now += 99;
    expect(await store.get('a')).toEqual(session);
    now += 1;
    expect(await store.get('a')).toBeUndefined();
    await store.close();
  });

  it('deletes and sweeps', async () => {
    let now = 0;
    const store = new MemorySessionStore({ now: () => now });
    await store.set('a', session, 10);
    await store.set('b', session, 1_000);
    await store.delete('b');
    expect(await store.get('b')).toBeUndefined();
    now = 50;
    expect(store.size).toBe(1);
    store.sweep();
    expect(store.size).toBe(0);
    await store.close();
  });
});
