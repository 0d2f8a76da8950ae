// One task at a time per key, different keys in parallel, and a failure does not block the queue.
import { describe, expect, it } from 'vitest';
import { KeyedSerial } from '../../src/lib/keyed-serial.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('KeyedSerial', () => {
  it('runs tasks of one key in order, one at a time', async () => {
    const serial = new KeyedSerial();
    const events: string[] = [];
    const gate = deferred();
    const first = serial.run('a', async () => {
      events.push('first start');
      await gate.promise;
      events.push('first end');
      return 1;
    });
    const second = serial.run('a', () => {
      events.push('second start');
      return Promise.resolve(2);
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(events).toEqual(['first start']);
    gate.resolve();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(events).toEqual(['first start', 'first end', 'second start']);
  });

  it('lets different keys run at the same time', async () => {
    const serial = new KeyedSerial();
    const gate = deferred();
    const events: string[] = [];
    const a = serial.run('a', async () => {
      events.push('a');
      await gate.promise;
    });
    const b = serial.run('b', () => {
      events.push('b');
      return Promise.resolve();
    });
    await b;
    expect(events).toEqual(['a', 'b']);
    gate.resolve();
    await a;
  });

  it('continues after a failure and forgets idle keys', async () => {
    const serial = new KeyedSerial();
    const failing = serial.run('a', () => Promise.reject(new Error('boom')));
    const next = serial.run('a', () => Promise.resolve('ok'));
    await expect(failing).rejects.toThrow('boom');
    expect(await next).toBe('ok');
    await new Promise((resolve) => setImmediate(resolve));
    expect(serial.size).toBe(0);
  });
});
