// The rules every change to an instance follows, whatever it changes (a schedule, how many
// backups are kept): editors only, refused before anything is sent, and one change at a time per
// instance of a Zomro account (Zomro refuses concurrent operations).
import { HttpError } from '../http-errors.js';
import type { InstanceLocks } from '../stores/locks.js';
import type { Actor } from './actor.js';

export interface ChangeOptions {
  /** The request went away: a change still waiting for the instance is not started. */
  signal?: AbortSignal;
}

/** Runs `task` under the instance's lock, or refuses a viewer with `refusal` (403). */
export function lockedChange<T>(
  locks: InstanceLocks,
  actor: Actor,
  instanceId: string,
  options: ChangeOptions,
  refusal: string,
  task: () => Promise<T>,
): Promise<T> {
  if (actor.role !== 'editor') return Promise.reject(new HttpError(403, 'FORBIDDEN', refusal));
  return locks.run(`${actor.account}\u0000${instanceId}`, task, {
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
