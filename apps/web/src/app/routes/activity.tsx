// /activity: the audit trail of the Zomro account — changes by default, or sign-ins, everything or
// one action — filtered by operator and instance (all kept in the address), a page of rows at a
// time, and exported as CSV or JSON as the filter shows it.
import { lastWordOnce } from '@zomro-dash/shared/plain';
import { useMemo, useState } from 'react';
import { useTranslation } from '@/lib/i18n';
import { useSearchParams } from '@/lib/router';
import { ErrorAlert } from '@/components/ui/error-alert';
import { LoadingBlock, Skeleton } from '@/components/ui/skeleton';
import { getAllAudit, useAudit, type AuditFilters } from '@/features/activity/api/get-audit';
import { ActivityTable } from '@/features/activity/components/activity-table';
import { DEFAULT_VIEW, parseView, viewActions } from '@/features/activity/lib/views';
import { AUDIT_ACTIONS } from '@zomro-dash/shared/plain';
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
  const view = parseView(search.get('show'));
  const actions = viewActions(view);
  const filters: AuditFilters = {
    ...(actor && { actor }),
    ...(/^\d+$/.test(instanceId) && { instanceId }),
    ...(actions && { actions }),
  };
  const filterKey = JSON.stringify(filters);
  const audit = useAudit(filters);
  // The page of rows shown, from the newest; back to the first whenever the filter changes.
  const [shown, setShown] = useState({ key: filterKey, page: 0 });
  const page = shown.key === filterKey ? shown.page : 0;
  const [exporting, setExporting] = useState<'csv' | 'json' | null>(null);
  const [exportFailed, setExportFailed] = useState<{
    format: 'csv' | 'json';
    error: unknown;
  } | null>(null);
  const instances = useInstances();
  const byId = useMemo(
    () => new Map((instances.data ?? []).map((instance) => [instance.id, instance])),
    [instances.data],
  );
  const pages = audit.data?.pages ?? [];
  // Pages are newest first; a change is shown once, with its last word (on the newest page it is on).
  const shownBefore = new Set(pages.slice(0, page).flatMap((p) => p.entries.map((e) => e.id)));
  const entries = lastWordOnce(pages[page]?.entries ?? []).filter((e) => !shownBefore.has(e.id));
  const actors = [...new Set(pages.flatMap((p) => p.entries).map((e) => e.actor))].sort();
  const filtered = actor !== '' || instanceId !== '' || view !== DEFAULT_VIEW;
  const hasOlder = page + 1 < pages.length || audit.hasNextPage;

  const older = async () => {
    if (page + 1 >= pages.length) {
      const next = await audit.fetchNextPage();
      if (next.isError || (next.data?.pages.length ?? 0) <= page + 1) return;
    }
    setShown({ key: filterKey, page: page + 1 });
  };

  const exportAs = async (format: 'csv' | 'json') => {
    setExporting(format);
    setExportFailed(null);
    try {
      const [every, { activityCsv, activityJson }, { download }] = await Promise.all([
        getAllAudit(filters),
        import('@/features/activity/lib/export'),
        import('@/lib/download'),
      ]);
      const all = lastWordOnce(every);
      const stamp = new Date().toISOString().slice(0, 10);
      if (format === 'csv') {
        download(activityCsv(all, byId), `activity-${stamp}.csv`, 'text/csv;charset=utf-8');
      } else {
        download(activityJson(all), `activity-${stamp}.json`, 'application/json');
      }
    } catch (error) {
      setExportFailed({ format, error });
    } finally {
      setExporting(null);
    }
  };

  const setFilter = (name: 'actor' | 'instance' | 'show', value: string) =>
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
            <span className="label">{t('activity.show')}</span>
            <select
              className="input"
              value={view}
              onChange={(event) => setFilter('show', event.target.value)}
            >
              <option value="changes">{t('activity.view.changes')}</option>
              <option value="sessions">{t('activity.view.sessions')}</option>
              <option value="all">{t('activity.view.all')}</option>
              <optgroup label={t('activity.view.oneAction')}>
                {AUDIT_ACTIONS.map((action) => (
                  <option key={action} value={action}>
                    {t(`activity.action.${action}`)}
                  </option>
                ))}
              </optgroup>
            </select>
          </label>
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
        {entries.length > 0 ? (
          <nav className="pager" aria-label={t('activity.pages')}>
            <button
              type="button"
              className="btn btn-secondary btn-small"
              disabled={page === 0}
              onClick={() => setShown({ key: filterKey, page: page - 1 })}
            >
              {t('activity.newer')}
            </button>
            <span className="muted" aria-live="polite">
              {t('activity.pageOf', { page: page + 1 })}
            </span>
            <button
              type="button"
              className="btn btn-secondary btn-small"
              aria-busy={audit.isFetchingNextPage}
              disabled={!hasOlder || audit.isFetchingNextPage}
              onClick={() => void older()}
            >
              {audit.isFetchingNextPage ? <span className="spinner" aria-hidden="true" /> : null}
              {audit.isFetchingNextPage ? t('activity.loadingMore') : t('activity.older')}
            </button>
            {!hasOlder ? <span className="muted activity-end">{t('activity.end')}</span> : null}
          </nav>
        ) : null}
        {audit.isSuccess ? (
          <div className="activity-export">
            <button
              type="button"
              className="btn btn-ghost btn-small"
              aria-busy={exporting === 'csv'}
              disabled={exporting !== null}
              onClick={() => void exportAs('csv')}
            >
              {t('activity.exportCsv')}
            </button>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              aria-busy={exporting === 'json'}
              disabled={exporting !== null}
              onClick={() => void exportAs('json')}
            >
              {t('activity.exportJson')}
            </button>
            <span className="muted">{t('activity.exportNote')}</span>
          </div>
        ) : null}
        {exportFailed ? (
          <ErrorAlert
            error={exportFailed.error}
            title={t('activity.exportFailed')}
            onRetry={() => void exportAs(exportFailed.format)}
            retrying={exporting !== null}
          />
        ) : null}
      </section>
    </div>
  );
}

export default ActivityRoute;
