// The emulator's public types: its options, its faults and the control handle tests hold.
import type { DemoAccount } from './demo-data.js';

export interface EmulatorOptions {
  /** How long a session lives after its last request; default one hour, like Zomro. */
  sessionTtlMs?: number;
  /** Render a one-row list as an object instead of an array (ISPsystem does); default true. */
  oneRowAsObject?: boolean;
  /** Serve the HTTP control routes under /__emulator; default false. */
  testControl?: boolean;
  /** The clock for sessions, TOTP and dates; default Date.now. */
  now?: () => number;
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
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  kind: FaultKind;
  /** How many matching calls it affects; default 1. */
  count?: number;
  /** Only calls with this func; default any. */
  func?: string;
  /**
   * Only calls made in a session of this account (for `auth`: with this `username` parameter);
   * default any. Lets parallel tests queue faults without taking each other's.
   */
  username?: string;
  /** For kind 'error': the doc.error to answer. */
  error?: { type: string; object?: string; message: string };
}

export interface RecordedCall {
  func: string;
  /** The call's parameters, with `password`, `auth`, `qrcode` and `authinfo` replaced by '***'. */
  params: Record<string, string>;
  at: number;
}

export interface Latency {
  fixedMs: number;
  jitterMs?: number;
}

export interface EmulatorControl {
  addFault(fault: Fault): void;
  clearFaults(): void;
  setLatency(latency: Latency): void;
  expireSessions(username?: string): void;
  createAccount(options?: { totp?: boolean }): DemoAccount;
  setOneRowAsObject(on: boolean): void;
  reset(): void;
  readonly calls: readonly RecordedCall[];
  clearCalls(): void;
  schedulesOf(
    username: string,
    instanceId: string,
  ): Array<{ id: string; name: string; days: number[]; time: string }>;
}
