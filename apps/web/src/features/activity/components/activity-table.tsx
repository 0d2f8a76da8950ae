// The activity of the account as a table: when, who, what, on which instance and schedule, the
// change (before → after) and its outcome.
import type { AuditEntry, AuditScheduleValues, Instance } from '@zomro-dash/shared';
import { AUDIT_ACTIONS, isWeekday } from '@zomro-dash/shared/plain';
import { useTranslation } from '@/lib/i18n';
import { Link } from '@/lib/router';
import { paths } from '@/config/paths';
import { formatLocalDateTime, formatProviderDateTime, formatRelative } from '@/lib/schedule-time';
import { summarizeDays } from '@/lib/weekdays';

const ACTIONS: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

interface ActivityTableProps {
  entries: readonly AuditEntry[];
  instances: ReadonlyMap<string, Instance>;
  now: Date;
}

export function ActivityTable({ entries, instances, now }: ActivityTableProps) {
  const { t } = useTranslation();
  return (
    <table className="data-table activity-table">
      <caption className="visually-hidden">{t('activity.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('activity.columns.when')}</th>
          <th scope="col">{t('activity.columns.operator')}</th>
          <th scope="col">{t('activity.columns.action')}</th>
          <th scope="col">{t('activity.columns.target')}</th>
          <th scope="col">{t('activity.columns.change')}</th>
          <th scope="col">{t('activity.columns.outcome')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <ActivityRow key={entry.id} entry={entry} instances={instances} now={now} />
        ))}
      </tbody>
    </table>
  );
}

function ActivityRow({
  entry,
  instances,
  now,
}: {
  entry: AuditEntry;
  instances: ReadonlyMap<string, Instance>;
  now: Date;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const at = new Date(entry.at);
  const instance = entry.instanceId ? instances.get(entry.instanceId) : undefined;
  const scheduleName = entry.after?.name ?? entry.before?.name;
  return (
    <tr className={`activity-${entry.outcome}`}>
      <td data-label={t('activity.columns.when')}>
        <time dateTime={entry.at} className="activity-when">
          <span>{formatRelative(at.getTime() > now.getTime() ? now : at, now, language)}</span>
          <span className="muted activity-exact">
            {t('activity.localTime', { time: formatLocalDateTime(at, language) })}
          </span>
          <span className="muted activity-exact">
            {t('activity.providerTime', { time: formatProviderDateTime(at, language) })}
          </span>
        </time>
      </td>
      <td data-label={t('activity.columns.operator')} className="cell-wrap">
        {entry.actor}
      </td>
      <th scope="row" data-label={t('activity.columns.action')}>
        {ACTIONS.has(entry.action)
          ? t(`activity.action.${entry.action}`)
          : t('activity.action.other', { action: entry.action })}
      </th>
      <td data-label={t('activity.columns.target')} className="cell-wrap">
        {entry.instanceId ? (
          <>
            <Link to={paths.instance(entry.instanceId)}>{instance?.name ?? entry.instanceId}</Link>
            {scheduleName !== undefined || entry.scheduleId ? (
              <span className="muted activity-schedule">
                {scheduleName ?? t('activity.schedule', { id: entry.scheduleId })}
              </span>
            ) : null}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td data-label={t('activity.columns.change')} className="cell-wrap">
        {entry.retention ? (
          <span className="change">
            {t('activity.retentionChange', {
              before: entry.retention.before ?? '?',
              after: entry.retention.after,
            })}
          </span>
        ) : (
          <ChangeSummary before={entry.before} after={entry.after} />
        )}
      </td>
      <td data-label={t('activity.columns.outcome')}>
        <Outcome entry={entry} />
      </td>
    </tr>
  );
}

function describe(values: AuditScheduleValues, language: string): string {
  return `${summarizeDays(values.days.filter(isWeekday), language)} ${values.time}`;
}

/** "Mon–Fri 02:00 → Mon, Wed 03:30", and a renaming when there was one. */
function ChangeSummary({
  before,
  after,
}: {
  before: AuditScheduleValues | null;
  after: AuditScheduleValues | null;
}) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  if (!before && !after) return <span className="muted">—</span>;
  if (before && after) {
    return (
      <span className="change">
        {before.name !== after.name ? (
          <span className="change-line">
            <del>{before.name}</del> → <ins>{after.name}</ins>
          </span>
        ) : null}
        <span className="change-line">
          {describe(before, language)} → {describe(after, language)}
        </span>
      </span>
    );
  }
  const only = (after ?? before)!;
  return <span className="change">{describe(only, language)}</span>;
}

function Outcome({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (entry.outcome === 'ok') {
    return <span className="badge badge-ok">{t('activity.outcome.ok')}</span>;
  }
  if (entry.outcome === 'unknown') {
    return (
      <span className="badge badge-warn" title={t('activity.outcome.unknownTitle')}>
        {t('activity.outcome.unknown')}
        <span className="visually-hidden">: {t('activity.outcome.unknownTitle')}</span>
      </span>
    );
  }
  if (entry.outcome === 'pending') {
    return (
      <span className="badge badge-warn" title={t('activity.outcome.pendingTitle')}>
        {t('activity.outcome.pending')}
        <span className="visually-hidden">: {t('activity.outcome.pendingTitle')}</span>
      </span>
    );
  }
  const code = entry.errorCode ?? 'UNKNOWN';
  // The reason in the words of the trail ("wrong username or password"), not the error's title,
  // which for a failed sign-in repeats the action ("Sign-in failed: Sign-in failed").
  const reason = t(`activity.reason.${code}`, {
    defaultValue: t(`errors.title.${code}`, { defaultValue: code }),
  });
  return (
    <span className="badge badge-danger">
      {t('activity.outcome.failed')}: {reason}
    </span>
  );
}
