// The overview while the schedules are read: progressive, the servers are listed as soon as the
// instance list is known, each marked "reading".
import type { Instance } from '@zomro-dash/shared';
import { useTranslation } from '@/lib/i18n';
import { FleetCellInstance } from './fleet-cell-instance';

export function FleetLoading({
  known,
  onInstanceIntent,
}: {
  known?: readonly Instance[];
  onInstanceIntent?: (instanceId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="fleet-loading">
      <div
        className="progress-bar is-indeterminate"
        role="progressbar"
        aria-label={t('fleet.loading')}
      />
      <p className="muted" role="status">
        {known ? t('fleet.loadingCount', { count: known.length }) : t('fleet.loading')}
      </p>
      {known ? (
        <ul className="fleet-list" aria-busy="true">
          {known.map((instance) => (
            <li key={instance.id} className="fleet-row">
              <FleetCellInstance
                instance={instance}
                brief
                {...(onInstanceIntent && { onIntent: onInstanceIntent })}
              />
              <span className="fleet-schedules muted">{t('fleet.reading')}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
