// The team account's back-off after Zomro refuses it: 30 s, doubling up to 10 minutes, no attempt
// in between, and a clean slate after a success.
import { startEmulator, type RunningEmulator } from '@zomro-dash/zomro-emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Secret } from '../../src/config.js';
import { TeamAccount, TeamAccountRejectedError } from '../../src/services/team-account.js';
import { MemoryTeamSessionStore } from '../../src/stores/team-session.js';
import { ZomroClient } from '../../src/zomro/client.js';

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterEach(async () => {
  await emulator.close();
});

const silent = { info: () => undefined, error: () => undefined };

describe('TeamAccount', () => {
  it('waits 30 s after a refusal, then doubles the wait up to 10 minutes', async () => {
    const account = emulator.control.createAccount();
    const password = { value: 'wrong' };
    let now = 1_000_000;
    const team = new TeamAccount({
      client: new ZomroClient({ url: emulator.url, timeoutMs: 2_000 }),
      config: {
        username: account.username,
        get password() {
          return new Secret(password.value);
        },
        totpSecret: null,
      },
      store: new MemoryTeamSessionStore(),
      logger: silent,
      now: () => now,
    });
    const attempts = () => emulator.control.calls.filter((c) => c.func === 'auth').length;
    const run = () => team.run(() => Promise.resolve('done'));

    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      const error = (await run().catch((e: unknown) => e)) as TeamAccountRejectedError;
      expect(error).toBeInstanceOf(TeamAccountRejectedError);
      waits.push(error.retryAfterSeconds);
      // Within the wait: refused at once, Zomro not asked.
      now += error.retryAfterSeconds * 1000 - 1;
      await expect(run()).rejects.toBeInstanceOf(TeamAccountRejectedError);
      now += 1;
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 600, 600]);
    expect(attempts()).toBe(7);
    expect(await team.status()).toBe('rejected');

    password.value = account.password;
    await expect(run()).resolves.toBe('done');
    expect(await team.status()).toBe('ok');
  });
});
