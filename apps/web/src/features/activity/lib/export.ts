// The Activity page's exports (CSV and JSON) of what its filter shows. Loaded when an export is
// asked for, not with the page.
import type { AuditEntry, AuditScheduleValues, Instance } from '@zomro-dash/shared';
import { WEEKDAY_NAMES, type Weekday } from '@zomro-dash/shared/plain';
import { toCsv } from '@/lib/download';

/** Zomro's wall clock (GMT+3) of an instant: `2026-12-08 05:12:00`. */
function providerTime(at: string): string {
  const date = new Date(Date.parse(at) + 3 * 3_600_000);
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

function values(v: AuditScheduleValues | null): string {
  if (!v) return '';
  const days = v.days.map((d) => WEEKDAY_NAMES[d as Weekday] ?? String(d)).join(' ');
  return `${v.name}: ${days} ${v.time}`;
}

export function activityCsv(
  entries: readonly AuditEntry[],
  instances: ReadonlyMap<string, Instance>,
): string {
  const header = [
    'time (UTC)',
    'time (GMT+3)',
    'operator',
    'action',
    'instance id',
    'instance name',
    'schedule id',
    'before',
    'after',
    'backups kept before',
    'backups kept after',
    'outcome',
    'error code',
  ];
  const rows = entries.map((e) => [
    e.at,
    providerTime(e.at),
    e.actor,
    e.action,
    e.instanceId ?? '',
    (e.instanceId && instances.get(e.instanceId)?.name) ?? '',
    e.scheduleId ?? '',
    values(e.before),
    values(e.after),
    e.retention ? String(e.retention.before ?? '') : '',
    e.retention ? String(e.retention.after) : '',
    e.outcome,
    e.errorCode ?? '',
  ]);
  return toCsv(header, rows);
}

export function activityJson(entries: readonly AuditEntry[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}
