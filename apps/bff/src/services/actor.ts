// Who is asking: the operator, their role, the Zomro account their actions are made with, and how
// to reach Zomro for them (their own session in personal mode, the shared one in team mode).
import type { Role } from '@zomro-dash/shared';

/** Runs Zomro calls with the right token; renews the shared session in team mode. */
export interface ZomroAccess {
  run<T>(call: (token: string) => Promise<T>): Promise<T>;
}

export interface Actor {
  /** The operator: personal mode, the Zomro username; team mode, the operator's own name. */
  username: string;
  role: Role;
  /** The Zomro account every action is made with (the audit trail's `account`). */
  account: string;
  /** How the operator was recognised. */
  via: 'zomro' | 'password' | 'proxy';
  /** The dashboard session behind the request; null for a proxy operator. */
  sessionId: string | null;
  zomro: ZomroAccess;
}
