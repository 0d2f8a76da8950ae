// The overview's exports (CSV and JSON) and the browser download that saves them. Loaded when an
// export is asked for, not with the overview (docs/decisions/017-first-screen.md).
import type { FleetInstance, Weekday } from '@zomro-dash/shared';
import { nextRun, WEEKDAY_NAMES } from '@zomro-dash/shared/plain';

/** One line per schedule, and one with empty schedule fields for an instance without any. */
interface ExportRow {
  instanceId: string;
  instanceName: string;
  schedule: string;
  days: Weekday[];
  time: string;
  nextRun: string;
  error?: string;
}

function exportRows(entries: readonly FleetInstance[], now: Date): ExportRow[] {
  return entries.flatMap(({ instance, schedules, error }): ExportRow[] => {
    if (schedules.length === 0) {
      return [
        {
          instanceId: instance.id,
          instanceName: instance.name,
          schedule: '',
          days: [],
          time: '',
          nextRun: '',
          ...(error && { error: error.code }),
        },
      ];
    }
    return schedules.map((s) => ({
      instanceId: instance.id,
      instanceName: instance.name,
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

export function fleetCsv(entries: readonly FleetInstance[], now: Date): string {
  const header = ['instance id', 'instance name', 'schedule', 'days', 'time (GMT+3)', 'next run'];
  const lines = exportRows(entries, now).map((row) =>
    [
      row.instanceId,
      row.instanceName,
      row.schedule,
      row.days.map((d) => WEEKDAY_NAMES[d]).join(' '),
      row.time,
      row.nextRun,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

export function fleetJson(entries: readonly FleetInstance[], now: Date): string {
  const rows = exportRows(entries, now).map((row) => ({
    instanceId: row.instanceId,
    instanceName: row.instanceName,
    schedule: row.schedule || null,
    /** Zomro's numbers, Sunday = 0. */
    days: row.days,
    timeGmt3: row.time || null,
    nextRun: row.nextRun || null,
    ...(row.error && { error: row.error }),
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
