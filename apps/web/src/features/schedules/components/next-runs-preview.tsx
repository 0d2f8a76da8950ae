// The next five runs of the schedule being edited, in the provider's zone and the operator's.
import { isWeekday } from '@zomro-dash/shared/plain';
import { useId } from 'react';
import { useTranslation } from '@/lib/i18n';
import { localZoneLabel, PROVIDER_ZONE_LABEL, upcomingRuns } from '@/lib/schedule-time';

interface NextRunsPreviewProps {
  days: readonly number[];
  time: string;
  now: Date;
  /** The operator's zone; the browser's when not given. */
  timeZone?: string;
  count?: number;
}

export function NextRunsPreview({ days, time, now, timeZone, count = 5 }: NextRunsPreviewProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const language = i18n.language;
  const runs = upcomingRuns(days.filter(isWeekday), time.trim(), now, count, language, timeZone);
  const localZone = localZoneLabel(runs[0]?.at ?? now, language, timeZone);
  return (
    <section className="next-runs" aria-labelledby={headingId}>
      <h3 id={headingId} className="next-runs-title">
        {t('form.preview')}
      </h3>
      {runs.length === 0 ? (
        <p className="muted">{t('form.previewEmpty')}</p>
      ) : (
        <>
          <div className="next-runs-head" aria-hidden="true">
            <span>{PROVIDER_ZONE_LABEL}</span>
            <span>{t('form.yourTime', { zone: localZone })}</span>
          </div>
          <ol className="next-runs-list">
            {runs.map((run) => (
              <li key={run.at.getTime()}>
                <time dateTime={run.at.toISOString()}>
                  {run.provider}
                  <span className="visually-hidden"> {PROVIDER_ZONE_LABEL}</span>
                </time>
                <span className="next-runs-local">
                  {run.local}
                  {/* Lower case: on a phone this is shown after the time, as in the table. */}
                  <span className="visually-hidden">
                    {' '}
                    {t('schedules.yourTime')} ({localZone})
                  </span>
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
