// Everything the emulator remembers: accounts with their instances and schedules, sessions,
// queued faults, latency and the calls it received. One instance per emulator app.
import { randomBytes } from 'node:crypto';
import {
  DEMO_ACCOUNT,
  DEMO_TOTP_ACCOUNT,
  demoAccountData,
  demoTotpAccountData,
  type AccountData,
  type DemoAccount,
} from './demo-data.js';
import { generateTotpSecret } from './totp.js';
import type { Fault, Latency, RecordedCall } from './types.js';

export interface Account extends DemoAccount, AccountData {}

export interface Session {
  id: string;
  username: string;
  lastSeen: number;
  /** Signed in with the password but the second factor is still owed. */
  totpPending: boolean;
}

interface QueuedFault {
  fault: Fault;
  remaining: number;
}

/** Calls remembered for tests; older ones are dropped so that `npm start` does not grow forever. */
export const MAX_RECORDED_CALLS = 1000;

const SECRET_PARAMS = new Set(['password', 'auth', 'qrcode', 'authinfo']);

export function maskSecrets(params: Record<string, string>): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    masked[key] = SECRET_PARAMS.has(key) ? '***' : value;
  }
  return masked;
}

export class EmulatorState {
  readonly accounts = new Map<string, Account>();
  readonly sessions = new Map<string, Session>();
  readonly calls: RecordedCall[] = [];
  private faults: QueuedFault[] = [];
  latency: Latency = { fixedMs: 0 };
  oneRowAsObject: boolean;
  private nextScheduleId = 1;

  constructor(
    readonly now: () => number,
    readonly sessionTtlMs: number,
    private readonly initialOneRowAsObject: boolean,
  ) {
    this.oneRowAsObject = initialOneRowAsObject;
    this.reset();
  }

  reset(): void {
    this.accounts.clear();
    this.sessions.clear();
    this.calls.length = 0;
    this.faults = [];
    this.latency = { fixedMs: 0 };
    this.oneRowAsObject = this.initialOneRowAsObject;
    this.accounts.set(DEMO_ACCOUNT.username, { ...DEMO_ACCOUNT, ...demoAccountData() });
    this.accounts.set(DEMO_TOTP_ACCOUNT.username, {
      ...DEMO_TOTP_ACCOUNT,
      ...demoTotpAccountData(),
    });
    const ids = [...this.accounts.values()].flatMap((a) => a.schedules.map((s) => Number(s.id)));
    this.nextScheduleId = Math.max(0, ...ids) + 1;
  }

  /** A fresh account with its own copy of the demo data, so parallel tests never collide. */
  createAccount(totp: boolean): DemoAccount {
    const username = `user-${randomBytes(4).toString('hex')}`;
    const account: DemoAccount = { username, password: randomBytes(9).toString('base64url') };
    if (totp) account.totpSecret = generateTotpSecret();
    this.accounts.set(username, { ...account, ...demoAccountData() });
    return account;
  }

  /** Schedule ids are global, like BILLmanager's, even though each account sees only its own. */
  allocateScheduleId(): string {
    return String(this.nextScheduleId++);
  }

  openSession(username: string, totpPending: boolean): Session {
    // Sessions nobody uses again are forgotten here, so a long-running emulator does not grow.
    this.forgetExpiredSessions();
    const session: Session = {
      // Zomro's session ids are 24 hex characters (the seed's "7e0cb9825a87e4c1a150dc9b").
      id: randomBytes(12).toString('hex'),
      username,
      lastSeen: this.now(),
      totpPending,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session for `id`, refreshed; expired sessions are forgotten on the way. */
  touchSession(id: string | undefined): Session | undefined {
    if (id === undefined) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    const now = this.now();
    if (now - session.lastSeen >= this.sessionTtlMs) {
      this.sessions.delete(id);
      return undefined;
    }
    session.lastSeen = now;
    return session;
  }

  forgetExpiredSessions(): void {
    const now = this.now();
    for (const [id, session] of this.sessions) {
      if (now - session.lastSeen >= this.sessionTtlMs) this.sessions.delete(id);
    }
  }

  expireSessions(username?: string): void {
    for (const [id, session] of this.sessions) {
      if (username === undefined || session.username === username) this.sessions.delete(id);
    }
  }

  addFault(fault: Fault): void {
    this.faults.push({ fault, remaining: fault.count ?? 1 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /**
   * The account a call is made for: the `username` it signs in as, or the owner of the session it
   * names. Only looks: the session is neither refreshed nor expired, so a fault changes nothing.
   */
  callerOf(func: string, params: Record<string, string>): string | undefined {
    if (func === 'auth') return params.username;
    return params.auth === undefined ? undefined : this.sessions.get(params.auth)?.username;
  }

  /** Takes one use of the oldest queued fault that matches this call's func and account, if any. */
  takeFault(func: string, caller: string | undefined): Fault | undefined {
    const queued = this.faults.find(
      ({ fault }) =>
        (fault.func === undefined || fault.func === func) &&
        (fault.username === undefined || fault.username === caller),
    );
    if (!queued) return undefined;
    queued.remaining -= 1;
    if (queued.remaining <= 0) this.faults = this.faults.filter((q) => q !== queued);
    return queued.fault;
  }

  record(func: string, params: Record<string, string>): void {
    this.calls.push({ func, params: maskSecrets(params), at: this.now() });
    if (this.calls.length > MAX_RECORDED_CALLS) {
      this.calls.splice(0, this.calls.length - MAX_RECORDED_CALLS);
    }
  }

  latencyMs(): number {
    const { fixedMs, jitterMs = 0 } = this.latency;
    return Math.max(0, fixedMs + Math.random() * jitterMs);
  }
}
