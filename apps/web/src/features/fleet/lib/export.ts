// The overview's exports (CSV and JSON) and the browser download that saves them. Loaded when an
// export is asked for, not with the overview (docs/decisions/017-first-screen.md).
import type { FleetError, FleetInstance, Weekday } from '@zomro-dash/shared';
import { nextRun } from '@zomro-dash/shared/plain';
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

/**
 * A CSV cell: quoted when it holds a separator, a quote or a line break; a leading = + - @ is
 * neutralised so that a spreadsheet never runs a name as a formula.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Excel reads a CSV as the system's code page unless it starts with UTF-8's byte-order mark. */
const BOM = '\uFEFF';

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
  const lines = exportRows(entries, now).map((row) =>
    [
      row.instanceId,
      row.instanceName,
      row.status,
      row.schedule,
      row.days.map((d) => weekdayName(d, language, 'long')).join(' '),
      row.time,
      row.nextRun,
      row.error ? `${row.error.code}: ${row.error.message}` : '',
    ]
      .map(csvCell)
      .join(','),
  );
  return `${BOM}${[header.join(','), ...lines].join('\r\n')}\r\n`;
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

/** Saves text as a file through the browser's download. */
export function download(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
