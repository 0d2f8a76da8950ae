// The test barrier: held calls wait, in flight together, until released; other functions pass.
import { describe, expect, it, vi } from 'vitest';
import { DEMO_ACCOUNT } from '../src/index.js';
import { startTestEmulator } from './helpers.js';

describe('control.hold', () => {
  it('keeps the next calls of one function in flight until released, and lets others pass', async () => {
    const emulator = await startTestEmulator();
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    const hold = emulator.control.hold({ func: 'instances', count: 2 });
    let answered = 0;
    const held = [1, 2].map(() =>
      emulator.call({ func: 'instances', auth }).then((doc) => {
        answered += 1;
        return doc;
      }),
    );
    await vi.waitFor(() => expect(hold.held).toBe(2));
    // Another function is not held, and the two held calls are still waiting meanwhile.
    await emulator.call({ func: 'instances.fleio_bckps.schedule', auth, elid: '5203773' });
    expect(answered).toBe(0);
    expect(emulator.control.inFlight.current).toBe(2);
    // A third call of the function is past the count: it is answered at once.
    expect((await emulator.call({ func: 'instances', auth })).elem).toBeDefined();
    hold.release();
    const docs = await Promise.all(held);
    expect(docs.every((doc) => doc.elem !== undefined)).toBe(true);
    expect(hold.held).toBe(0);
  });

  it('lets every held call go on a reset', async () => {
    const emulator = await startTestEmulator();
    const auth = await emulator.signIn(DEMO_ACCOUNT);
    const hold = emulator.control.hold();
    const call = emulator.call({ func: 'instances', auth });
    await vi.waitFor(() => expect(hold.held).toBe(1));
    emulator.control.reset();
    expect((await call).error).toBeDefined(); // The reset forgot the session: answered, not hung.
  });
});
