// The fleet service: every instance of the account with its schedules, read with a bounded number
// of Zomro calls in flight, and one schedule applied to many instances. It adds no policy of its
// own: each read and each create goes through the schedules service (roles, audit, the
// per-instance lock, idempotency), and a failure on one instance is reported on that instance.
import { createHash } from 'node:crypto';
import type {
  BulkResult,
  FleetError,
  FleetInstance,
  ValidBulkScheduleInput,
} from '@zomro-dash/shared';
import { DomainError } from './domain-error.js';
import { errorCodeOf, errorSummary } from '../error-mapping.js';
import type { IdempotencyStore } from '../stores/idempotency.js';
import type { Actor } from './actor.js';
import type { AuditTrail } from './audit-trail.js';
import type { InstanceService } from './instances.js';
import type { ChangeOptions, ScheduleService } from './schedules.js';

export interface BulkOptions extends ChangeOptions {
  idempotencyKey?: string;
}

/** Runs `task` over `items` with at most `limit` running at once; results in the items' order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * An error that concerns the whole request rather than one instance: the session is gone, or the
 * team account is refused. Reported once (the UI signs in again) instead of on every row.
 */
function isRequestWide(error: unknown): boolean {
  const code = errorCodeOf(error);
  return code === 'SESSION_EXPIRED' || code === 'UPSTREAM_ACCOUNT_REJECTED';
}

function fleetError(error: unknown): FleetError {
  return errorSummary(error);
}

export class FleetService {
  readonly #instances: InstanceService;
  readonly #schedules: ScheduleService;
  readonly #idempotency: IdempotencyStore;
  readonly #audit: AuditTrail;
  readonly #concurrency: number;

  constructor(options: {
    instances: InstanceService;
    schedules: ScheduleService;
    idempotency: IdempotencyStore;
    audit: AuditTrail;
    /** At most this many Zomro calls in flight for one overview; creates at once in a bulk. */
    concurrency: number;
  }) {
    this.#instances = options.instances;
    this.#schedules = options.schedules;
    this.#idempotency = options.idempotency;
    this.#audit = options.audit;
    this.#concurrency = options.concurrency;
  }

  /**
   * Every instance with its schedules. The instance list's pages and then one schedule list per
   * instance, never more than `concurrency` calls at once: each instance's list is read one page
   * at a time, by at most `concurrency` instances at once.
   */
  async overview(actor: Actor): Promise<FleetInstance[]> {
    const instances = await this.#instances.list(actor, { pageConcurrency: this.#concurrency });
    return mapLimit(instances, this.#concurrency, async (instance) => {
      try {
        const { schedules } = await this.#schedules.list(actor, instance.id, {
          pageConcurrency: 1,
        });
        return { instance, schedules };
      } catch (error) {
        if (isRequestWide(error)) throw error;
        return { instance, schedules: [], error: fleetError(error) };
      }
    });
  }

  /**
   * One create per instance through the schedules service, `concurrency` instances at once; each
   * instance's outcome in its result. With an `Idempotency-Key`, a repeat answers the first
   * results without a call to Zomro; each instance's create is keyed too (the bulk key and the
   * instance id), so a repeat after a lost answer never creates twice on one instance.
   */
  /** A refused bulk apply is on record per instance, as a refused single create is. */
  async #recordRefusal(actor: Actor, input: ValidBulkScheduleInput, refusal: Error) {
    const after = { name: input.name, days: [...input.days], time: input.time };
    await Promise.all(
      input.instanceIds.map((instanceId) =>
        this.#audit
          .change(
            {
              actor: actor.username,
              account: actor.account,
              action: 'schedule.create',
              instanceId,
              scheduleId: null,
              before: null,
              after,
            },
            () => Promise.reject(refusal),
          )
          // The refusal stands whether or not the trail took it.
          .catch(() => undefined),
      ),
    );
  }

  async bulkCreate(
    actor: Actor,
    input: ValidBulkScheduleInput,
    options: BulkOptions = {},
  ): Promise<BulkResult[]> {
    if (actor.role !== 'editor') {
      const refusal = new DomainError(
        'FORBIDDEN',
        'Viewers cannot change schedules; ask an editor',
      );
      await this.#recordRefusal(actor, input, refusal);
      throw refusal;
    }
    const key =
      options.idempotencyKey === undefined
        ? null
        : `${actor.account}\u0000bulk\u0000${options.idempotencyKey}`;
    if (key !== null) {
      const fingerprint = createHash('sha256')
        .update(JSON.stringify(['bulk', input.instanceIds, input.name, input.days, input.time]))
        .digest('base64url');
      const claim = await this.#idempotency.claim(key, fingerprint);
      if (claim.state === 'done') return (claim.result.body as { results: BulkResult[] }).results;
      if (claim.state === 'mismatch') {
        throw new DomainError(
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was used for a different request; send a new key',
        );
      }
    }
    try {
      const results = await this.#createAll(actor, input, options);
      if (key !== null) await this.#idempotency.complete(key, { status: 200, body: { results } });
      return results;
    } catch (error) {
      // Nothing answered: a repeat runs again, and the per-instance keys replay what was made.
      if (key !== null) await this.#idempotency.release(key);
      throw error;
    }
  }

  #createAll(
    actor: Actor,
    input: ValidBulkScheduleInput,
    options: BulkOptions,
  ): Promise<BulkResult[]> {
    const { instanceIds, ...schedule } = input;
    return mapLimit(instanceIds, this.#concurrency, async (instanceId): Promise<BulkResult> => {
      try {
        const created = await this.#schedules.create(actor, instanceId, schedule, {
          ...(options.signal && { signal: options.signal }),
          ...(options.idempotencyKey !== undefined && {
            // NUL cannot appear in a header's key: no single create can collide with it.
            idempotencyKey: `${options.idempotencyKey}\u0000${instanceId}`,
          }),
        });
        return created.schedule
          ? { instanceId, status: 'created', schedule: created.schedule }
          : { instanceId, status: 'created' };
      } catch (error) {
        if (isRequestWide(error)) throw error;
        return { instanceId, status: 'failed', error: fleetError(error) };
      }
    });
  }
}
