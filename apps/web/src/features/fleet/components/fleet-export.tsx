// CSV and JSON of the overview; the export code loads when asked for.
import type { FleetInstance } from '@zomro-dash/shared';
import { useTranslation } from '@/lib/i18n';

export function FleetExport({ entries, now }: { entries: readonly FleetInstance[]; now: Date }) {
  const { t, i18n } = useTranslation();
  const stamp = now.toISOString().slice(0, 10);
  return (
    <span className="fleet-export">
      <button
        type="button"
        className="btn btn-ghost btn-small"
        onClick={() =>
          void Promise.all([import('../lib/export'), import('@/lib/download')]).then(
            ([{ fleetCsv }, { download }]) =>
              download(
                fleetCsv(entries, now, i18n.language),
                `fleet-schedules-${stamp}.csv`,
                'text/csv',
              ),
          )
        }
      >
        {t('fleet.exportCsv')}
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        onClick={() =>
          void Promise.all([import('../lib/export'), import('@/lib/download')]).then(
            ([{ fleetJson }, { download }]) =>
              download(
                fleetJson(entries, now),
                `fleet-schedules-${stamp}.json`,
                'application/json',
              ),
          )
        }
      >
        {t('fleet.exportJson')}
      </button>
    </span>
  );
}
