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
 * lost (time-out, reset, the server stopped), so the change may or may not have happened.
 */
export const AUDIT_OUTCOMES = ['ok', 'failed', 'unknown'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AUDIT_PAGE_MAX = 200;

/** Sign-ins and sign-outs; every other action changes something (or tried to). */
export function isSessionAction(action: string): boolean {
  return action.startsWith('session.');
}
