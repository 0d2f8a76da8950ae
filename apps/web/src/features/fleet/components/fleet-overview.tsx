// The overview: every server with its schedules in one line, next run and a "No backups" flag,
// counts at the top, a filter (text, only servers without a schedule), the 7 × 24 grid, failed
// reads with Retry, selection for apply-to-many, and the exports.
import type { FleetInstance, Instance, ScheduleInput } from '@zomro-dash/shared';
import { blocksScheduleChanges } from '@zomro-dash/shared/plain';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { RouteLoading } from '@/components/ui/route-loading';
import { useTranslation } from '@/lib/i18n';
import { lazyWithTexts } from '@/lib/lazy';
import { Link, useSearchParams } from '@/lib/router';
import { ErrorAlert, errorMessage } from '@/components/ui/error-alert';
import { paths } from '@/config/paths';
import { InstanceStatus } from '@/features/instances/components/instance-status';
import { formatRelative, formatLocalDateTime } from '@/features/schedules/lib/schedule-time';
import { summarizeDays } from '@/features/schedules/lib/weekdays';
import { useNow } from '@/hooks/use-now';
import { ApiError } from '@/lib/api-client';
import { retryInstance, useFleet } from '../api/get-fleet';
import { fleetNextRun, schedulesLine } from '../lib/fleet';
import type { ScheduleFormSlot } from './apply-to-many';
import { GridDisclosure } from './grid-disclosure';
import '../fleet.css';

// Apply to many (and the schedule form in it) loads when first opened.
const ApplyToMany = lazyWithTexts(() =>
  import('./apply-to-many').then((m) => ({ default: m.ApplyToMany })),
);

export interface CopiedSchedule extends ScheduleInput {
  /**
   * The schedule's name and its instance, for the note above the form. The instance is named here,
   * from the fleet, since its row may have been copied before its name was known there.
   */
  from: { schedule: string; instanceId: string };
}

/** `statusWord`: the state in the UI's language, so that the Russian filter finds "работает". */
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

const unprotected = (entry: FleetInstance) => !entry.error && entry.schedules.length === 0;

export function FleetOverview({
  known,
  canChange,
  copied,
  renderForm,
  onInstanceIntent,
}: {
  /** The instance list, when already read: shown while the schedules are still coming. */
  known?: readonly Instance[];
  canChange: boolean;
  copied?: CopiedSchedule;
  renderForm: (slot: ScheduleFormSlot) => ReactNode;
  /** The pointer or the keyboard is on an instance's link: a click may follow (prefetch then). */
  onInstanceIntent?: (instanceId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const filterId = useId();
  const now = useNow();
  const fleet = useFleet();
  const queryClient = useQueryClient();
  // The filter lives in the address (`?q=`): Back and reload keep it.
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = searchParams.get('q') ?? '';
  const setFilter = (value: string) =>
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        if (value) next.set('q', value);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  const [onlyUnprotected, setOnlyUnprotected] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [apply, setApply] = useState<{
    initial: ScheduleInput;
    from?: CopiedSchedule['from'];
  } | null>(copied ? { initial: copied, from: copied.from } : null);
  const [retrying, setRetrying] = useState<ReadonlySet<string>>(new Set());
  const [retryErrors, setRetryErrors] = useState<ReadonlyMap<string, unknown>>(new Map());

  const entries = fleet.data;
  const names = useMemo(
    () => new Map((entries ?? []).map((e) => [e.instance.id, e.instance.name])),
    [entries],
  );

  if (fleet.isError) {
    return (
      <ErrorAlert
        error={fleet.error}
        title={t('fleet.loadFailed')}
        onRetry={() => void fleet.refetch()}
        retrying={fleet.isFetching}
      />
    );
  }

  if (!entries) {
    // Progressive: the servers are known before their schedules arrive.
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
                <Link
                  className="instance-card"
                  to={paths.instance(instance.id)}
                  onMouseEnter={() => onInstanceIntent?.(instance.id)}
                  onFocus={() => onInstanceIntent?.(instance.id)}
                >
                  <span className="instance-name">{instance.name}</span>
                  <InstanceStatus status={instance.status} />
                </Link>
                <span className="fleet-schedules muted">{t('fleet.reading')}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }

  if (entries.length === 0) {
    return (
      <div className="empty-state">
        <p className="empty-title">{t('fleet.empty')}</p>
      </div>
    );
  }

  const withoutBackups = entries.filter(unprotected);
  const failedCount = entries.filter((e) => e.error).length;
  const shown = entries.filter(
    (e) =>
      matches(
        e.instance,
        filter,
        t(`instances.status.${e.instance.status.toLowerCase()}`, {
          defaultValue: e.instance.status,
        }),
      ) &&
      (!onlyUnprotected || unprotected(e)),
  );
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const retry = async (id: string) => {
    setRetrying((current) => new Set(current).add(id));
    try {
      await retryInstance(queryClient, id);
      setRetryErrors((current) => {
        const next = new Map(current);
        next.delete(id);
        return next;
      });
    } catch (error) {
      setRetryErrors((current) => new Map(current).set(id, error));
    } finally {
      setRetrying((current) => {
        const next = new Set(current);
        next.delete(id);
        return next;
      });
    }
  };
  const stamp = now.toISOString().slice(0, 10);

  return (
    <div className="fleet">
      <p className="fleet-counts" aria-live="polite">
        <strong>{t('fleet.counts', { count: entries.length })}</strong>
        <span aria-hidden="true"> · </span>
        <span className={withoutBackups.length > 0 ? 'text-danger' : undefined}>
          {t('fleet.withoutBackups', { count: withoutBackups.length })}
        </span>
        {failedCount > 0 ? (
          <>
            <span aria-hidden="true"> · </span>
            <span>{t('fleet.failedCount', { count: failedCount })}</span>
          </>
        ) : null}
      </p>

      <GridDisclosure entries={entries} now={now} />

      {apply && canChange ? (
        <RouteLoading>
          <ApplyToMany
            key={JSON.stringify(apply)}
            targets={[...selected]}
            names={names}
            initial={apply.initial}
            {...(apply.from && {
              copiedFrom: `${apply.from.schedule} · ${
                names.get(apply.from.instanceId) ||
                known?.find((i) => i.id === apply.from?.instanceId)?.name ||
                apply.from.instanceId
              }`,
            })}
            renderForm={renderForm}
            onClose={() => setApply(null)}
          />
        </RouteLoading>
      ) : null}

      <div className="toolbar fleet-toolbar">
        <div className="search">
          <label htmlFor={filterId} className="visually-hidden">
            {t('instances.filterLabel')}
          </label>
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
        <label className="check">
          <input
            type="checkbox"
            checked={onlyUnprotected}
            onChange={(event) => setOnlyUnprotected(event.target.checked)}
          />
          {t('fleet.onlyUnprotected')}
        </label>
        <p className="muted" aria-live="polite">
          {t('instances.shown', { shown: shown.length, total: entries.length })}
        </p>
      </div>

      <div className="fleet-actions">
        {canChange ? (
          <>
            <button
              type="button"
              className="btn btn-secondary btn-small"
              onClick={() =>
                setSelected(
                  new Set(
                    withoutBackups
                      .filter((e) => !blocksScheduleChanges(e.instance.status))
                      .map((e) => e.instance.id),
                  ),
                )
              }
            >
              {t('fleet.selectUnprotected')}
            </button>
            {selected.size > 0 ? (
              <button
                type="button"
                className="btn btn-ghost btn-small"
                onClick={() => setSelected(new Set())}
              >
                {t('fleet.clearSelection')}
              </button>
            ) : null}
            <button
              type="button"
              className="btn btn-primary btn-small"
              disabled={selected.size === 0}
              onClick={() =>
                setApply((current) => current ?? { initial: { name: '', days: [], time: '03:00' } })
              }
            >
              {t('fleet.applyToSelected', { count: selected.size })}
            </button>
          </>
        ) : null}
        <span className="fleet-export">
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() =>
              void import('../lib/export').then(({ download, fleetCsv }) =>
                download(fleetCsv(entries, now), `fleet-schedules-${stamp}.csv`, 'text/csv'),
              )
            }
          >
            {t('fleet.exportCsv')}
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() =>
              void import('../lib/export').then(({ download, fleetJson }) =>
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
      </div>

      {shown.length === 0 ? (
        <div className="empty-state">
          <p className="empty-title">
            {onlyUnprotected && filter.trim() === ''
              ? t('fleet.noneUnprotected')
              : t('instances.noMatch', { filter: filter.trim() })}
          </p>
          {filter !== '' ? (
            <button type="button" className="btn btn-secondary" onClick={() => setFilter('')}>
              {t('instances.clearFilter')}
            </button>
          ) : null}
        </div>
      ) : (
        <ul className="fleet-list">
          {shown.map(({ instance, schedules, error }) => {
            const next = fleetNextRun(schedules, now);
            const retryError = retryErrors.get(instance.id);
            return (
              <li key={instance.id} className="fleet-row">
                {canChange ? (
                  <input
                    type="checkbox"
                    className="fleet-check"
                    aria-label={t('fleet.select', { name: instance.name })}
                    checked={selected.has(instance.id)}
                    onChange={(event) => toggle(instance.id, event.target.checked)}
                  />
                ) : null}
                <Link
                  className="instance-card"
                  to={paths.instance(instance.id)}
                  onMouseEnter={() => onInstanceIntent?.(instance.id)}
                  onFocus={() => onInstanceIntent?.(instance.id)}
                >
                  <span className="instance-name">{instance.name}</span>
                  <InstanceStatus status={instance.status} />
                  <span className="instance-meta">
                    <span className="mono">{instance.ip || t('instances.noIp')}</span>
                    <span aria-hidden="true"> · </span>
                    <span>{instance.tariff}</span>
                    <span aria-hidden="true"> · </span>
                    <span>{t('instances.id', { id: instance.id })}</span>
                  </span>
                </Link>
                <div className="fleet-schedules">
                  {error ? (
                    <span className="fleet-failed">
                      <span className="alert-text">
                        {t('fleet.readFailed', {
                          message: errorMessage(
                            retryError ?? new ApiError({ statusCode: 200, ...error }),
                            t,
                          ),
                        })}
                      </span>
                      <button
                        type="button"
                        className="btn btn-secondary btn-small"
                        aria-label={t('fleet.retryInstance', { name: instance.name })}
                        aria-busy={retrying.has(instance.id)}
                        disabled={retrying.has(instance.id)}
                        onClick={() => void retry(instance.id)}
                      >
                        {t('app.retry')}
                      </button>
                    </span>
                  ) : schedules.length === 0 ? (
                    <span className="badge badge-danger" title={t('fleet.noBackupsTitle')}>
                      {t('fleet.noBackups')}
                    </span>
                  ) : (
                    <>
                      <span className="fleet-line">
                        {schedulesLine(schedules, (days) => summarizeDays(days, language))}
                      </span>
                      {next ? (
                        <span className="muted fleet-next">
                          {t('fleet.nextRun', { when: formatRelative(next, now, language) })}{' '}
                          <time dateTime={next.toISOString()}>
                            ({formatLocalDateTime(next, language)})
                          </time>
                        </span>
                      ) : null}
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
