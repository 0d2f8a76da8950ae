// The in-process instance lock: one task at a time per key, different keys in parallel, a failure
// does not block the queue, at most `maxWaiting` wait, and a waiter whose request left is skipped.
import { describe, expect, it } from 'vitest';
import {
  LockQueueFullError,
  LockWaitAbortedError,
  MemoryInstanceLocks,
} from '../../src/stores/locks.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('MemoryInstanceLocks', () => {
  it('runs tasks of one key in order, one at a time', async () => {
    const locks = new MemoryInstanceLocks();
    const events: string[] = [];
    const gate = deferred();
    const first = locks.run('a', async () => {
      events.push('first start');
      await gate.promise;
      events.push('first end');
      return 1;
    });
    const second = locks.run('a', () => {
      events.push('second start');
      return Promise.resolve(2);
    });
    await tick();
    expect(events).toEqual(['first start']);
    gate.resolve();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(events).toEqual(['first start', 'first end', 'second start']);
  });

  it('lets different keys run at the same time', async () => {
    const locks = new MemoryInstanceLocks();
    const gate = deferred();
    const events: string[] = [];
    const a = locks.run('a', async () => {
      events.push('a');
      await gate.promise;
    });
    const b = locks.run('b', () => {
      events.push('b');
      return Promise.resolve();
    });
    await b;
    expect(events).toEqual(['a', 'b']);
    gate.resolve();
    await a;
  });

  it('continues after a failure and forgets idle keys', async () => {
    const locks = new MemoryInstanceLocks();
    const failing = locks.run('a', () => Promise.reject(new Error('boom')));
    const next = locks.run('a', () => Promise.resolve('ok'));
    await expect(failing).rejects.toThrow('boom');
    expect(await next).toBe('ok');
    await tick();
    expect(locks.size).toBe(0);
  });

  it('refuses a task when maxWaiting tasks wait already', async () => {
    const locks = new MemoryInstanceLocks({ maxWaiting: 2 });
    const gate = deferred();
    const running = locks.run('a', () => gate.promise);
    const waiting = [
      locks.run('a', () => Promise.resolve()),
      locks.run('a', () => Promise.resolve()),
    ];
    await expect(locks.run('a', () => Promise.resolve())).rejects.toBeInstanceOf(
      LockQueueFullError,
    );
    // Another key is not affected.
    await expect(locks.run('b', () => Promise.resolve('b'))).resolves.toBe('b');
    gate.resolve();
    await Promise.all([running, ...waiting]);
  });

  it('skips a waiting task whose signal aborted, and runs the rest', async () => {
    const locks = new MemoryInstanceLocks();
    const gate = deferred();
    const ran: string[] = [];
    const running = locks.run('a', () => gate.promise);
    const controller = new AbortController();
    const abandoned = locks.run(
      'a',
      () => {
        ran.push('abandoned');
        return Promise.resolve();
      },
      { signal: controller.signal },
    );
    const kept = locks.run('a', () => {
      ran.push('kept');
      return Promise.resolve();
    });
    controller.abort();
    await expect(abandoned).rejects.toBeInstanceOf(LockWaitAbortedError);
    gate.resolve();
    await Promise.all([running, kept]);
    expect(ran).toEqual(['kept']);
    await expect(
      locks.run('a', () => Promise.resolve(), { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(LockWaitAbortedError);
  });
});
