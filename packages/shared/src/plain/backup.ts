// Backups (what the schedules and the operators make), without zod: their kinds and statuses, the
// limits Zomro's panel enforces, and how Zomro's OpenStack image state reads as a status.
// backup.ts builds the API's schemas from these.

export const BACKUP_KINDS = ['scheduled', 'manual'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const BACKUP_STATUSES = ['ready', 'in-progress', 'failed', 'deleting', 'unknown'] as const;
export type BackupStatus = (typeof BACKUP_STATUSES)[number];

/** Zomro's panel: at most 5 manual backups a day (its button is disabled from the 5th) … */
export const MANUAL_BACKUPS_PER_DAY = 5;
/** … and 100 in all. */
export const MANUAL_BACKUPS_TOTAL = 100;

/** A backup's name follows the schedule name's rules (the same field length in Zomro's forms). */
export { SCHEDULE_NAME_MAX as BACKUP_NAME_MAX } from './schedule.js';

/** Zomro's `backup_type`: `auto` is made by a schedule, anything else by an operator. */
export function backupKindFromZomro(backupType: string): BackupKind {
  return backupType.trim().toLowerCase() === 'auto' ? 'scheduled' : 'manual';
}

// `fleio_status` is OpenStack's image state (Fleio sits on OpenStack) plus a few words of Zomro's
// panel (it reds `stopped`, `suspended` and `deletion_in_progress`). Unknown words stay `unknown`
// and the raw word travels beside the status as `zomroStatus`.
const STATUS_BY_ZOMRO: Readonly<Record<string, BackupStatus>> = {
  active: 'ready',
  queued: 'in-progress',
  saving: 'in-progress',
  uploading: 'in-progress',
  importing: 'in-progress',
  // `killed` is OpenStack's "the upload failed"; the panel's red states are no usable copy either
  // (and the panel lets them be deleted, as a failed backup should).
  killed: 'failed',
  error: 'failed',
  stopped: 'failed',
  suspended: 'failed',
  deleted: 'deleting',
  pending_delete: 'deleting',
  deletion_in_progress: 'deleting',
};

/** Zomro's `fleio_status` as one of BACKUP_STATUSES (lenient about case and spaces). */
export function backupStatusFromZomro(fleioStatus: string): BackupStatus {
  const word = fleioStatus
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return STATUS_BY_ZOMRO[word] ?? 'unknown';
}

/**
 * Whether the panel offers Delete for a backup: never while protected, and only when it is ready
 * or failed (Zomro's panel: `active` or `suspended`). The API refuses the rest with
 * BACKUP_PROTECTED or BACKUP_BUSY before anything is sent.
 */
export function backupDeleteRefusal(backup: {
  status: BackupStatus;
  protected: boolean;
}): 'BACKUP_PROTECTED' | 'BACKUP_BUSY' | null {
  if (backup.protected) return 'BACKUP_PROTECTED';
  if (backup.status !== 'ready' && backup.status !== 'failed') return 'BACKUP_BUSY';
  return null;
}
