// The schedules section of an instance page: loading, error with Retry, the empty state with a
// create button, the table, deletion through the confirmation dialog, how many backups Zomro
// keeps, and why nothing can be changed while the instance is in a blocking state.
import { blocksScheduleChanges } from '@zomro-dash/shared/plain';
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n';
import { ErrorAlert, errorMessage } from '@/components/ui/error-alert';
import { LoadingBlock } from '@/components/ui/skeleton';
import { useNotify } from '@/components/ui/notifications';
import { useNow } from '@/hooks/use-now';
import { useDeleteSchedule } from '../api/delete-schedule';
import { useRetention, useSchedules, type ScheduleRow } from '../api/get-schedules';
import { ApiError } from '@/lib/api-client';
import { isDropped } from '@/lib/session-expiry';
import { BLOCKED_NOTICE_ID } from './blocked-notice-id';
import { useOnceTrue } from '@/hooks/use-once-true';
import { lazyWithTexts } from '@/lib/lazy';
import type { Conflict } from './conflict-dialog';
import { RetentionCard } from './retention-card';
import { ScheduleTable, ScheduleTableSkeleton } from './schedule-table';

// The dialogs load when first opened, the blocked notice when an instance is blocked
// (docs/decisions/017-first-screen.md).
const BlockedNotice = lazyWithTexts(() =>
  import('./blocked-notice').then((m) => ({ default: m.BlockedNotice })),
);
const ConflictDialog = lazyWithTexts(() =>
  import('./conflict-dialog').then((m) => ({ default: m.ConflictDialog })),
);
const DeleteScheduleDialog = lazyWithTexts(() =>
  import('./delete-schedule-dialog').then((m) => ({ default: m.DeleteScheduleDialog })),
);

export const SCHEDULES_HEADING_ID = 'schedules-title';

interface SchedulesPanelProps {
  /** `status` is Zomro's instance_status, when the instance list has been read. */
  instance: { id: string; name: string; status?: string };
  /** Editors see New, Edit, Delete and the retention control; viewers only look. */
  canChange?: boolean;
  onCreate: () => void;
  onEdit: (schedule: ScheduleRow) => void;
  timeZone?: string;
  /** More buttons on each row (copy to other servers, copy as curl). */
  rowActions?: (schedule: ScheduleRow) => ReactNode;
}

export function SchedulesPanel({
  instance,
  onCreate,
  onEdit,
  timeZone,
  canChange = true,
  rowActions,
}: SchedulesPanelProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const now = useNow();
  const schedules = useSchedules(instance.id);
  const retention = useRetention(instance.id);
  const blocked = instance.status !== undefined && blocksScheduleChanges(instance.status);
  const blockedBy = blocked ? BLOCKED_NOTICE_ID : undefined;
  const [toDelete, setToDelete] = useState<ScheduleRow | null>(null);
  const deleteShown = useOnceTrue(toDelete !== null);
  const [deleteConflict, setDeleteConflict] = useState<Conflict | null>(null);
  const conflictShown = useOnceTrue(deleteConflict !== null);
  const remove = useDeleteSchedule(instance.id, {
    onDeleted: (schedule, outcome) =>
      notify({
        tone: 'success',
        text: t(outcome === 'deleted' ? 'schedules.deleted' : 'schedules.alreadyDeleted', {
          name: schedule.name,
        }),
      }),
    onFailed: (error, schedule) => {
      // A session dropped by a user change: nothing of the last user's is shown.
      if (isDropped(error)) return;
      // Someone changed it since this list was loaded: show them what it is now, ask again.
      if (error instanceof ApiError && error.code === 'PRECONDITION_FAILED' && error.current) {
        setDeleteConflict({ kind: 'delete', theirs: error.current });
        return;
      }
      notify({
        tone: 'error',
        text: t('schedules.deleteFailed', { name: schedule.name }),
        detail: errorMessage(error, t, { change: true }),
      });
    },
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusHeadingOnClose = useRef(false);

  // The closing dialog hands the focus back to the row's Delete button, which the optimistic
  // delete is about to remove: the keyboard continues from the section's heading instead.
  // (This runs after the dialog's own effect, which closes it.)
  useEffect(() => {
    if (toDelete === null && focusHeadingOnClose.current) {
      focusHeadingOnClose.current = false;
      headingRef.current?.focus();
    }
  }, [toDelete]);

  const deleteNow = (schedule: ScheduleRow) => remove.mutate(schedule);

  const confirmDelete = () => {
    const schedule = toDelete;
    focusHeadingOnClose.current = true;
    setToDelete(null);
    if (schedule) deleteNow(schedule);
  };

  const rows = schedules.data;
  const isEmpty = rows !== undefined && rows.length === 0;

  return (
    <section className="panel schedules-panel" aria-labelledby={SCHEDULES_HEADING_ID}>
      <div className="panel-head">
        <h2 id={SCHEDULES_HEADING_ID} ref={headingRef} tabIndex={-1}>
          {t('schedules.title')}
          {rows && rows.length > 0 ? <span className="count">{rows.length}</span> : null}
        </h2>
        {!canChange ? (
          <span className="badge badge-muted view-only-note" title={t('team.viewOnlyTitle')}>
            {t('team.viewOnly')}
          </span>
        ) : null}
        {!isEmpty && rows && canChange ? (
          <button
            type="button"
            className="btn btn-primary"
            disabled={blocked}
            aria-describedby={blockedBy}
            onClick={onCreate}
          >
            <PlusIcon />
            {t('schedules.new')}
          </button>
        ) : null}
      </div>

      {blocked && instance.status ? (
        <Suspense fallback={<div id={BLOCKED_NOTICE_ID} role="note" />}>
          <BlockedNotice status={instance.status} />
        </Suspense>
      ) : null}

      {rows && retention.data !== undefined ? (
        <RetentionCard
          instanceId={instance.id}
          retention={retention.data}
          schedules={rows}
          canChange={canChange}
        />
      ) : null}

      {schedules.isPending ? (
        <LoadingBlock label={t('app.loading')}>
          <ScheduleTableSkeleton />
        </LoadingBlock>
      ) : null}

      {schedules.isError ? (
        <ErrorAlert
          error={schedules.error}
          title={t('schedules.loadFailed')}
          onRetry={() => void schedules.refetch()}
          retrying={schedules.isFetching}
        />
      ) : null}

      {isEmpty ? (
        <div className="empty-state">
          <svg aria-hidden="true" viewBox="0 0 48 48" width="48" height="48" className="empty-icon">
            <rect
              x="6"
              y="9"
              width="36"
              height="33"
              rx="5"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.5"
            />
            <path
              d="M6 18h36M16 5v8M32 5v8"
              stroke="currentColor"
              strokeWidth="2.5"
              strokeLinecap="round"
            />
            <path
              d="M24 24v10M19 29h10"
              stroke="currentColor"
              strokeWidth="2.5"
              strokeLinecap="round"
            />
          </svg>
          <p className="empty-title">{t('schedules.empty', { instance: instance.name })}</p>
          <p className="muted">{canChange ? t('schedules.emptyText') : t('team.viewerEmpty')}</p>
          {canChange ? (
            <button
              type="button"
              className="btn btn-primary"
              disabled={blocked}
              aria-describedby={blockedBy}
              onClick={onCreate}
            >
              <PlusIcon />
              {t('schedules.new')}
            </button>
          ) : null}
        </div>
      ) : null}

      {rows && rows.length > 0 ? (
        <div className="table-scroll">
          <ScheduleTable
            instanceName={instance.name}
            schedules={rows}
            now={now}
            timeZone={timeZone}
            onEdit={onEdit}
            onDelete={setToDelete}
            canChange={canChange}
            actionsDisabledBy={blockedBy}
            {...(rowActions && { rowActions })}
          />
        </div>
      ) : null}

      {conflictShown ? (
        <Suspense fallback={null}>
          <ConflictDialog
            conflict={deleteConflict}
            onClose={() => setDeleteConflict(null)}
            onKeepTheirs={() => setDeleteConflict(null)}
            onOverride={() => {
              const theirs = deleteConflict?.theirs;
              setDeleteConflict(null);
              if (theirs) deleteNow(theirs);
            }}
          />
        </Suspense>
      ) : null}

      {deleteShown ? (
        <Suspense fallback={null}>
          <DeleteScheduleDialog
            scheduleName={toDelete?.name ?? null}
            instanceName={instance.name}
            onConfirm={confirmDelete}
            onClose={() => setToDelete(null)}
          />
        </Suspense>
      ) : null}
    </section>
  );
}

function PlusIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
      <path d="M8 2v12M2 8h12" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  );
}
