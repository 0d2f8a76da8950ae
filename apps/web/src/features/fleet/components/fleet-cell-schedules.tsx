// A server row's schedules cell: its schedules in one line (Zomro's time, labelled GMT+3) and the
// next run (the operator's time, labelled with its zone, as the server page does); "No schedule"
// when it has none; or why it could not be read, with Retry.
import type { FleetInstance } from '@zomro-dash/shared';
import { errorMessage } from '@/components/ui/error-alert';
import { ApiError } from '@/lib/api-client';
import { useTranslation } from '@/lib/i18n';
import {
  formatLocalDateTime,
  formatRelative,
  localZoneLabel,
  PROVIDER_ZONE_LABEL,
} from '@/lib/schedule-time';
import { summarizeDays } from '@/lib/weekdays';
import type { InstanceRetry } from '../hooks/use-instance-retry';
import { fleetNextRun, schedulesLine } from '../lib/fleet';

export function FleetCellSchedules({
  entry: { instance, schedules, error },
  now,
  retry,
}: {
  entry: FleetInstance;
  now: Date;
  retry: InstanceRetry;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  if (error) {
    const busy = retry.retrying(instance.id);
    return (
      <div className="fleet-schedules">
        <span className="fleet-failed">
          <span className="alert-text">
            {t('fleet.readFailed', {
              message: errorMessage(
                retry.error(instance.id) ?? new ApiError({ statusCode: 200, ...error }),
                t,
              ),
            })}
          </span>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            aria-label={t('fleet.retryInstance', { name: instance.name })}
            aria-busy={busy}
            disabled={busy}
            onClick={() => void retry.retry(instance.id)}
          >
            {t('app.retry')}
          </button>
        </span>
      </div>
    );
  }
  if (schedules.length === 0) {
    return (
      <div className="fleet-schedules">
        <span className="badge badge-danger" title={t('fleet.noBackupsTitle')}>
          {t('fleet.noBackups')}
        </span>
      </div>
    );
  }
  const next = fleetNextRun(schedules, now);
  return (
    <div className="fleet-schedules">
      <span className="fleet-line">
        {schedulesLine(schedules, (days) => summarizeDays(days, language))}{' '}
        <span className="muted">{PROVIDER_ZONE_LABEL}</span>
      </span>
      {next ? (
        <span className="muted fleet-next">
          {t('fleet.nextRun', { when: formatRelative(next, now, language) })}{' '}
          <time dateTime={next.toISOString()}>
            ({formatLocalDateTime(next, language)} {t('schedules.yourTime')},{' '}
            {localZoneLabel(next, language)})
          </time>
        </span>
      ) : null}
    </div>
  );
}
