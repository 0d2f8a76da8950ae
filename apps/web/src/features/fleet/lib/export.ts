// The overview's exports (CSV and JSON) and the browser download that saves them. Loaded when an
// export is asked for, not with the overview (docs/decisions/017-first-screen.md).
import type { FleetError, FleetInstance, Weekday } from '@zomro-dash/shared';
import { nextRun } from '@zomro-dash/shared/plain';
import { toCsv } from '@/lib/download';
import { weekdayName } from '@/lib/weekdays';

/**
 * One line per schedule, and one with empty schedule fields for an instance without any, or one
 * that could not be read: then `error` says why, so it never reads as "no schedule".
 */
interface ExportRow {
  instanceId: string;
  instanceName: string;
  status: string;
  schedule: string;
  days: Weekday[];
  time: string;
  nextRun: string;
  error?: FleetError;
}

function exportRows(entries: readonly FleetInstance[], now: Date): ExportRow[] {
  return entries.flatMap(({ instance, schedules, error }): ExportRow[] => {
    const server = {
      instanceId: instance.id,
      instanceName: instance.name,
      status: instance.status,
    };
    if (error || schedules.length === 0) {
      return [
        { ...server, schedule: '', days: [], time: '', nextRun: '', ...(error && { error }) },
      ];
    }
    return schedules.map((s) => ({
      ...server,
      schedule: s.name,
      days: s.days,
      time: s.time,
      nextRun: nextRun(s.days, s.time, now)?.toISOString() ?? '',
    }));
  });
}

/** `language`: the day names' language (the UI's), so a Russian export says "Понедельник". */
export function fleetCsv(entries: readonly FleetInstance[], now: Date, language = 'en'): string {
  const header = [
    'instance id',
    'instance name',
    'status',
    'schedule',
    'days',
    'time (GMT+3)',
    'next run',
    'read error',
  ];
  const rows = exportRows(entries, now).map((row) => [
    row.instanceId,
    row.instanceName,
    row.status,
    row.schedule,
    row.days.map((d) => weekdayName(d, language, 'long')).join(' '),
    row.time,
    row.nextRun,
    row.error ? `${row.error.code}: ${row.error.message}` : '',
  ]);
  // The byte-order mark makes Excel read the file as UTF-8 (Cyrillic names intact).
  return toCsv(header, rows);
}

export function fleetJson(entries: readonly FleetInstance[], now: Date): string {
  const rows = exportRows(entries, now).map((row) => ({
    instanceId: row.instanceId,
    instanceName: row.instanceName,
    status: row.status,
    schedule: row.schedule || null,
    /** Zomro's numbers, Sunday = 0. */
    days: row.days,
    timeGmt3: row.time || null,
    nextRun: row.nextRun || null,
    /** Null when the server was read; else why not (its schedules are then unknown, not none). */
    error: row.error ?? null,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
