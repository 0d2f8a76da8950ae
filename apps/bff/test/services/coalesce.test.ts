import { describe, expect, it } from 'vitest';
import { ReadCoalescer } from '../../src/services/coalesce.js';

/** A read that answers when the test says so, counting how often it was started. */
function controlledRead() {
  let calls = 0;
  let answer!: (value: string) => void;
  let fail!: (error: Error) => void;
  const read = () => {
    calls += 1;
    return new Promise<string>((resolve, reject) => {
      answer = resolve;
      fail = reject;
    });
  };
  return {
    read,
    calls: () => calls,
    answer: (v: string) => answer(v),
    fail: (e: Error) => fail(e),
  };
}

describe('ReadCoalescer', () => {
  it('gives reads of one key that arrive together one call and the same answer', async () => {
    const coalescer = new ReadCoalescer();
    const { read, calls, answer } = controlledRead();
    const reads = [1, 2, 3].map(() => coalescer.run('account:list', read));
    answer('the list');
    expect(await Promise.all(reads)).toEqual(['the list', 'the list', 'the list']);
    expect(calls()).toBe(1);
  });

  it('never joins reads of different keys, nor a read that starts after the answer', async () => {
    const coalescer = new ReadCoalescer();
    const first = controlledRead();
    const other = controlledRead();
    const a = coalescer.run('alice:list', first.read);
    const b = coalescer.run('bob:list', other.read);
    first.answer('alice');
    other.answer('bob');
    expect([await a, await b]).toEqual(['alice', 'bob']);
    const later = controlledRead();
    const c = coalescer.run('alice:list', later.read);
    later.answer('alice, later');
    expect(await c).toBe('alice, later');
    expect([first.calls(), other.calls(), later.calls()]).toEqual([1, 1, 1]);
  });

  it('lets a joiner whose leader failed read for itself', async () => {
    const coalescer = new ReadCoalescer();
    const leader = controlledRead();
    const own = controlledRead();
    const led = coalescer.run('k', leader.read);
    const joined = coalescer.run('k', own.read);
    leader.fail(new Error('session expired'));
    await expect(led).rejects.toThrow('session expired');
    await new Promise((resolve) => setImmediate(resolve));
    own.answer('read again');
    expect(await joined).toBe('read again');
  });

  it('makes a read that arrives after forget(key) read for itself, while the joiners before it share', async () => {
    const coalescer = new ReadCoalescer();
    const before = controlledRead();
    const after = controlledRead();
    const first = coalescer.run('k', before.read);
    const joined = coalescer.run('k', before.read);
    coalescer.forget('k');
    const fresh = coalescer.run('k', after.read);
    const joinedFresh = coalescer.run('k', after.read);
    // The first read's end must not forget the read started after forget().
    before.answer('before the change');
    expect([await first, await joined]).toEqual(['before the change', 'before the change']);
    const third = coalescer.run('k', after.read);
    after.answer('after the change');
    expect([await fresh, await joinedFresh, await third]).toEqual([
      'after the change',
      'after the change',
      'after the change',
    ]);
    expect([before.calls(), after.calls()]).toEqual([1, 1]);
  });
});
