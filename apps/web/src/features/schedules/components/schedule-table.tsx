// The schedules of one instance: days in short form, the time in both zones, the next run
// (relative and absolute), the created date, and Edit / Delete as labelled icons.
import type { Weekday } from '@zomro-dash/shared';
import { nextRun, WEEKDAYS_MONDAY_FIRST } from '@zomro-dash/shared/plain';
import type { ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n';
import { RowAction } from '@/components/ui/row-action';
import { Skeleton } from '@/components/ui/skeleton';
import type { ScheduleRow } from '../api/get-schedules';
import {
  formatCalendarDate,
  formatLocalDateTime,
  formatProviderDateTime,
  formatNextRun,
  localTimeOfSchedule,
  PROVIDER_ZONE_LABEL,
} from '@/lib/schedule-time';
import { summarizeDays, weekdayName } from '@/lib/weekdays';
import { LastChanged } from './last-changed';

interface ScheduleTableProps {
  instanceName: string;
  schedules: readonly ScheduleRow[];
  now: Date;
  timeZone?: string;
  onEdit: (schedule: ScheduleRow) => void;
  onDelete: (schedule: ScheduleRow) => void;
  /** Viewers get no Edit and Delete buttons. */
  canChange?: boolean;
  /** When set, Edit and Delete are disabled, described by the element with this id. */
  actionsDisabledBy?: string;
  /** More buttons after Edit and Delete (copy to other servers, copy as curl). */
  rowActions?: (schedule: ScheduleRow) => ReactNode;
}

export function ScheduleTable({
  instanceName,
  schedules,
  now,
  timeZone,
  onEdit,
  onDelete,
  canChange = true,
  actionsDisabledBy,
  rowActions,
}: ScheduleTableProps) {
  const { t } = useTranslation();
  return (
    <table className="data-table schedule-table">
      <caption className="visually-hidden">
        {t('schedules.caption', { instance: instanceName })}
      </caption>
      <ScheduleTableHead />
      <tbody>
        {schedules.map((schedule) => (
          <ScheduleTableRow
            key={schedule.id}
            schedule={schedule}
            now={now}
            timeZone={timeZone}
            onEdit={onEdit}
            onDelete={onDelete}
            canChange={canChange}
            actionsDisabledBy={actionsDisabledBy}
            rowActions={rowActions}
          />
        ))}
      </tbody>
    </table>
  );
}

function ScheduleTableHead() {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        <th scope="col">{t('schedules.columns.name')}</th>
        <th scope="col">{t('schedules.columns.days')}</th>
        <th scope="col">{t('schedules.columns.time')}</th>
        <th scope="col">{t('schedules.columns.nextRun')}</th>
        <th scope="col" className="cell-date">
          {t('schedules.columns.created')}
        </th>
        <th scope="col">
          <span className="visually-hidden">{t('schedules.columns.actions')}</span>
        </th>
      </tr>
    </thead>
  );
}

function ScheduleTableRow({
  schedule,
  now,
  timeZone,
  onEdit,
  onDelete,
  canChange,
  actionsDisabledBy,
  rowActions,
}: {
  schedule: ScheduleRow;
  now: Date;
  timeZone?: string;
  onEdit: (schedule: ScheduleRow) => void;
  onDelete: (schedule: ScheduleRow) => void;
  canChange: boolean;
  actionsDisabledBy?: string;
  rowActions?: (schedule: ScheduleRow) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const local = localTimeOfSchedule(schedule.days, schedule.time, now, language, timeZone);
  const next = nextRunOf(schedule, now);
  return (
    <tr className={schedule.pending ? 'is-pending' : undefined} aria-busy={schedule.pending}>
      <th scope="row" className="cell-name">
        <span className="schedule-name" title={schedule.name}>
          {schedule.name}
        </span>
        {schedule.pending ? (
          <span className="badge badge-muted">{t('schedules.saving')}</span>
        ) : null}
        <LastChanged change={schedule.lastChange} now={now} />
      </th>
      <td data-label={t('schedules.columns.days')}>
        <span className="days-summary">{summarizeDays(schedule.days, language)}</span>
        <WeekStrip days={schedule.days} language={language} />
      </td>
      <td className="cell-time" data-label={t('schedules.columns.time')}>
        <span className="time-provider">
          {schedule.time} <span className="muted">{PROVIDER_ZONE_LABEL}</span>
        </span>
        {local ? (
          <span className="time-local muted">
            {local.time} {t('schedules.yourTime')} ({local.zone})
            {local.shift !== 0
              ? `, ${t(local.shift < 0 ? 'schedules.previousDay' : 'schedules.nextDay')}`
              : null}
          </span>
        ) : null}
      </td>
      <td data-label={t('schedules.columns.nextRun')}>
        {next ? (
          <>
            <time
              dateTime={next.toISOString()}
              title={`${formatProviderDateTime(next, language)} ${PROVIDER_ZONE_LABEL}`}
            >
              {formatNextRun(next, now, language, timeZone)}
            </time>
            <span className="muted next-absolute">
              {formatLocalDateTime(next, language, timeZone)}
            </span>
          </>
        ) : (
          <span className="muted">{t('schedules.never')}</span>
        )}
      </td>
      <td className="cell-date" data-label={t('schedules.columns.created')}>
        {schedule.createdAt ? formatCalendarDate(schedule.createdAt, language) : '—'}
      </td>
      <td className="cell-actions">
        {canChange ? (
          <>
            <RowAction
              icon="edit"
              label={t('schedules.editLabel', { name: schedule.name })}
              aria-describedby={actionsDisabledBy}
              disabled={schedule.pending || actionsDisabledBy !== undefined}
              onClick={() => onEdit(schedule)}
            />
            <RowAction
              icon="delete"
              danger
              label={t('schedules.deleteLabel', { name: schedule.name })}
              aria-describedby={actionsDisabledBy}
              disabled={schedule.pending || actionsDisabledBy !== undefined}
              onClick={() => onDelete(schedule)}
            />
          </>
        ) : null}
        {rowActions?.(schedule)}
      </td>
    </tr>
  );
}

function nextRunOf(schedule: ScheduleRow, now: Date): Date | null {
  return nextRun(schedule.days, schedule.time, now);
}

/** Seven small marks, Monday first, for reading a column of schedules at a glance. */
function WeekStrip({ days, language }: { days: readonly Weekday[]; language: string }) {
  const chosen = new Set(days);
  return (
    <span className="week-strip" aria-hidden="true">
      {WEEKDAYS_MONDAY_FIRST.map((day) => (
        <span
          key={day}
          className={chosen.has(day) ? 'week-strip-day is-on' : 'week-strip-day'}
          title={weekdayName(day, language, 'long')}
        >
          {weekdayName(day, language, 'short').charAt(0)}
        </span>
      ))}
    </span>
  );
}

/** Placeholder widths of the columns: name, days, time, next run, created, actions. */
const SKELETON_WIDTHS = ['8rem', '5rem', '6rem', '7rem', '5rem', '8rem'];

export function ScheduleTableSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <table className="data-table schedule-table" aria-hidden="true">
      <ScheduleTableHead />
      <tbody>
        {Array.from({ length: rows }, (_, i) => (
          <tr key={i}>
            {SKELETON_WIDTHS.map((width, column) => (
              <td key={column}>
                <Skeleton width={width} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
