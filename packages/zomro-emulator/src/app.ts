// Builds the emulator: a Fastify app speaking BILLmanager, plus the control handle that tests
// use to inject faults, create accounts and inspect what the emulator was sent.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { apiRoutes } from './api-routes.js';
import { controlRoutes } from './control-routes.js';
import { EmulatorState } from './state.js';
import type { EmulatorControl, EmulatorOptions } from './types.js';

export const DEFAULT_SESSION_TTL_MS = 3_600_000;
/** Rows per page an account starts with: small, so that clients must page. */
export const DEFAULT_PAGE_SIZE = 5;

function instanceOf(state: EmulatorState, username: string, instanceId: string) {
  const instance = state.account(username).instances.find((i) => i.id === instanceId);
  if (!instance) throw new Error(`The account "${username}" has no instance ${instanceId}`);
  return instance;
}

function createControl(state: EmulatorState): EmulatorControl {
  return {
    clock: () => state.clock(),
    advanceClock: (ms) => state.advanceClock(ms),
    setBackupFault: (username, instanceId, fault) => {
      const account = state.account(username);
      instanceOf(state, username, instanceId);
      // Runs due before the fault are made without it.
      state.catchUpBackups(account);
      if (fault === null) account.backupFaults.delete(instanceId);
      else account.backupFaults.set(instanceId, { kind: fault, since: state.clock() });
    },
    backupsOf: (username, instanceId) => {
      const account = state.account(username);
      instanceOf(state, username, instanceId);
      state.catchUpBackups(account);
      return account.backups
        .filter((b) => b.instanceId === instanceId)
        .sort((a, b) => a.createdAt - b.createdAt)
        .map(({ id, name, type, createdAt, status, protected: isProtected, sizeGb }) => ({
          id,
          instanceId,
          name,
          type,
          createdAt,
          status,
          protected: isProtected,
          sizeGb,
        }));
    },
    addFault: (fault) => state.addFault(fault),
    hold: (options) => state.holds.add(options?.func, options?.count ?? 1),
    clearFaults: () => state.clearFaults(),
    setLatency: (latency) => {
      state.latency = { ...latency };
    },
    expireSessions: (username) => state.expireSessions(username),
    createAccount: (options) =>
      state.createAccount(options?.totp === true, options?.instances ?? 0),
    setOneRowAsObject: (on) => {
      state.oneRowAsObject = on;
    },
    setPageSize: (username, size) => {
      if (!Number.isInteger(size) || size < 1) throw new Error('A page size is a positive integer');
      state.account(username).pageSize = size;
    },
    pageSizeOf: (username) => state.account(username).pageSize,
    get pageSizeChanges() {
      return state.pageSizeChanges.map((change) => ({ ...change }));
    },
    setInstanceStatus: (username, instanceId, status) => {
      instanceOf(state, username, instanceId).instanceStatus = status;
    },
    retentionOf: (username, instanceId) =>
      Number(instanceOf(state, username, instanceId).backupRotation),
    get inFlight() {
      const { current, max, instances } = state.inFlight;
      return {
        current,
        max,
        instances: Object.fromEntries(
          Object.entries(instances).map(([id, counts]) => [id, { ...counts }]),
        ),
      };
    },
    reset: () => state.reset(),
    get calls() {
      return [...state.calls];
    },
    clearCalls: () => {
      state.calls.length = 0;
    },
    schedulesOf: (username, instanceId) => {
      return state
        .account(username)
        .schedules.filter((s) => s.instanceId === instanceId)
        .map((s) => ({ id: s.id, name: s.name, days: [...s.days], time: s.time }));
    },
  };
}

export function buildEmulatorApp(options: EmulatorOptions = {}): {
  app: FastifyInstance;
  control: EmulatorControl;
} {
  const state = new EmulatorState({
    now: options.now ?? Date.now,
    ...(options.clock && { clock: options.clock }),
    sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    oneRowAsObject: options.oneRowAsObject ?? false,
    pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
    totpRenewsSession: options.totpRenewsSession ?? true,
    totpPendingAnswer: options.totpPendingAnswer ?? 'empty',
  });
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
