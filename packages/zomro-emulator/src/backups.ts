// Backups happen: the emulator runs each account's schedules on its clock. At a run time a
// scheduled backup appears `saving` (the instance `running_image_uploading`) and turns `active`
// BACKUP_MINUTES later; then the oldest scheduled backups beyond the instance's `backup_rotation`
// are removed (manual ones never). Time is caught up lazily, before each call and control read,
// so a test that moves the clock a day sees the day's runs without anything running in between.
import { nextRun, nextRuns, toZomroDateTime } from '@zomro-dash/shared';
import type { InstanceRecord } from './demo-data.js';
import type { Account } from './state.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long a backup takes, in emulated minutes. */
export const BACKUP_MINUTES = 5;
/** The instance state Zomro's panel treats as "a backup is being made" (getInstanceMainInfo.js). */
export const UPLOADING_STATUS = 'running_image_uploading';
/** A clock jump longer than this only runs the last part of it (a long-idle emulator). */
const MAX_CATCH_UP_MS = 31 * DAY;

export const BACKUP_FAULT_KINDS = ['skip', 'kill', 'stuck'] as const;
/** `skip`: runs never happen; `kill`: they end `killed`; `stuck`: the next one stays `saving`. */
export type BackupFaultKind = (typeof BACKUP_FAULT_KINDS)[number];

export interface BackupFault {
  kind: BackupFaultKind;
  /** Runs from this instant on are affected. */
  since: number;
}

export interface BackupRecord {
  id: string;
  instanceId: string;
  name: string;
  /** Zomro's `backup_type`. */
  type: 'auto' | 'manual';
  createdAt: number;
  /** GB once made; 0 while saving (Zomro's size is unknown until the image is uploaded). */
  sizeGb: number;
  /** Zomro's `fleio_status` (OpenStack's image state). */
  status: string;
  protected: boolean;
  /** When a `saving` backup ends (Infinity: stuck), and how. */
  endsAt: number;
  endsAs: 'active' | 'killed';
}

/** What an account keeps about its backups, beside its instances and schedules. */
export interface BackupBook {
  backups: BackupRecord[];
  /** Runs up to this instant have been made. */
  backupClock: number;
  backupFaults: Map<string, BackupFault>;
  /** Each instance's state before its current backup began, restored when none is saving. */
  statusBeforeBackup: Map<string, string>;
  /** When each instance's manual backups were made (deleted ones still count for the day). */
  manualMadeAt: Map<string, number[]>;
  /**
   * Nothing happens before this instant while the schedules are still `scheduleKey`: a call
   * then skips the catch-up (a fleet read makes hundreds of calls between two runs).
   */
  quietUntil: { at: number; scheduleKey: string };
}

export function emptyBackupBook(clock: number): BackupBook {
  return {
    backups: [],
    backupClock: clock,
    backupFaults: new Map(),
    statusBeforeBackup: new Map(),
    manualMadeAt: new Map(),
    quietUntil: { at: -Infinity, scheduleKey: '' },
  };
}

/** A plausible, stable size for an instance's image: 6–42 GB with a tenth that varies a little. */
function imageSize(instance: InstanceRecord, seq: number): number {
  const base = 6 + (Number(instance.id) % 37);
  return Math.round((base + ((Number(instance.id) + seq) % 10) / 10) * 10) / 10;
}

function saving(account: Account, instanceId: string): BackupRecord[] {
  return account.backups.filter((b) => b.instanceId === instanceId && b.status === 'saving');
}

/** Starts a backup at `at`: `saving`, the instance uploading its image. */
export function startBackup(
  account: Account,
  instance: InstanceRecord,
  spec: { id: string; name: string; type: 'auto' | 'manual'; at: number; fault?: BackupFaultKind },
): BackupRecord {
  if (!account.statusBeforeBackup.has(instance.id)) {
    account.statusBeforeBackup.set(instance.id, instance.instanceStatus);
  }
  instance.instanceStatus = UPLOADING_STATUS;
  const backup: BackupRecord = {
    id: spec.id,
    instanceId: instance.id,
    name: spec.name,
    type: spec.type,
    createdAt: spec.at,
    sizeGb: 0,
    status: 'saving',
    protected: false,
    endsAt: spec.fault === 'stuck' ? Infinity : spec.at + BACKUP_MINUTES * MINUTE,
    endsAs: spec.fault === 'kill' ? 'killed' : 'active',
  };
  account.backups.push(backup);
  // Its end is an event the quiet period did not know about.
  account.quietUntil = { at: -Infinity, scheduleKey: '' };
  return backup;
}

/** Removes the oldest unprotected scheduled backups beyond `backup_rotation`. */
function rotate(account: Account, instance: InstanceRecord): void {
  const keep = Number(instance.backupRotation);
  if (!Number.isInteger(keep) || keep < 1) return;
  const autos = account.backups
    .filter((b) => b.instanceId === instance.id && b.type === 'auto' && b.status !== 'saving')
    .sort((a, b) => a.createdAt - b.createdAt);
  let excess = autos.length - keep;
  const doomed = new Set<BackupRecord>();
  for (const backup of autos) {
    if (excess <= 0) break;
    if (backup.protected) continue;
    doomed.add(backup);
    excess -= 1;
  }
  if (doomed.size > 0) account.backups = account.backups.filter((b) => !doomed.has(b));
}

/** Ends the instance's backups due by `at`, rotating after each scheduled one. */
function settle(account: Account, instance: InstanceRecord, at: number): void {
  const due = saving(account, instance.id)
    .filter((b) => b.endsAt <= at)
    .sort((a, b) => a.endsAt - b.endsAt);
  for (const backup of due) {
    backup.status = backup.endsAs;
    if (backup.endsAs === 'active') backup.sizeGb = imageSize(instance, Number(backup.id));
    if (backup.type === 'auto') rotate(account, instance);
  }
  // Only a state a backup set is restored: one a test put the instance in stays.
  const before = account.statusBeforeBackup.get(instance.id);
  if (saving(account, instance.id).length === 0 && before !== undefined) {
    if (instance.instanceStatus === UPLOADING_STATUS) instance.instanceStatus = before;
    account.statusBeforeBackup.delete(instance.id);
  }
}

/** The runs of an instance's schedules in (from, to], oldest first, one per instant. */
export function runsOf(
  account: Account,
  instanceId: string,
  from: number,
  to: number,
  schedules = account.schedules.filter((s) => s.instanceId === instanceId),
): Array<{ at: number; scheduleName: string }> {
  const runs = new Map<number, string>();
  for (const schedule of schedules) {
    const span = Math.ceil((to - from) / DAY) + 1;
    for (const run of nextRuns(schedule.days, schedule.time, new Date(from), span * 7)) {
      const at = run.getTime();
      if (at <= to && !runs.has(at)) runs.set(at, schedule.name);
    }
  }
  return [...runs.entries()]
    .sort(([a], [b]) => a - b)
    .map(([at, scheduleName]) => ({ at, scheduleName }));
}

const scheduleKey = (account: Account) =>
  account.schedules.map((s) => `${s.instanceId}:${s.days.join(',')}@${s.time}`).join(';');

/** The first instant after `at` when a run starts or a backup ends. */
function nextEvent(account: Account, at: number): number {
  let next = Infinity;
  for (const s of account.schedules) {
    const run = nextRun(s.days, s.time, new Date(at));
    if (run) next = Math.min(next, run.getTime());
  }
  for (const b of account.backups) if (b.status === 'saving') next = Math.min(next, b.endsAt);
  return next;
}

/** Makes every run and every ending due between the account's backup clock and `to`. */
export function catchUp(account: Account, to: number, allocateId: () => string): void {
  const from = Math.max(account.backupClock, to - MAX_CATCH_UP_MS);
  if (to <= account.backupClock) return;
  const key = scheduleKey(account);
  if (to < account.quietUntil.at && key === account.quietUntil.scheduleKey) {
    account.backupClock = to;
    return;
  }
  const schedulesOf = new Map<string, Account['schedules']>();
  for (const s of account.schedules) {
    schedulesOf.set(s.instanceId, [...(schedulesOf.get(s.instanceId) ?? []), s]);
  }
  const busy = new Set(
    account.backups.filter((b) => b.status === 'saving').map((b) => b.instanceId),
  );
  for (const instance of account.instances) {
    const schedules = schedulesOf.get(instance.id) ?? [];
    // Most of a large fleet has nothing to do: no schedule, nothing being made.
    if (schedules.length === 0 && !busy.has(instance.id)) continue;
    for (const run of runsOf(account, instance.id, from, to, schedules)) {
      settle(account, instance, run.at);
      const fault = account.backupFaults.get(instance.id);
      const active = fault !== undefined && fault.since <= run.at ? fault.kind : undefined;
      // A run that finds a backup still being made does not start another (guess: decision 005).
      if (active === 'skip' || saving(account, instance.id).length > 0) continue;
      startBackup(account, instance, {
        id: allocateId(),
        name: `${run.scheduleName} ${toZomroDateTime(new Date(run.at)).slice(0, 16)}`,
        type: 'auto',
        at: run.at,
        fault: active,
      });
    }
    settle(account, instance, to);
  }
  account.backupClock = to;
  account.quietUntil = { at: nextEvent(account, to), scheduleKey: key };
}
