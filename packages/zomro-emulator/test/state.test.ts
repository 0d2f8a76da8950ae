// The emulator's memory: what it keeps must not grow without bound in a long-running `npm start`.
import { describe, expect, it } from 'vitest';
import { EmulatorState } from '../src/state.js';

describe('EmulatorState sessions', () => {
  it('forgets sessions that expired without being used again when a new one opens', () => {
    let now = 1_000_000;
    const state = new EmulatorState({
      now: () => now,
      sessionTtlMs: 60_000,
      oneRowAsObject: true,
      pageSize: 5,
      totpRenewsSession: true,
      totpPendingAnswer: 'empty',
    });
    const stale = state.openSession('demo', false);
    const live = state.openSession('demo', false);
    now += 30_000;
    expect(state.touchSession(live.id)).toBeDefined();
    now += 40_000; // stale: 70 s idle; live: 40 s idle
    state.openSession('demo', false);
    expect(state.sessions.has(stale.id)).toBe(false);
    expect(state.sessions.has(live.id)).toBe(true);
    expect(state.sessions.size).toBe(2);
  });
});
