// Builds the emulator: a Fastify app speaking BILLmanager, plus the control handle that tests
// use to inject faults, create accounts and inspect what the emulator was sent.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { apiRoutes } from './api-routes.js';
import { controlRoutes } from './control-routes.js';
import { EmulatorState } from './state.js';
import type { EmulatorControl, EmulatorOptions } from './types.js';

export const DEFAULT_SESSION_TTL_MS = 3_600_000;

function createControl(state: EmulatorState): EmulatorControl {
  return {
    addFault: (fault) => state.addFault(fault),
    clearFaults: () => state.clearFaults(),
    setLatency: (latency) => {
      state.latency = { ...latency };
    },
    expireSessions: (username) => state.expireSessions(username),
    createAccount: (options) => state.createAccount(options?.totp === true),
    setOneRowAsObject: (on) => {
      state.oneRowAsObject = on;
    },
    reset: () => state.reset(),
    get calls() {
      return [...state.calls];
    },
    clearCalls: () => {
      state.calls.length = 0;
    },
    schedulesOf: (username, instanceId) => {
      const account = state.accounts.get(username);
      if (!account) throw new Error(`The emulator has no account "${username}"`);
      return account.schedules
        .filter((s) => s.instanceId === instanceId)
        .map((s) => ({ id: s.id, name: s.name, days: [...s.days], time: s.time }));
    },
  };
}

export function buildEmulatorApp(options: EmulatorOptions = {}): {
  app: FastifyInstance;
  control: EmulatorControl;
} {
  const state = new EmulatorState(
    options.now ?? Date.now,
    options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    options.oneRowAsObject ?? true,
  );
  const control = createControl(state);
  // Hanging calls would keep close() waiting forever; sockets are cut when the app closes.
  const app = Fastify({ logger: false, forceCloseConnections: true });
  const hanging = new Set<FastifyRequest>();
  app.addHook('onClose', (_instance, done) => {
    for (const request of hanging) request.raw.socket?.destroy();
    hanging.clear();
    done();
  });
  void app.register(apiRoutes, { state, hanging });
  if (options.testControl === true) {
    void app.register(controlRoutes, { prefix: '/__emulator', state, control });
  }
  return { app, control };
}
