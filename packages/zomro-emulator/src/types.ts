// The emulator's public types: its options, its faults and the control handle tests hold.
import type { BackupFaultKind } from './backups.js';
import type { DemoAccount } from './demo-data.js';

export interface EmulatorOptions {
  /** How long a session lives after its last request; default one hour, like Zomro. */
  sessionTtlMs?: number;
  /**
   * Render a one-row list as an object instead of an array; default false: for `instances` and
   * the schedule list Zomro's panel reads `doc.elem` as an array. The object form stays as a switch
   * (other BILLmanager lists do it) that clients are tested against.
   */
  oneRowAsObject?: boolean;
  /**
   * The rows per page each account starts with (BILLmanager keeps it as a saved per-user setting
   * that a `p_cnt` in a request changes); default 5, small so that clients page.
   */
  pageSize?: number;
  /** `totp.confirm` answers a new session id and ends the old one; default true. */
  totpRenewsSession?: boolean;
  /**
   * What a data function answers while the second factor is owed: `empty` (a bare `doc.ok` and
   * no data, as a third-party client reports) or `access` (the access error); default `empty`.
   */
  totpPendingAnswer?: 'empty' | 'access';
  /** Serve the HTTP control routes under /__emulator; default false. */
  testControl?: boolean;
  /**
   * The clock; default Date.now. `control.advanceClock` moves the emulated time (backups, dates)
   * forward from it; sessions and TOTP keep to it, so a jump of a day signs nobody out.
   */
  now?: () => number;
  /**
   * The base of the emulated time (the schedules' runs, backups, `create_date`); default `now`.
   * A test suite that edits scheduled instances pins it, so that a run (the instance
   * `running_image_uploading` for a few minutes) never falls inside a test by the time of day.
   */
  clock?: () => number;
}

export const FAULT_KINDS = [
  'non-json',
  'http-403',
  'http-460',
  'reset',
  'hang',
  'running-operation',
  'session-expired',
  'error',
  'long',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  kind: FaultKind;
  /** How many matching calls it affects; default 1. */
  count?: number;
  /** How many matching calls pass untouched before it starts; default 0. */
  skip?: number;
  /**
   * The call takes effect first, then the fault answers: Zomro did it but its answer was lost
   * (with `reset`, `hang`, `non-json`, `http-403`/`460`); default false.
   */
  afterEffect?: boolean;
  /** Only calls with this func; default any. */
  func?: string;
  /**
   * Only calls made in a session of this account (for `auth`: with this `username` parameter);
   * default any. Lets parallel tests queue faults without taking each other's.
   */
  username?: string;
  /** For kind 'error': the doc.error to answer. */
  error?: { type: string; object?: string; message: string };
  /**
   * For kind 'long': how many GETs of the long-request URL answer "still running" before the
   * result; default 1. The call itself takes effect at once, exactly once.
   */
  polls?: number;
}

/** Calls being answered right now, overall and per instance, with the most seen at once. */
export interface InFlight {
  current: number;
  max: number;
  /** By instance id: calls that name an instance (its schedules, a schedule of it, its edit). */
  instances: Record<string, { current: number; max: number }>;
}

/** A `p_cnt` a client sent: it changed the account's saved rows per page. */
export interface PageSizeChange {
  username: string;
  from: number;
  to: number;
  at: number;
}

export interface RecordedCall {
  /** The BILLmanager function; `long` for a GET of a long-request URL. */
  func: string;
  /** The call's parameters, with `password`, `auth`, `qrcode` and `authinfo` replaced by '***'. */
  params: Record<string, string>;
  at: number;
}

export interface Latency {
  fixedMs: number;
  jitterMs?: number;
}

/** A barrier for tests: the calls it holds wait until `release()`. */
export interface CallHold {
  /** Calls waiting at it now. */
  readonly held: number;
  /** Lets the held calls go on; it holds no more. */
  release(): void;
}

/** A backup as a test sees it (Zomro's words: `backup_type`, `fleio_status`). */
export interface BackupView {
  id: string;
  instanceId: string;
  name: string;
  type: 'auto' | 'manual';
  /** Milliseconds since the epoch. */
  createdAt: number;
  status: string;
  protected: boolean;
  sizeGb: number;
}

export interface EmulatorControl {
  /** The emulated time now (ms since the epoch). */
  clock(): number;
  /**
   * Moves the emulated time forward by `ms`: the schedules' runs of that time happen, backups in
   * progress end and rotation prunes, as if it had passed. Sessions are not aged by it.
   */
  advanceClock(ms: number): void;
  /**
   * From now on the instance's scheduled runs never happen (`skip`), end `killed` (`kill`), or the
   * next one stays `saving` for ever (`stuck`); null ends the fault.
   */
  setBackupFault(username: string, instanceId: string, fault: BackupFaultKind | null): void;
  /** The instance's backups as of now, oldest first. */
  backupsOf(username: string, instanceId: string): BackupView[];
  addFault(fault: Fault): void;
  /**
   * Holds the next `count` calls (default 1) of `func` (of every function when omitted) before
   * they are answered, until the returned hold is released: calls in flight together, for certain.
   */
  hold(options?: { func?: string; count?: number }): CallHold;
  clearFaults(): void;
  setLatency(latency: Latency): void;
  expireSessions(username?: string): void;
  /** `instances`: pad the demo data with plain servers up to this many (benchmarks). */
  createAccount(options?: { totp?: boolean; instances?: number }): DemoAccount;
  setOneRowAsObject(on: boolean): void;
  /** Sets an account's saved rows per page (as its operator would in Zomro's panel). */
  setPageSize(username: string, size: number): void;
  pageSizeOf(username: string): number;
  /** Every `p_cnt` clients sent that changed a saved page size, oldest first. */
  readonly pageSizeChanges: readonly PageSizeChange[];
  /** Puts an instance into a state (`error`, `running_image_uploading`, `active`, …). */
  setInstanceStatus(username: string, instanceId: string, status: string): void;
  /** How many scheduled backups the instance keeps (`backup_rotation`). */
  retentionOf(username: string, instanceId: string): number;
  /** Calls in flight now, and the most seen at once since the last reset. */
  readonly inFlight: InFlight;
  reset(): void;
  readonly calls: readonly RecordedCall[];
  clearCalls(): void;
  schedulesOf(
    username: string,
    instanceId: string,
  ): Array<{ id: string; name: string; days: number[]; time: string }>;
}
