// The servers the filter shows, one row each, or why none is shown.
import type { FleetInstance } from '@zomro-dash/shared';
import { useTranslation } from '@/lib/i18n';
import type { FleetFilter } from '../hooks/use-fleet-filter';
import { FleetRow, type FleetRowProps } from './fleet-row';

export function FleetList({
  filter,
  ...row
}: { filter: FleetFilter } & Omit<FleetRowProps, 'entry'>) {
  const { t } = useTranslation();
  const shown: readonly FleetInstance[] = filter.shown;
  if (shown.length === 0) {
    return (
      <div className="empty-state">
        <p className="empty-title">
          {filter.onlyUnprotected && filter.text.trim() === ''
            ? t('fleet.noneUnprotected')
            : t('instances.noMatch', { filter: filter.text.trim() })}
        </p>
        {filter.text !== '' ? (
          <button type="button" className="btn btn-secondary" onClick={() => filter.setText('')}>
            {t('instances.clearFilter')}
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <ul className="fleet-list">
      {shown.map((entry) => (
        <FleetRow key={entry.instance.id} entry={entry} {...row} />
      ))}
    </ul>
  );
}
