// The overview's headline: how many servers, how many without a schedule, how many unread.
import type { FleetInstance } from '@zomro-dash/shared';
import { useTranslation } from '@/lib/i18n';
import { unprotected } from '../lib/filter';

export function FleetCounts({ entries }: { entries: readonly FleetInstance[] }) {
  const { t } = useTranslation();
  const withoutBackups = entries.filter(unprotected).length;
  const failed = entries.filter((e) => e.error).length;
  return (
    <p className="fleet-counts" aria-live="polite">
      <strong>{t('fleet.counts', { count: entries.length })}</strong>
      <span aria-hidden="true"> · </span>
      <span className={withoutBackups > 0 ? 'text-danger' : undefined}>
        {t('fleet.withoutBackups', { count: withoutBackups })}
      </span>
      {failed > 0 ? (
        <>
          <span aria-hidden="true"> · </span>
          <span>{t('fleet.failedCount', { count: failed })}</span>
        </>
      ) : null}
    </p>
  );
}
