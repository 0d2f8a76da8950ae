// HTTP control of a running emulator for end-to-end tests (faults, latency, accounts, calls);
// mounted under /__emulator only when the emulator was started with test control on.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorState } from './state.js';
import { BACKUP_FAULT_KINDS, type BackupFaultKind } from './backups.js';
import { totpCode } from './totp.js';
import { FAULT_KINDS, type EmulatorControl, type Fault, type FaultKind } from './types.js';

function asRecord(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** A Fault from an untrusted JSON body, or a sentence saying what is wrong with it. */
export function parseFault(body: unknown): Fault | string {
  const { kind, count, skip, afterEffect, func, username, error, polls } = asRecord(body);
  if (!FAULT_KINDS.includes(kind as FaultKind))
    return `kind must be one of ${FAULT_KINDS.join(', ')}`;
  const fault: Fault = { kind: kind as FaultKind };
  if (count !== undefined) {
    if (!Number.isInteger(count) || (count as number) < 1)
      return 'count must be a positive integer';
    fault.count = count as number;
  }
  if (skip !== undefined) {
    if (!Number.isInteger(skip) || (skip as number) < 0) return 'skip must be an integer >= 0';
    fault.skip = skip as number;
  }
  if (afterEffect !== undefined) {
    if (typeof afterEffect !== 'boolean') return 'afterEffect must be true or false';
    fault.afterEffect = afterEffect;
  }
  if (func !== undefined) {
    if (!isString(func)) return 'func must be a string';
    fault.func = func;
  }
  if (username !== undefined) {
    if (!isString(username) || username === '') return 'username must be a non-empty string';
    fault.username = username;
  }
  if (error !== undefined) {
    const { type, object, message } = asRecord(error);
    if (!isString(type) || !isString(message) || (object !== undefined && !isString(object))) {
      return 'error must be { type, object?, message } strings';
    }
    fault.error = object === undefined ? { type, message } : { type, object, message };
  }
  if (polls !== undefined) {
    if (!Number.isInteger(polls) || (polls as number) < 0) {
      return 'polls must be an integer >= 0';
    }
    fault.polls = polls as number;
  }
  if (fault.kind === 'error' && !fault.error) return "kind 'error' needs an error";
  return fault;
}

/** Runs a control action: 204, or 404 with its message when it names what does not exist. */
function tryControl(reply: FastifyReply, action: () => void): void {
  try {
    action();
  } catch (error) {
    void reply.code(404).send({ message: (error as Error).message });
    return;
  }
  void reply.code(204).send();
}

export function controlRoutes(
  app: FastifyInstance,
  { state, control }: { state: EmulatorState; control: EmulatorControl },
  done: (error?: Error) => void,
) {
  // Handlers send and return nothing: Fastify would otherwise try to send the returned reply.
  app.post('/faults', (request, reply) => {
    const fault = parseFault(request.body);
    if (typeof fault === 'string') {
      void reply.code(400).send({ message: fault });
      return;
    }
    control.addFault(fault);
    void reply.code(204).send();
  });
  app.delete('/faults', (_request, reply) => {
    control.clearFaults();
    void reply.code(204).send();
  });
  app.post('/latency', (request, reply) => {
    const { fixedMs, jitterMs } = asRecord(request.body);
    const valid = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
    if (!valid(fixedMs) || (jitterMs !== undefined && !valid(jitterMs))) {
      void reply.code(400).send({ message: 'fixedMs and jitterMs are milliseconds >= 0' });
      return;
    }
    control.setLatency({ fixedMs: fixedMs as number, jitterMs: jitterMs as number | undefined });
    void reply.code(204).send();
  });
  app.post('/accounts', (request, reply) => {
    const { totp, instances } = asRecord(request.body);
    if (
      instances !== undefined &&
      (!Number.isInteger(instances) || (instances as number) < 0 || (instances as number) > 10_000)
    ) {
      void reply.code(400).send({ message: 'instances must be an integer from 0 to 10000' });
      return;
    }
    void reply
      .code(201)
      .send(control.createAccount({ totp: totp === true, instances: (instances as number) ?? 0 }));
  });
  app.post('/sessions/expire', (request, reply) => {
    const { username } = asRecord(request.body);
    control.expireSessions(isString(username) ? username : undefined);
    void reply.code(204).send();
  });
  app.post('/reset', (_request, reply) => {
    control.reset();
    void reply.code(204).send();
  });
  app.get('/calls', (_request, reply) => {
    void reply.send({ calls: control.calls });
  });
  app.get('/in-flight', (_request, reply) => {
    void reply.send(control.inFlight);
  });
  app.get('/page-size-changes', (_request, reply) => {
    void reply.send({ changes: control.pageSizeChanges });
  });
  app.post('/page-size', (request, reply) => {
    const { username, size } = asRecord(request.body);
    if (!isString(username) || !Number.isInteger(size) || (size as number) < 1) {
      void reply.code(400).send({ message: 'Send { username, size } with size >= 1' });
      return;
    }
    tryControl(reply, () => control.setPageSize(username, size as number));
  });
  app.post('/instance-status', (request, reply) => {
    const { username, instanceId, status } = asRecord(request.body);
    if (!isString(username) || !isString(instanceId) || !isString(status)) {
      void reply.code(400).send({ message: 'Send { username, instanceId, status } strings' });
      return;
    }
    tryControl(reply, () => control.setInstanceStatus(username, instanceId, status));
  });
  app.get('/clock', (_request, reply) => {
    void reply.send({ now: control.clock() });
  });
  app.post('/clock', (request, reply) => {
    const { advanceMs } = asRecord(request.body);
    if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0) {
      void reply.code(400).send({ message: 'Send { advanceMs } with milliseconds >= 0' });
      return;
    }
    control.advanceClock(advanceMs);
    void reply.send({ now: control.clock() });
  });
  app.post('/backup-fault', (request, reply) => {
    const { username, instanceId, fault } = asRecord(request.body);
    const kind = fault === null || BACKUP_FAULT_KINDS.includes(fault as BackupFaultKind);
    if (!isString(username) || !isString(instanceId) || !kind) {
      void reply.code(400).send({
        message: `Send { username, instanceId, fault } with fault one of ${BACKUP_FAULT_KINDS.join(', ')} or null`,
      });
      return;
    }
    tryControl(reply, () =>
      control.setBackupFault(username, instanceId, fault as BackupFaultKind | null),
    );
  });
  app.get<{ Params: { username: string; instanceId: string } }>(
    '/backups/:username/:instanceId',
    (request, reply) => {
      try {
        const { username, instanceId } = request.params;
        void reply.send({ backups: control.backupsOf(username, instanceId) });
      } catch (error) {
        void reply.code(404).send({ message: (error as Error).message });
      }
    },
  );
  app.get<{ Params: { username: string } }>('/totp/:username', (request, reply) => {
    const secret = state.accounts.get(request.params.username)?.totpSecret;
    if (!secret) {
      void reply.code(404).send({ message: 'No such two-factor account' });
      return;
    }
    void reply.send({ code: totpCode(secret, state.now()) });
  });
  done();
}
