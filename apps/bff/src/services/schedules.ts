// The schedules service: everything between a route and the Zomro client for backup schedules —
// who may change them, the audit trail, the per-instance lock, instances that take no changes,
// If-Match versions, idempotent creates, and learning a new schedule's id.
import { createHash } from 'node:crypto';
import type { BackupSchedule, ValidScheduleInput } from '@zomro-dash/shared';
import { DomainError } from './domain-error.js';
import type { IdempotencyStore } from '../stores/idempotency.js';
import type { InstanceLocks } from '../stores/locks.js';
import type { ListOptions, ZomroClient } from '../zomro/client.js';
import type { ListedSchedule } from '../zomro/mappers.js';
import type { Actor } from './actor.js';
import type { ReadCoalescer } from './coalesce.js';
import {
  isLostAnswer,
  OutcomeUnknownError,
  scheduleValues,
  type AuditTrail,
  type ChangeRecorder,
} from './audit-trail.js';
import {
  bothSettled,
  lockedChange,
  schedulesReadKey,
  type ChangeOptions,
} from './instance-changes.js';
import type { InstanceService } from './instances.js';
import { findCreated, findNewSchedule, sameValues } from './new-schedule.js';
import { PendingCreates } from './pending-creates.js';
import { ifMatchAllows, withVersion, type IfMatch } from './versions.js';

export type CreateResult = { schedule: BackupSchedule } | { schedule: null; pending: true };

export type { ChangeOptions } from './instance-changes.js';

/** An instance's schedules as the API answers them, with how many backups Zomro keeps. */
export interface ScheduleListing {
  schedules: BackupSchedule[];
  retention: number | null;
}

export interface CreateOptions extends ChangeOptions {
  idempotencyKey?: string;
}

export interface UpdateOptions extends ChangeOptions {
  ifMatch?: IfMatch;
}

const noSuchSchedule = () => new DomainError('NOT_FOUND', 'This instance has no such schedule');

export class ScheduleService {
  readonly #client: ZomroClient;
  readonly #audit: AuditTrail;
  readonly #locks: InstanceLocks;
  readonly #idempotency: IdempotencyStore;
  readonly #instances: InstanceService;
  readonly #reads: ReadCoalescer;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #pending: PendingCreates;

  constructor(options: {
    client: ZomroClient;
    instances: InstanceService;
    audit: AuditTrail;
    locks: InstanceLocks;
    idempotency: IdempotencyStore;
    reads: ReadCoalescer;
    sleep?: (ms: number) => Promise<void>;
  }) {
    this.#client = options.client;
    this.#audit = options.audit;
    this.#locks = options.locks;
    this.#idempotency = options.idempotency;
    this.#instances = options.instances;
    this.#reads = options.reads;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.#pending = new PendingCreates(this.#sleep);
  }

  /** Resolves when the follow-ups of 202 pending creates running now have ended. */
  settled(): Promise<void> {
    return this.#pending.settled();
  }

  /** Stops the follow-ups (their entries stay `pending`). */
  close(): Promise<void> {
    return this.#pending.close();
  }

  async list(
    actor: Actor,
    instanceId: string,
    options: ListOptions = {},
  ): Promise<ScheduleListing> {
    const [listed, lastChanges] = await Promise.all([
      this.#reads.run(schedulesReadKey(actor.account, instanceId), () =>
        actor.zomro.run((token) => this.#client.listSchedules(token, instanceId, options)),
      ),
      this.#audit.store.lastChanges(actor.account, instanceId),
    ]);
    return {
      schedules: listed.schedules.map((schedule) => ({
        ...withVersion(schedule),
        lastChange: lastChanges.get(schedule.id) ?? null,
      })),
      retention: listed.retention,
    };
  }

  async create(
    actor: Actor,
    instanceId: string,
    input: ValidScheduleInput,
    options: CreateOptions = {},
  ): Promise<CreateResult> {
    const key =
      options.idempotencyKey === undefined
        ? null
        : `${actor.account}\u0000${options.idempotencyKey}`;
    let unknownSince: ReadonlySet<string> | undefined;
    if (key !== null) {
      const fingerprint = createHash('sha256')
        .update(JSON.stringify([instanceId, input.name, input.days, input.time]))
        .digest('base64url');
      const claim = await this.#idempotency.claim(key, fingerprint);
      if (claim.state === 'done') return claim.result.body as CreateResult;
      if (claim.state === 'mismatch') {
        throw new DomainError(
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was used for a different request; send a new key',
        );
      }
      unknownSince = claim.unknownSince && new Set(claim.unknownSince);
    }
    // What a retry must look for: set once Zomro may have made a schedule (by an earlier attempt
    // or this one), so the key is never released after that, whatever fails next.
    const attempt: CreateAttempt = { since: unknownSince ?? null };
    try {
      const result = await this.#create(actor, instanceId, input, options, attempt);
      if (key !== null) {
        await this.#idempotency.complete(key, {
          status: result.schedule ? 201 : 202,
          body: result,
        });
      }
      return result;
    } catch (error) {
      if (key !== null) {
        // Zomro may have acted (its answer was lost, or the audit outcome or this record failed
        // after it): a retry must look for the schedule first. Otherwise nothing was made and
        // the same key may try again.
        if (attempt.since) await this.#idempotency.markUnknown(key, [...attempt.since]);
        else await this.#idempotency.release(key);
      }
      throw error instanceof OutcomeUnknownError ? error.cause : error;
    }
  }

  #create(
    actor: Actor,
    instanceId: string,
    input: ValidScheduleInput,
    options: ChangeOptions,
    attempt: CreateAttempt,
  ): Promise<CreateResult> {
    const unknownSince = attempt.since;
    const about = {
      ...subject(actor, 'schedule.create', instanceId, null),
      after: scheduleValues(input),
    };
    return this.#audit.change(about, (recorder) =>
      this.#locked(actor, instanceId, options, async () => {
        const [before, blocked] = await bothSettled(
          this.#list(actor, instanceId),
          this.#instances.scheduleChangeRefusal(actor, instanceId),
        );
        const beforeIds = new Set(before.map((s) => s.id));
        const list = () => this.#list(actor, instanceId);
        if (unknownSince) {
          // A retry of a create whose answer was lost: it may have been made after all.
          const made = findNewSchedule(unknownSince, before, input);
          if (made && sameValues(made, input)) return { schedule: changed(recorder, made) };
        }
        if (blocked) throw blocked;
        await recorder.sending();
        attempt.since = beforeIds;
        let answeredId: string | null;
        try {
          ({ answeredId } = await actor.zomro.run((token) =>
            this.#client.createSchedule(token, instanceId, input),
          ));
        } catch (error) {
          if (!isLostAnswer(error)) throw error;
          // Zomro's answer was lost: look before answering whether the schedule was made.
          const made = await findCreated(list, this.#sleep, beforeIds, input, null, 1);
          if (!made) throw new OutcomeUnknownError(error);
          return { schedule: changed(recorder, made) };
        }
        // Zomro has made it: from here on the answer is never a retryable error.
        const made = await findCreated(list, this.#sleep, beforeIds, input, answeredId);
        if (made) return { schedule: changed(recorder, made) };
        // Accepted but not listed yet: `pending` on record until a later look settles it.
        recorder.outcome = 'pending';
        this.#pending.follow(
          async () => findNewSchedule(beforeIds, await list(), input, answeredId),
          async (found) => {
            if (found) recorder.subject.scheduleId = found.id;
            await this.#audit.closePending(recorder, found ? 'ok' : 'unknown');
          },
        );
        return { schedule: null, pending: true as const };
      }),
    );
  }

  async update(
    actor: Actor,
    instanceId: string,
    scheduleId: string,
    input: ValidScheduleInput,
    options: UpdateOptions = {},
  ): Promise<BackupSchedule> {
    const about = {
      ...subject(actor, 'schedule.update', instanceId, scheduleId),
      after: scheduleValues(input),
    };
    return this.#audit.change(about, (recorder) =>
      this.#locked(actor, instanceId, options, async () => {
        const [current, blocked] = await bothSettled(
          this.#current(actor, instanceId, scheduleId, options.ifMatch),
          this.#instances.scheduleChangeRefusal(actor, instanceId),
        );
        if (blocked) throw blocked;
        recorder.subject.before = scheduleValues(current);
        await recorder.sending();
        await actor.zomro.run((token) =>
          this.#client.updateSchedule(token, instanceId, scheduleId, input),
        );
        // Zomro answers a bare ok: the row is what was listed plus what it accepted.
        return changed(recorder, {
          ...current,
          name: input.name,
          days: input.days,
          time: input.time,
        });
      }),
    );
  }

  async remove(
    actor: Actor,
    instanceId: string,
    scheduleId: string,
    options: UpdateOptions = {},
  ): Promise<void> {
    const about = subject(actor, 'schedule.delete', instanceId, scheduleId);
    await this.#audit.change(about, (recorder) =>
      this.#locked(actor, instanceId, options, async () => {
        const [current, blocked] = await bothSettled(
          this.#current(actor, instanceId, scheduleId, options.ifMatch),
          this.#instances.scheduleChangeRefusal(actor, instanceId),
        );
        if (blocked) throw blocked;
        recorder.subject.before = scheduleValues(current);
        await recorder.sending();
        await actor.zomro.run((token) => this.#client.deleteSchedule(token, scheduleId));
      }),
    );
  }

  async #list(actor: Actor, instanceId: string): Promise<ListedSchedule[]> {
    return (await actor.zomro.run((token) => this.#client.listSchedules(token, instanceId)))
      .schedules;
  }

  /**
   * The schedule as it is now, checked against `If-Match`. Zomro's delete (and maybe its edit)
   * names only the schedule: without this check a schedule of another instance of the account
   * could be changed through this instance's path.
   */
  async #current(
    actor: Actor,
    instanceId: string,
    scheduleId: string,
    ifMatch: IfMatch | undefined,
  ): Promise<BackupSchedule> {
    const listed = (await this.#list(actor, instanceId)).find((s) => s.id === scheduleId);
    if (!listed) throw noSuchSchedule();
    const current = withVersion(listed);
    if (!ifMatchAllows(ifMatch, current)) {
      // Who changed it, when the dashboard knows: the operator decides with that in view.
      const lastChanges = await this.#audit.store.lastChanges(actor.account, instanceId);
      current.lastChange = lastChanges.get(scheduleId) ?? null;
      throw new DomainError(
        'PRECONDITION_FAILED',
        'The schedule was changed since you loaded it; compare, then reload or overwrite',
        { details: current },
      );
    }
    return current;
  }

  /**
   * Changes to one instance of one Zomro account, one at a time; viewers are refused before
   * anything is sent (inside the audit entry, so the refusal is on record).
   */
  #locked<T>(actor: Actor, instanceId: string, options: ChangeOptions, task: () => Promise<T>) {
    const refusal = 'Viewers cannot change schedules; ask an editor';
    return lockedChange(
      { locks: this.#locks, reads: this.#reads },
      actor,
      instanceId,
      options,
      refusal,
      task,
    );
  }
}

/** Where a create got to, for its Idempotency-Key when it fails. */
interface CreateAttempt {
  /** Set once Zomro may have made the schedule: the ids listed before, for a retry to look past. */
  since: ReadonlySet<string> | null;
}

/** The schedule a change left, with its new version and this change as its last. */
function changed(recorder: ChangeRecorder, schedule: ListedSchedule): BackupSchedule {
  recorder.subject.scheduleId = schedule.id;
  const { actor, action } = recorder.subject;
  return { ...withVersion(schedule), lastChange: { actor, at: recorder.at, action } };
}

function subject(
  actor: Actor,
  action: 'schedule.create' | 'schedule.update' | 'schedule.delete',
  instanceId: string,
  scheduleId: string | null,
) {
  return {
    actor: actor.username,
    account: actor.account,
    action,
    instanceId,
    scheduleId,
    before: null,
    after: null,
  };
}
