// The filter box (with a clear button Tab reaches), "only without a schedule", and the count shown.
import { useId } from 'react';
import { useTranslation } from '@/lib/i18n';
import type { FleetFilter } from '../hooks/use-fleet-filter';

export function FleetFilterBar({ filter, total }: { filter: FleetFilter; total: number }) {
  const { t } = useTranslation();
  const filterId = useId();
  return (
    <div className="toolbar fleet-toolbar">
      <div className="search">
        <label htmlFor={filterId} className="visually-hidden">
          {t('instances.filterLabel')}
        </label>
        <input
          id={filterId}
          className="input"
          type="search"
          value={filter.text}
          placeholder={t('instances.filterPlaceholder')}
          onChange={(event) => filter.setText(event.target.value)}
          autoComplete="off"
        />
        {/* The browser's own ✕ cannot be reached with Tab; this one can. */}
        {filter.text ? (
          <button
            type="button"
            className="search-clear"
            aria-label={t('instances.clearFilter')}
            title={t('instances.clearFilter')}
            onClick={() => {
              filter.setText('');
              document.getElementById(filterId)?.focus();
            }}
          >
            <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
              <path d="m4 4 8 8M12 4l-8 8" stroke="currentColor" strokeWidth="2" />
            </svg>
          </button>
        ) : null}
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={filter.onlyUnprotected}
          onChange={(event) => filter.setOnlyUnprotected(event.target.checked)}
        />
        {t('fleet.onlyUnprotected')}
      </label>
      <p className="muted" aria-live="polite">
        {t('instances.shown', { shown: filter.shown.length, total })}
      </p>
    </div>
  );
}
