// Writes the audit trail for the services: sign-ins and sign-outs as single entries, and changes
// as an intent (on disk before anything is sent to Zomro) followed by their outcome (on disk
// before the operator is told). No entry ever holds a password, token, code or secret.
import { randomUUID } from 'node:crypto';
import type { AuditAction, AuditEntry, AuditScheduleValues } from '@zomro-dash/shared';
import { DomainError } from './domain-error.js';
import { errorCodeOf } from '../error-mapping.js';
import {
  AuditUnavailableError,
  type AuditPageQuery,
  type AuditPageResult,
  type AuditStore,
} from '../stores/audit.js';
import { LockLostError, LockWaitAbortedError } from '../stores/locks.js';
import { StoreUnavailableError } from '../stores/redis-client.js';
import {
  ZomroBadResponseError,
  ZomroTimeoutError,
  ZomroUnavailableError,
} from '../zomro/errors.js';
import type { Actor } from './actor.js';

export interface AuditLogger {
  error(details: object, message: string): void;
}

/** The call was sent and its answer lost; `cause` is what the operator is told. */
export class OutcomeUnknownError extends Error {
  constructor(override readonly cause: unknown) {
    super('The outcome of a change is unknown', { cause });
    this.name = 'OutcomeUnknownError';
  }
}

/** An error after the call was sent that leaves the outcome unknown: the answer was lost. */
export function isLostAnswer(error: unknown): boolean {
  return (
    error instanceof OutcomeUnknownError ||
    // The lock was lost mid-change: whether Zomro got the call is not known here.
    error instanceof LockLostError ||
    error instanceof ZomroTimeoutError ||
    error instanceof ZomroUnavailableError ||
    error instanceof ZomroBadResponseError
  );
}

export const auditUnavailable = () =>
  new DomainError(
    'AUDIT_UNAVAILABLE',
    'The audit trail cannot be written, so nothing was sent to Zomro; tell whoever runs the dashboard',
  );

/** What a change is about; `before` and `scheduleId` may be learnt on the way. */
export interface ChangeSubject {
  actor: string;
  account: string;
  action: Extract<AuditAction, `schedule.${string}` | `instance.${string}`>;
  instanceId: string;
  scheduleId: string | null;
  before: AuditScheduleValues | null;
  after: AuditScheduleValues | null;
  /** `instance.retention`: the number of kept backups before (null: unknown) and asked for. */
  retention?: { before: number | null; after: number };
}

/** The handle a change gets while it runs. */
export interface ChangeRecorder {
  /** The change's entry id (its intent and final share it). */
  id: string;
  subject: ChangeSubject;
  /** When the change was asked for (the entry's `at`). */
  at: string;
  /** Writes the intent; call right before the Zomro call. Throws AUDIT_UNAVAILABLE if it cannot. */
  sending(): Promise<void>;
  /** The outcome when the operation ends without an error but was not done (e.g. pending). */
  outcome?: 'ok' | 'unknown' | 'pending';
}

export const scheduleValues = (s: AuditScheduleValues): AuditScheduleValues => ({
  name: s.name,
  days: [...s.days],
  time: s.time,
});

export class AuditTrail {
  readonly #store: AuditStore;
  readonly #logger: AuditLogger;
  readonly #now: () => number;

  constructor(store: AuditStore, logger: AuditLogger, now: () => number = Date.now) {
    this.#store = store;
    this.#logger = logger;
    this.#now = now;
  }

  get store(): AuditStore {
    return this.#store;
  }

  /** A page of the trail as this operator may see it: their Zomro account's entries only. */
  page(actor: Actor, query: Omit<AuditPageQuery, 'account'>): Promise<AuditPageResult> {
    return this.#store.page({ ...query, account: actor.account });
  }

  /** A sign-in, failed sign-in or sign-out; on disk when this resolves, AUDIT_UNAVAILABLE if not. */
  async session(
    action: Extract<AuditAction, `session.${string}`>,
    actor: string,
    account: string,
    errorCode?: string,
    /** Where a failed sign-in came from. */
    address?: string,
  ): Promise<void> {
    const entry: AuditEntry = {
      ...this.#base(actor, account, action),
      outcome: errorCode === undefined ? 'ok' : 'failed',
      ...(errorCode !== undefined && { errorCode }),
      ...(address !== undefined && { address }),
    };
    try {
      await this.#store.append({ ...entry, phase: 'final' });
    } catch (error) {
      this.#logger.error({ err: error, action }, 'audit: could not record a session event');
      // Redis is away: the same 503 as every other request meets meanwhile.
      throw error instanceof StoreUnavailableError ? error : auditUnavailable();
    }
  }

  /**
   * Runs a change with its audit entries. Before `sending()` nothing is on record but a failure
   * (best effort: nothing was sent); after it the intent is, and the outcome always follows it
   * (`ok`, `failed` with the error code, or `unknown` when Zomro's answer was lost).
   */
  async change<T>(subject: ChangeSubject, run: (recorder: ChangeRecorder) => Promise<T>) {
    const base = this.#base(subject.actor, subject.account, subject.action);
    let sent = false;
    const recorder: ChangeRecorder = {
      id: base.id,
      subject,
      at: base.at,
      sending: async () => {
        try {
          await this.#store.append({
            ...base,
            ...this.#values(subject),
            outcome: 'unknown',
            phase: 'intent',
          });
        } catch (error) {
          this.#logger.error({ err: error }, 'audit: could not record a change; not sending it');
          throw error instanceof StoreUnavailableError ? error : auditUnavailable();
        }
        sent = true;
      },
    };
    let result: T;
    try {
      result = await run(recorder);
    } catch (error) {
      const lost = sent && isLostAnswer(error);
      const final = {
        ...base,
        ...this.#values(subject),
        outcome: lost ? ('unknown' as const) : ('failed' as const),
        ...(!lost && { errorCode: errorCode(error) }),
      };
      // Nothing to record: the trail is broken, or the request left before its turn.
      if (
        !sent &&
        (isAuditUnavailable(error) ||
          error instanceof LockWaitAbortedError ||
          error instanceof StoreUnavailableError)
      )
        throw error;
      await this.#final(final, sent);
      throw error;
    }
    await this.#final(
      { ...base, ...this.#values(subject), outcome: recorder.outcome ?? 'ok' },
      sent,
    );
    return result;
  }

  /**
   * The last word on a change recorded `pending`: another final under its id (the page and the
   * Activity page show the newest). Best effort: a failure leaves it `pending` and is logged.
   */
  async closePending(recorder: ChangeRecorder, outcome: 'ok' | 'unknown'): Promise<void> {
    const { subject } = recorder;
    const entry: AuditEntry = {
      ...this.#base(subject.actor, subject.account, subject.action),
      id: recorder.id,
      at: recorder.at,
      ...this.#values(subject),
      outcome,
    };
    try {
      await this.#store.append({ ...entry, phase: 'final' });
    } catch (error) {
      this.#logger.error({ err: error, id: entry.id }, 'audit: could not close a pending change');
    }
  }

  /** The outcome line. Once the change was sent, the operator hears nothing until it is on disk. */
  async #final(entry: AuditEntry, sent: boolean): Promise<void> {
    try {
      await this.#store.append({ ...entry, phase: 'final' });
    } catch (error) {
      this.#logger.error({ err: error, id: entry.id }, 'audit: could not record an outcome');
      if (sent) {
        throw new DomainError(
          'AUDIT_UNAVAILABLE',
          'The change was sent to Zomro but its outcome could not be recorded; check the list',
        );
      }
    }
  }

  #base(actor: string, account: string, action: AuditAction) {
    return {
      id: randomUUID(),
      at: new Date(this.#now()).toISOString(),
      actor,
      account,
      action,
      instanceId: null,
      scheduleId: null,
      before: null,
      after: null,
    };
  }

  #values(subject: ChangeSubject) {
    return {
      instanceId: subject.instanceId,
      scheduleId: subject.scheduleId,
      before: subject.before,
      after: subject.after,
      ...(subject.retention && { retention: { ...subject.retention } }),
    };
  }
}

const isAuditUnavailable = (error: unknown) =>
  error instanceof DomainError && error.code === 'AUDIT_UNAVAILABLE';

function errorCode(error: unknown): string {
  if (error instanceof AuditUnavailableError) return 'AUDIT_UNAVAILABLE';
  return errorCodeOf(error);
}
