// Everything the emulator remembers: accounts with their instances and schedules, sessions,
// queued faults, latency and the calls it received. One instance per emulator app.
import { randomBytes } from 'node:crypto';
import {
  DEMO_ACCOUNT,
  DEMO_TOTP_ACCOUNT,
  demoAccountData,
  demoTotpAccountData,
  paddingInstance,
  type AccountData,
  type DemoAccount,
} from './demo-data.js';
import { catchUp, emptyBackupBook, type BackupBook } from './backups.js';
import { seedBackupHistory } from './demo-history.js';
import { CallHolds } from './holds.js';
import { generateTotpSecret } from './totp.js';
import type { Fault, InFlight, Latency, PageSizeChange, RecordedCall } from './types.js';
import type { DocNode } from './wire.js';

export interface Account extends DemoAccount, AccountData, BackupBook {
  /** Rows per page: a saved per-user setting in BILLmanager, changed by a `p_cnt` in a request. */
  pageSize: number;
}

/** A call answered with a long-request page: its result, served at its URL once it is "done". */
export interface LongRequest {
  /** GETs of the URL still to answer with the page before the result. */
  pollsLeft: number;
  /** The original call's parameters (the result is rendered as they asked: out, lang). */
  params: Record<string, string>;
  /** The content of the result's `doc`, error included. */
  body: DocNode;
  /** The instance the call named, for the in-flight counts of its polls. */
  instanceId: string | undefined;
}

export interface EmulatorSettings {
  now: () => number;
  /** The base of the emulated time (backups, `create_date`); default `now`. */
  clock?: () => number;
  sessionTtlMs: number;
  oneRowAsObject: boolean;
  pageSize: number;
  totpRenewsSession: boolean;
  totpPendingAnswer: 'empty' | 'access';
}

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
  skip: number;
}

/** Backup (image) ids start here, far from schedule and instance ids. */
const FIRST_BACKUP_ID = 900_001;

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
  readonly pageSizeChanges: PageSizeChange[] = [];
  readonly longRequests = new Map<string, LongRequest>();
  private faults: QueuedFault[] = [];
  latency: Latency = { fixedMs: 0 };
  oneRowAsObject: boolean;
  inFlight: InFlight = { current: 0, max: 0, instances: {} };
  readonly holds = new CallHolds();
  private nextScheduleId = 1;
  private nextBackupId = FIRST_BACKUP_ID;
  /** How far a test moved the emulated clock forward (backups, `create_date`). */
  private clockOffsetMs = 0;
  /** Sessions and TOTP: the real (or injected) clock, which a clock move leaves alone. */
  readonly now: () => number;
  readonly sessionTtlMs: number;

  constructor(readonly settings: EmulatorSettings) {
    this.now = settings.now;
    this.sessionTtlMs = settings.sessionTtlMs;
    this.oneRowAsObject = settings.oneRowAsObject;
    this.reset();
  }

  reset(): void {
    this.accounts.clear();
    this.sessions.clear();
    this.calls.length = 0;
    this.pageSizeChanges.length = 0;
    this.longRequests.clear();
    this.holds.releaseAll();
    this.faults = [];
    this.latency = { fixedMs: 0 };
    this.oneRowAsObject = this.settings.oneRowAsObject;
    this.clockOffsetMs = 0;
    this.nextBackupId = FIRST_BACKUP_ID;
    // Calls still running keep their own counts; only the maxima start again.
    this.inFlight.max = this.inFlight.current;
    for (const counts of Object.values(this.inFlight.instances)) counts.max = counts.current;
    const pageSize = this.settings.pageSize;
    const clock = this.clock();
    this.accounts.set(
      DEMO_ACCOUNT.username,
      this.#withHistory({
        ...DEMO_ACCOUNT,
        ...demoAccountData(),
        ...emptyBackupBook(clock),
        pageSize,
      }),
    );
    this.accounts.set(
      DEMO_TOTP_ACCOUNT.username,
      this.#withHistory({
        ...DEMO_TOTP_ACCOUNT,
        ...demoTotpAccountData(),
        ...emptyBackupBook(clock),
        pageSize,
      }),
    );
    const ids = [...this.accounts.values()].flatMap((a) => a.schedules.map((s) => Number(s.id)));
    this.nextScheduleId = Math.max(0, ...ids) + 1;
  }

  /**
   * A fresh account with its own copy of the demo data, so parallel tests never collide; with
   * `instances`, padded with plain servers (no schedules) up to that many, for benchmarks.
   */
  createAccount(totp: boolean, instances = 0): DemoAccount {
    const username = `user-${randomBytes(4).toString('hex')}`;
    const account: DemoAccount = { username, password: randomBytes(9).toString('base64url') };
    if (totp) account.totpSecret = generateTotpSecret();
    const data = demoAccountData();
    for (let i = data.instances.length; i < instances; i++) {
      data.instances.push(paddingInstance(i));
    }
    this.accounts.set(
      username,
      this.#withHistory({
        ...account,
        ...data,
        ...emptyBackupBook(this.clock()),
        pageSize: this.settings.pageSize,
      }),
    );
    return account;
  }

  #withHistory(account: Account): Account {
    seedBackupHistory(account, this.clock(), () => this.allocateBackupId());
    return account;
  }

  /** The emulated clock: the settings' clock moved forward by `advanceClock`. */
  clock(): number {
    return (this.settings.clock ?? this.now)() + this.clockOffsetMs;
  }

  /** Moves the emulated clock forward (schedules run, backups end, as if the time had passed). */
  advanceClock(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error('The clock only moves forward');
    this.clockOffsetMs += ms;
  }

  /** Makes the account's backups as of now (runs due, backups ended, rotation). */
  catchUpBackups(account: Account): void {
    catchUp(account, this.clock(), () => this.allocateBackupId());
  }

  /** Image ids are global, like schedule ids. */
  allocateBackupId(): string {
    return String(this.nextBackupId++);
  }

  /** The account or an error naming it, for the control handle. */
  account(username: string): Account {
    const account = this.accounts.get(username);
    if (!account) throw new Error(`The emulator has no account "${username}"`);
    return account;
  }

  /** A `p_cnt` in a request: BILLmanager saves it as the user's rows per page. */
  changePageSize(account: Account, size: number): void {
    if (size === account.pageSize) return;
    this.pageSizeChanges.push({
      username: account.username,
      from: account.pageSize,
      to: size,
      at: this.now(),
    });
    account.pageSize = size;
  }

  /**
   * The instance a call is about, for the in-flight counts: the schedule list names it as `elid`
   * (or `plid`), an edit as `plid` or through its schedule, a delete through its schedule, and
   * `instances.edit` as `elid`. Only looks: nothing is refreshed.
   */
  instanceOf(func: string, params: Record<string, string>): string | undefined {
    const username = this.callerOf(func, params);
    const account = username === undefined ? undefined : this.accounts.get(username);
    const scheduleInstance = (id: string | undefined) =>
      id === undefined
        ? undefined
        : account?.schedules.find((s) => s.id === id.split(',')[0]?.trim())?.instanceId;
    switch (func) {
      case 'instances.fleio_bckps.schedule':
        return params.elid ?? params.plid;
      case 'instances.fleio_bckps.schedule.edit':
        return params.plid ?? scheduleInstance(params.elid);
      case 'instances.fleio_bckps.schedule.delete':
        return scheduleInstance(params.elid);
      case 'instances.edit':
        return params.elid;
      case 'instances.fleio_bckps':
        return params.elid ?? params.plid;
      case 'instances.fleio_bckps.edit':
        return params.plid;
      case 'image.edit':
      case 'image.delete':
        return account?.backups.find((b) => b.id === params.elid?.trim())?.instanceId;
      default:
        return undefined;
    }
  }

  /** Counts a call in flight; the returned function ends it (once, however often it is called). */
  startCall(instanceId: string | undefined): () => void {
    const flight = this.inFlight;
    flight.current += 1;
    flight.max = Math.max(flight.max, flight.current);
    const counts =
      instanceId === undefined
        ? undefined
        : (flight.instances[instanceId] ??= { current: 0, max: 0 });
    if (counts) {
      counts.current += 1;
      counts.max = Math.max(counts.max, counts.current);
    }
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      flight.current -= 1;
      if (counts) counts.current -= 1;
    };
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

  /** The session under a new id (the old id ends), as after a confirmed second factor. */
  renewSession(session: Session): Session {
    this.sessions.delete(session.id);
    const renewed = this.openSession(session.username, session.totpPending);
    return renewed;
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
    this.faults.push({ fault, remaining: fault.count ?? 1, skip: fault.skip ?? 0 });
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
    if (queued.skip > 0) {
      queued.skip -= 1;
      return undefined;
    }
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
