// /activity: the audit trail of the Zomro account, filtered by operator and instance (both kept in
// the address), older pages on demand.
import { lastWordOnce } from '@zomro-dash/shared/plain';
import { useMemo } from 'react';
import { useTranslation } from '@/lib/i18n';
import { useSearchParams } from '@/lib/router';
import { ErrorAlert } from '@/components/ui/error-alert';
import { LoadingBlock, Skeleton } from '@/components/ui/skeleton';
import { useAudit } from '@/features/activity/api/get-audit';
import { ActivityTable } from '@/features/activity/components/activity-table';
import { useInstances } from '@/features/instances/api/get-instances';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useNow } from '@/hooks/use-now';

export function ActivityRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('activity.title'));
  const now = useNow();
  const [search, setSearch] = useSearchParams();
  const actor = search.get('actor')?.trim() ?? '';
  const instanceId = search.get('instance') ?? '';
  const filters = {
    ...(actor && { actor }),
    ...(/^\d+$/.test(instanceId) && { instanceId }),
  };
  const audit = useAudit(filters);
  const instances = useInstances();
  const byId = useMemo(
    () => new Map((instances.data ?? []).map((instance) => [instance.id, instance])),
    [instances.data],
  );
  // Pages are newest first; a change is shown once, with its last word.
  const entries = lastWordOnce(audit.data?.pages.flatMap((page) => page.entries) ?? []);
  const actors = [...new Set(entries.map((e) => e.actor))].sort();
  const filtered = actor !== '' || instanceId !== '';

  const setFilter = (name: 'actor' | 'instance', value: string) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (value.trim() === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('activity.title')}</h1>
        <p className="muted">{t('activity.lead')}</p>
      </div>
      <section className="panel activity-panel" aria-label={t('activity.title')}>
        <div className="filters">
          <label className="field">
            <span className="label">{t('activity.filterOperator')}</span>
            <input
              className="input"
              type="search"
              list="activity-actors"
              placeholder={t('activity.filterOperatorPlaceholder')}
              defaultValue={actor}
              onChange={(event) => setFilter('actor', event.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
            <datalist id="activity-actors">
              {actors.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </label>
          <label className="field">
            <span className="label">{t('activity.filterInstance')}</span>
            <select
              className="input"
              value={instanceId}
              onChange={(event) => setFilter('instance', event.target.value)}
            >
              <option value="">{t('activity.anyInstance')}</option>
              {(instances.data ?? []).map((instance) => (
                <option key={instance.id} value={instance.id}>
                  {instance.name} ({instance.id})
                </option>
              ))}
            </select>
          </label>
          {filtered ? (
            <button
              type="button"
              className="btn btn-ghost btn-small filters-clear"
              onClick={() => setSearch(new URLSearchParams(), { replace: true })}
            >
              {t('activity.clearFilters')}
            </button>
          ) : null}
        </div>

        {audit.isPending ? (
          <LoadingBlock label={t('app.loading')}>
            <Skeleton height="2.2rem" />
            <Skeleton height="2.2rem" />
            <Skeleton height="2.2rem" />
          </LoadingBlock>
        ) : null}
        {audit.isError ? (
          <ErrorAlert
            error={audit.error}
            title={t('activity.loadFailed')}
            onRetry={() => void audit.refetch()}
            retrying={audit.isFetching}
          />
        ) : null}
        {audit.isSuccess && entries.length === 0 ? (
          <p className="empty-state muted">
            {filtered ? t('activity.emptyFiltered') : t('activity.empty')}
          </p>
        ) : null}
        {entries.length > 0 ? (
          <div className="table-scroll">
            <ActivityTable entries={entries} instances={byId} now={now} />
          </div>
        ) : null}
        {audit.hasNextPage ? (
          <button
            type="button"
            className="btn btn-secondary load-more"
            aria-busy={audit.isFetchingNextPage}
            disabled={audit.isFetchingNextPage}
            onClick={() => void audit.fetchNextPage()}
          >
            {audit.isFetchingNextPage ? <span className="spinner" aria-hidden="true" /> : null}
            {audit.isFetchingNextPage ? t('activity.loadingMore') : t('activity.loadMore')}
          </button>
        ) : entries.length > 0 ? (
          <p className="muted activity-end">{t('activity.end')}</p>
        ) : null}
      </section>
    </div>
  );
}

export default ActivityRoute;
