// Is a server really backed up right now? One pure function answers for the BFF and the web app
// alike, from the instance's schedules, its backups and its retention. Zomro keeps no run history:
// whether a schedule ran is known only from the scheduled backups' creation times.
import type { BackupKind, BackupStatus } from './backup.js';
import { nextRun, nextRuns } from './next-run.js';
import { parseProviderDateTime, toProviderIso } from './provider-time.js';
import type { Weekday } from './weekday.js';

export const PROTECTION_STATES = [
  'ok',
  'missed',
  'stuck',
  'failed',
  'waiting',
  'no-schedule',
] as const;
export type ProtectionState = (typeof PROTECTION_STATES)[number];

export interface Protection {
  state: ProtectionState;
  /** The newest ready backup (scheduled or manual), provider-zone ISO; null when none is. */
  lastBackupAt: string | null;
  /** The soonest next run of any schedule, provider-zone ISO; null without schedules. */
  nextRunAt: string | null;
  /** Expected runs that made no backup, newest first, at most MISSED_RUNS_MAX (provider-zone ISO). */
  missedRuns: string[];
  /** Backups in progress for more than STUCK_AFTER_HOURS. */
  stuckBackupIds: string[];
}

/** How long after a run its backup may still appear (BACKUP_GRACE_MINUTES in the BFF). */
export const BACKUP_GRACE_MINUTES_DEFAULT = 180;
/** A backup in progress longer than this is stuck. */
export const STUCK_AFTER_HOURS = 6;
/** Only runs of the last this many days are checked. */
export const CHECK_WINDOW_DAYS = 8;
/** A scheduled backup created this long before a run still counts as that run's (clocks drift). */
export const RUN_EARLY_MINUTES = 10;
export const MISSED_RUNS_MAX = 10;

export interface ProtectionSchedule {
  days: readonly Weekday[];
  time: string;
  /** `YYYY-MM-DD` as Zomro reports it (provider zone), or null when it did not. */
  createdAt: string | null;
}

export interface ProtectionBackup {
  id: string;
  kind: BackupKind;
  /** ISO 8601 with its offset; an unreadable one takes no part in the timing. */
  createdAt: string;
  status: BackupStatus;
}

export interface ProtectionInput {
  schedules: readonly ProtectionSchedule[];
  backups: readonly ProtectionBackup[];
  /** How many scheduled backups Zomro keeps (`backup_rotation`); null when unknown. */
  retention: number | null;
  now: Date;
  graceMinutes: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface Dated<T> {
  item: T;
  at: number;
}

/**
 * The first instant whose runs surely came after the schedule existed. Zomro dates a schedule to
 * the day only, so runs on its creation day are uncertain: never called missed (it may have been
 * made after them), yet counted as having run when a backup shows they did.
 */
function certainFrom(createdAt: string | null): number {
  if (createdAt === null) return -Infinity;
  const day = parseProviderDateTime(createdAt.slice(0, 10));
  return day === null ? -Infinity : day.getTime() + DAY;
}

function creationDayStart(createdAt: string | null): number {
  if (createdAt === null) return -Infinity;
  const day = parseProviderDateTime(createdAt.slice(0, 10));
  return day === null ? -Infinity : day.getTime();
}

/** A schedule's runs in [from, to], oldest first. */
function runsBetween(schedule: ProtectionSchedule, from: number, to: number): number[] {
  if (to < from) return [];
  const span = Math.ceil((to - from) / DAY) + 1;
  return nextRuns(schedule.days, schedule.time, new Date(from - 1), span * 7 + 1)
    .map((d) => d.getTime())
    .filter((t) => t <= to);
}

export function computeProtection(input: ProtectionInput): Protection {
  const now = input.now.getTime();
  const grace = input.graceMinutes * MINUTE;
  const dated = input.backups
    .map((item): Dated<ProtectionBackup> | null => {
      const at = parseProviderDateTime(item.createdAt)?.getTime();
      return at === undefined ? null : { item, at };
    })
    .filter((b): b is Dated<ProtectionBackup> => b !== null)
    .sort((a, b) => b.at - a.at);

  const lastReady = dated.find((b) => b.item.status === 'ready');
  const lastBackupAt = lastReady ? toProviderIso(new Date(lastReady.at)) : null;
  const stuckBackupIds = dated
    .filter((b) => b.item.status === 'in-progress' && now - b.at > STUCK_AFTER_HOURS * HOUR)
    .map((b) => b.item.id);

  const nextRunTimes = input.schedules
    .map((s) => nextRun(s.days, s.time, input.now)?.getTime())
    .filter((t): t is number => t !== undefined);
  const nextRunAt =
    nextRunTimes.length > 0 ? toProviderIso(new Date(Math.min(...nextRunTimes))) : null;

  if (input.schedules.length === 0) {
    return { state: 'no-schedule', lastBackupAt, nextRunAt: null, missedRuns: [], stuckBackupIds };
  }

  // A backup being deleted still shows that its run happened; one that failed did too.
  const scheduled = dated.filter((b) => b.item.kind === 'scheduled');
  const madeFor = (run: number): boolean =>
    scheduled.some((b) => b.at >= run - RUN_EARLY_MINUTES * MINUTE && b.at <= run + grace);

  // Older runs' backups were rotated away, as they should be, once `retention` of them are kept.
  const kept = scheduled.filter((b) => b.item.status !== 'deleting');
  const rotatedBefore =
    input.retention !== null && kept.length >= input.retention && kept.length > 0
      ? kept[kept.length - 1]!.at
      : -Infinity;
  const windowStart = Math.max(now - CHECK_WINDOW_DAYS * DAY, rotatedBefore);

  const missed = new Set<number>();
  let due = false;
  for (const schedule of input.schedules) {
    const certain = certainFrom(schedule.createdAt);
    const firstDay = creationDayStart(schedule.createdAt);
    const past = runsBetween(schedule, Math.max(now - CHECK_WINDOW_DAYS * DAY, firstDay), now);
    for (const run of past) {
      if (run >= certain || madeFor(run)) due = true;
      if (run >= certain && run >= windowStart && run < now - grace && !madeFor(run))
        missed.add(run);
    }
  }
  const missedRuns = [...missed]
    .sort((a, b) => b - a)
    .slice(0, MISSED_RUNS_MAX)
    .map((t) => toProviderIso(new Date(t)));

  // A run in progress does not clear a failure until it has ended.
  const newestScheduled = kept.find((b) => b.item.status !== 'in-progress');
  let state: ProtectionState = 'ok';
  if (stuckBackupIds.length > 0) state = 'stuck';
  else if (newestScheduled?.item.status === 'failed') state = 'failed';
  else if (missedRuns.length > 0) state = 'missed';
  else if (!due) state = 'waiting';
  return { state, lastBackupAt, nextRunAt, missedRuns, stuckBackupIds };
}
