// "Last changed by alice · 5 minutes ago": the latest change made through the dashboard, from the
// audit trail; nothing when the schedule was never changed here.
import type { BackupSchedule } from '@zomro-dash/shared';
import { useTranslation } from '@/lib/i18n';
import { formatLocalDateTime, formatRelative } from '@/lib/schedule-time';

export function LastChanged({
  change,
  now,
  className = 'last-changed muted',
}: {
  change: BackupSchedule['lastChange'];
  now: Date;
  className?: string;
}) {
  const { t, i18n } = useTranslation();
  if (!change) return null;
  const at = new Date(change.at);
  const action = change.action === 'schedule.create' ? 'schedule.create' : 'schedule.update';
  // Never "in 1 minute" because of a clock a little ahead of this browser's.
  const when = formatRelative(at.getTime() > now.getTime() ? now : at, now, i18n.language);
  return (
    <span className={className}>
      <time dateTime={change.at} title={formatLocalDateTime(at, i18n.language)}>
        {t(`team.lastChanged.${action}`, { actor: change.actor, when })}
      </time>
    </span>
  );
}
