// The account's instances as links to their schedules, with a filter box (name, IP, tariff, ID,
// state in the UI's language) kept in the address (`?q=`) so that Back and reload keep it.
import type { Instance } from '@zomro-dash/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/ui/error-alert';
import { LoadingBlock, Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useInstances } from '../api/get-instances';
import { InstanceStatus } from './instance-status';

function matches(instance: Instance, filter: string, statusWord: string): boolean {
  const needle = filter.trim().toLocaleLowerCase();
  if (!needle) return true;
  return [
    instance.name,
    instance.ip,
    instance.tariff,
    instance.id,
    instance.status,
    statusWord,
  ].some((text) => text.toLocaleLowerCase().includes(needle));
}

export function InstanceList() {
  const { t } = useTranslation();
  const filterId = useId();
  const instances = useInstances();
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = searchParams.get('q') ?? '';
  const setFilter = (value: string) =>
    setSearchParams(value ? { q: value } : {}, { replace: true });

  if (instances.isPending) {
    return (
      <LoadingBlock label={t('app.loading')}>
        <ul className="instance-list">
          {Array.from({ length: 4 }, (_, i) => (
            <li key={i} className="instance-card is-skeleton">
              <Skeleton width="45%" height="1.2em" />
              <Skeleton width="30%" />
            </li>
          ))}
        </ul>
      </LoadingBlock>
    );
  }
  if (instances.isError) {
    return (
      <ErrorAlert
        error={instances.error}
        title={t('instances.loadFailed')}
        onRetry={() => void instances.refetch()}
        retrying={instances.isFetching}
      />
    );
  }
  const all = instances.data;
  if (all.length === 0) {
    return (
      <div className="empty-state">
        <p className="empty-title">{t('instances.empty')}</p>
      </div>
    );
  }
  const shown = all.filter((instance) =>
    matches(
      instance,
      filter,
      t(`instances.status.${instance.status.toLowerCase()}`, { defaultValue: instance.status }),
    ),
  );
  return (
    <>
      <div className="toolbar">
        <div className="search">
          <label htmlFor={filterId} className="visually-hidden">
            {t('instances.filterLabel')}
          </label>
          <svg
            aria-hidden="true"
            viewBox="0 0 16 16"
            width="16"
            height="16"
            className="search-icon"
          >
            <circle cx="7" cy="7" r="4.8" fill="none" stroke="currentColor" strokeWidth="1.8" />
            <path
              d="m10.6 10.6 3.6 3.6"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinecap="round"
            />
          </svg>
          <input
            id={filterId}
            className="input"
            type="search"
            value={filter}
            placeholder={t('instances.filterPlaceholder')}
            onChange={(event) => setFilter(event.target.value)}
            autoComplete="off"
          />
          {/* The browser's own ✕ cannot be reached with Tab; this one can. */}
          {filter ? (
            <button
              type="button"
              className="search-clear"
              aria-label={t('instances.clearFilter')}
              title={t('instances.clearFilter')}
              onClick={() => {
                setFilter('');
                document.getElementById(filterId)?.focus();
              }}
            >
              <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
                <path d="m4 4 8 8M12 4l-8 8" stroke="currentColor" strokeWidth="2" />
              </svg>
            </button>
          ) : null}
        </div>
        <p className="muted" aria-live="polite">
          {t('instances.shown', { shown: shown.length, total: all.length })}
        </p>
      </div>
      {shown.length === 0 ? (
        <div className="empty-state">
          <p className="empty-title">{t('instances.noMatch', { filter: filter.trim() })}</p>
          <button type="button" className="btn btn-secondary" onClick={() => setFilter('')}>
            {t('instances.clearFilter')}
          </button>
        </div>
      ) : (
        <ul className="instance-list">
          {shown.map((instance) => (
            <li key={instance.id}>
              <Link className="instance-card" to={paths.instance(instance.id)}>
                <span className="instance-name">{instance.name}</span>
                <InstanceStatus status={instance.status} />
                <span className="instance-meta">
                  <span className="mono">{instance.ip || t('instances.noIp')}</span>
                  <span aria-hidden="true"> · </span>
                  <span>{instance.tariff}</span>
                  <span aria-hidden="true"> · </span>
                  <span>{t('instances.id', { id: instance.id })}</span>
                </span>
                <svg
                  aria-hidden="true"
                  viewBox="0 0 16 16"
                  width="16"
                  height="16"
                  className="chevron"
                >
                  <path d="m6 3 5 5-5 5" fill="none" stroke="currentColor" strokeWidth="2" />
                </svg>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
