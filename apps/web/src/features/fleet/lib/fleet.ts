// The fleet in the terms the overview shows: each instance's schedules in one line, its next run,
// the 7 × 24 grid of backups starting per hour, and the exports (CSV and JSON).
import type { BackupSchedule, FleetInstance, Weekday } from '@zomro-dash/shared';
import {
  nextRun,
  parseTimeOfDay,
  PROVIDER_UTC_OFFSET_MINUTES,
  WEEKDAY_NAMES,
} from '@zomro-dash/shared/plain';

export type DaysSummary = (days: readonly Weekday[]) => string;

/** "Mon–Fri 02:00 · Sun 04:00": each schedule as days and time, in the order Zomro lists them. */
export function schedulesLine(schedules: readonly BackupSchedule[], summary: DaysSummary): string {
  return schedules.map((s) => `${summary(s.days)} ${s.time}`).join(' · ');
}

/** The earliest next run of any of the schedules, or null. */
export function fleetNextRun(schedules: readonly BackupSchedule[], now: Date): Date | null {
  let first: Date | null = null;
  for (const s of schedules) {
    const next = nextRun(s.days, s.time, now);
    if (next && (!first || next < first)) first = next;
  }
  return first;
}

const WEEK_MINUTES = 7 * 24 * 60;

/**
 * How many backups start in each hour of the week: `grid[day][hour]`, days Sunday = 0. In the
 * provider's zone (GMT+3), or shifted to a zone `offsetMinutes` east of UTC (the browser's).
 */
export function startsPerHour(
  entries: readonly FleetInstance[],
  offsetMinutes = PROVIDER_UTC_OFFSET_MINUTES,
): number[][] {
  const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const shift = offsetMinutes - PROVIDER_UTC_OFFSET_MINUTES;
  for (const { schedules } of entries) {
    for (const s of schedules) {
      const minute = parseTimeOfDay(s.time);
      if (minute === null) continue;
      for (const day of s.days) {
        const at = (((day * 1440 + minute + shift) % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES;
        grid[Math.floor(at / 1440)]![Math.floor((at % 1440) / 60)]! += 1;
      }
    }
  }
  return grid;
}

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
