// Zomro's rows (all values strings, extra keys, day names out) → the dashboard's types.
import {
  normaliseTime,
  parseRotationDays,
  RETENTION_MAX,
  RETENTION_MIN,
  type BackupSchedule,
  type Instance,
} from '@zomro-dash/shared';
import { text, type ZomroDoc, type ZomroRow } from './envelope.js';

const ID = /^\d{1,20}$/;

/** An instance row, or null when it has no usable id. */
export function toInstance(row: ZomroRow): Instance | null {
  const id = text(row.id).trim();
  if (!ID.test(id)) return null;
  const tariff = text(row.name).trim();
  const serverName = text(row.servername).trim();
  return {
    id,
    // Zomro's own panel shows `servername || name`.
    name: serverName || tariff,
    tariff,
    ip: text(row.ip).trim(),
    status: (text(row.instance_status) || text(row.status)).trim(),
  };
}

/** A schedule as Zomro lists it (the dashboard adds its version and last change). */
export type ListedSchedule = Omit<BackupSchedule, 'version' | 'lastChange'>;

/** A schedule row of the instance it was listed for, or null when it has no usable id. */
export function toSchedule(row: ZomroRow, instanceId: string): ListedSchedule | null {
  const id = text(row.id).trim();
  if (!ID.test(id)) return null;
  const createDate = /^\d{4}-\d{2}-\d{2}/.exec(text(row.create_date).trim());
  return {
    id,
    instanceId,
    name: text(row.name).trim(),
    days: parseRotationDays(text(row.rotation_days)) ?? [],
    time: normaliseTime(text(row.rotation_time)),
    createdAt: createDate ? createDate[0] : null,
  };
}

/** `doc.backup_rotation` of a schedule list: how many scheduled backups Zomro keeps, or null. */
export function toRetention(doc: ZomroDoc): number | null {
  const raw = text(doc.backup_rotation).trim();
  const count = /^\d{1,2}$/.test(raw) ? Number(raw) : Number.NaN;
  return count >= RETENTION_MIN && count <= RETENTION_MAX ? count : null;
}
