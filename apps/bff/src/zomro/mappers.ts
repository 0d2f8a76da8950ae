// Zomro's rows (all values strings, extra keys, day names out) → the dashboard's types.
import {
  normaliseTime,
  parseRotationDays,
  type BackupSchedule,
  type Instance,
  type ValidScheduleInput,
} from '@zomro-dash/shared';
import { text, type ZomroRow } from './envelope.js';

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

/** A schedule row of the instance it was listed for, or null when it has no usable id. */
export function toSchedule(row: ZomroRow, instanceId: string): BackupSchedule | null {
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

function sameDays(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((day, i) => day === b[i]);
}

/** Compares digit strings as numbers without converting them (ids may exceed 2^53). */
export function compareIds(a: string, b: string): number {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The schedule a create just made, found in the list read right after it (Zomro answers a create
 * with no id). Changes are serialised per instance, so the newest row matching what was sent is
 * ours: exact match first, then days and time (Zomro may reshape the name), then the name alone.
 */
export function findCreated(
  schedules: readonly BackupSchedule[],
  input: ValidScheduleInput,
): BackupSchedule | null {
  const tiers: Array<(s: BackupSchedule) => boolean> = [
    (s) => s.name === input.name && sameDays(s.days, input.days) && s.time === input.time,
    (s) => sameDays(s.days, input.days) && s.time === input.time,
    (s) => s.name === input.name,
  ];
  for (const matches of tiers) {
    const found = schedules.filter(matches);
    if (found.length > 0) return found.reduce((a, b) => (compareIds(a.id, b.id) >= 0 ? a : b));
  }
  return null;
}
