// Where the audit trail is kept: behind an interface so that a Redis Stream can replace the file
// when several BFF processes write it. Every record is durable before `append` resolves.
import type { AuditEntry } from '@zomro-dash/shared';

/**
 * A line of the trail. A change is written twice under one id: its `intent` before it is sent to
 * Zomro, its `final` form (with the outcome) after. Sign-ins and sign-outs are written once, final.
 * An intent without a final after a restart is closed as `unknown` (the process died mid-call).
 */
export type AuditRecord = AuditEntry & { phase: 'intent' | 'final' };

export interface AuditPageQuery {
  /** Only entries made with this Zomro account: operators see their own account's trail. */
  account: string;
  instanceId?: string;
  actor?: string;
  /** Only entries of these actions. */
  actions?: readonly string[];
  limit: number;
  cursor?: string;
}

export interface AuditPageResult {
  entries: AuditEntry[];
  nextCursor: string | null;
}

/** The latest successful create or edit of a schedule. */
export interface LastChange {
  actor: string;
  at: string;
  action: string;
}

export interface AuditStore {
  /** Writes the record; resolves once it is on disk (or in a store as durable). */
  append(record: AuditRecord): Promise<void>;
  /** Final entries, newest first. */
  page(query: AuditPageQuery): Promise<AuditPageResult>;
  /** For each schedule of the instance, its last successful change through the dashboard. */
  lastChanges(account: string, instanceId: string): Promise<ReadonlyMap<string, LastChange>>;
  /** Whether a record could be written now (GET /api/ready); never throws. */
  writable(): Promise<boolean>;
  close(): Promise<void>;
}

/** The audit trail cannot be written: nothing may be sent to Zomro. */
export class AuditUnavailableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('The audit trail cannot be written', options);
    this.name = 'AuditUnavailableError';
  }
}

/** Keeps `lastChanges` answerable without reading the trail: fed every final record. */
export class LastChangeIndex {
  readonly #byInstance = new Map<string, Map<string, LastChange>>();

  add(record: AuditEntry): void {
    if (record.outcome !== 'ok' || record.instanceId === null || record.scheduleId === null) return;
    const key = `${record.account}\u0000${record.instanceId}`;
    let schedules = this.#byInstance.get(key);
    if (record.action === 'schedule.delete') {
      schedules?.delete(record.scheduleId);
      if (schedules?.size === 0) this.#byInstance.delete(key);
      return;
    }
    if (record.action !== 'schedule.create' && record.action !== 'schedule.update') return;
    if (!schedules) {
      schedules = new Map();
      this.#byInstance.set(key, schedules);
    }
    schedules.set(record.scheduleId, {
      actor: record.actor,
      at: record.at,
      action: record.action,
    });
  }

  get(account: string, instanceId: string): ReadonlyMap<string, LastChange> {
    return this.#byInstance.get(`${account}\u0000${instanceId}`) ?? new Map();
  }
}

/** Whether a final entry passes a page query's filters. */
export function matchesQuery(entry: AuditEntry, query: AuditPageQuery): boolean {
  return (
    entry.account === query.account &&
    (query.instanceId === undefined || entry.instanceId === query.instanceId) &&
    (query.actor === undefined || entry.actor === query.actor) &&
    (query.actions === undefined || query.actions.includes(entry.action))
  );
}
