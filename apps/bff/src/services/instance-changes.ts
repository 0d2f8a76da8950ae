// The rules every change to an instance follows, whatever it changes (a schedule, how many
// backups are kept): editors only, refused before anything is sent, and one change at a time per
// instance of a Zomro account (Zomro refuses concurrent operations).
import { DomainError } from './domain-error.js';
import type { InstanceLocks } from '../stores/locks.js';
import type { Actor } from './actor.js';
import type { ReadCoalescer } from './coalesce.js';

export interface ChangeOptions {
  /** The request went away: a change still waiting for the instance is not started. */
  signal?: AbortSignal;
}

/** What every change to an instance goes through: its lock, and the reads it makes stale. */
export interface InstanceGuards {
  locks: InstanceLocks;
  reads: ReadCoalescer;
}

/** The key under which plain reads of an instance's schedules (and retention) are shared. */
export function schedulesReadKey(account: string, instanceId: string): string {
  return `${account}\u0000schedules\u0000${instanceId}`;
}

/**
 * Runs `task` under the instance's lock, or refuses a viewer with `refusal` (403). When it ends,
 * a read of the instance that was on its way (in any process) is no longer joined: it may
 * predate the change.
 */
export function lockedChange<T>(
  guards: InstanceGuards,
  actor: Actor,
  instanceId: string,
  options: ChangeOptions,
  refusal: string,
  task: () => Promise<T>,
): Promise<T> {
  if (actor.role !== 'editor') return Promise.reject(new DomainError('FORBIDDEN', refusal));
  const change = async () => {
    try {
      return await task();
    } finally {
      // Still under the lock, so the next change counts after this one. If Redis is away the
      // count cannot move, but then no read can be served either; this process forgets anyway.
      await guards.reads
        .changed(schedulesReadKey(actor.account, instanceId))
        .catch(() => undefined);
    }
  };
  return guards.locks.run(`${actor.account}\u0000${instanceId}`, change, {
    ...(options.signal && { signal: options.signal }),
  });
}

/**
 * Both results, once both have settled; the first failure is thrown then. Unlike Promise.all, no
 * Zomro call of one is still running (or yet to start: a list's later pages) after the answer has
 * gone out because the other failed.
 */
export async function bothSettled<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [first, second] = await Promise.allSettled([a, b]);
  if (first.status === 'rejected') throw first.reason;
  if (second.status === 'rejected') throw second.reason;
  return [first.value, second.value];
}
