// What the Activity page shows: changes (the default: what an operator comes to check), sign-ins
// and sign-outs, everything, or one action — and the list of actions each asks the API for.
import { AUDIT_ACTIONS, isSessionAction, type AuditAction } from '@zomro-dash/shared/plain';

export type ActivityView = 'changes' | 'sessions' | 'all' | AuditAction;

export const DEFAULT_VIEW: ActivityView = 'changes';

const ACTIONS: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

/** The view a `show=` parameter names; the default for anything else. */
export function parseView(value: string | null): ActivityView {
  if (value === 'changes' || value === 'sessions' || value === 'all') return value;
  return value !== null && ACTIONS.has(value) ? (value as AuditAction) : DEFAULT_VIEW;
}

/** The actions a view asks for; undefined for every action. */
export function viewActions(view: ActivityView): string[] | undefined {
  if (view === 'all') return undefined;
  if (view === 'changes') return AUDIT_ACTIONS.filter((action) => !isSessionAction(action));
  if (view === 'sessions') return AUDIT_ACTIONS.filter(isSessionAction);
  return [view];
}
