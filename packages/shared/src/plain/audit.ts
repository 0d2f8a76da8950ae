// The audit trail's actions, outcomes and page limit (zod-free).
export const AUDIT_ACTIONS = [
  'session.sign-in',
  'session.sign-in-failed',
  'session.sign-out',
  'schedule.create',
  'schedule.update',
  'schedule.delete',
  'instance.retention',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * `ok`: done; `failed`: refused or not sent (`errorCode` says why); `unknown`: Zomro's answer was
 * lost (time-out, reset, the server stopped), so the change may or may not have happened;
 * `pending`: Zomro accepted a create whose row did not show yet (answered 202), followed by a
 * later entry under the same id (`ok` with the schedule, or `unknown`).
 */
export const AUDIT_OUTCOMES = ['ok', 'failed', 'unknown', 'pending'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AUDIT_PAGE_MAX = 200;

/** Sign-ins and sign-outs; every other action changes something (or tried to). */
export function isSessionAction(action: string): boolean {
  return action.startsWith('session.');
}

/**
 * Entries newest first, each change once with its newest entry (its last word): a trail written
 * before a change had exactly one final (decision 097) may hold two under one id.
 */
export function lastWordOnce<T extends { id: string }>(newestFirst: readonly T[]): T[] {
  const seen = new Set<string>();
  return newestFirst.filter((entry) => !seen.has(entry.id) && seen.add(entry.id));
}
