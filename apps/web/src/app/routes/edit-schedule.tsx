// /instances/:instanceId/schedules/:scheduleId/edit: the form to change a schedule. It saves only
// over the version it was opened on; if someone changed the schedule meanwhile, the operator sees
// both and chooses.
import type { BackupSchedule, ValidScheduleInput } from '@zomro-dash/shared';
import { blocksScheduleChanges } from '@zomro-dash/shared/plain';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from '@/lib/i18n';
import { Link, useNavigate } from '@/lib/router';
import { ErrorAlert } from '@/components/ui/error-alert';
import { useNotify } from '@/components/ui/notifications';
import { LoadingBlock, Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { updateScheduleRows, useSchedules } from '@/features/schedules/api/get-schedules';
import { useUpdateSchedule } from '@/features/schedules/api/update-schedule';
import { ConflictDialog, type Conflict } from '@/features/schedules/components/conflict-dialog';
import { LastChanged } from '@/features/schedules/components/last-changed';
import { BlockedNotice } from '@/features/schedules/components/blocked-notice';
import { ScheduleForm } from '@/features/schedules/components/schedule-form';
import { useNow } from '@/hooks/use-now';
import { ApiError } from '@/lib/api-client';
import type { RouteInstance } from './instance';

export function EditScheduleRoute({
  instance,
  scheduleId,
}: {
  instance: RouteInstance;
  scheduleId: string;
}) {
  const { t } = useTranslation();
  const schedules = useSchedules(instance.id);
  const schedule = schedules.data?.find((s) => s.id === scheduleId);

  // Zomro takes no schedule changes in this state: say why instead of a form that cannot save.
  if (instance.status !== undefined && blocksScheduleChanges(instance.status)) {
    return (
      <section className="panel form-panel">
        <BlockedNotice status={instance.status} id="schedule-form-blocked" />
        <Link to={paths.instance(instance.id)}>{t('blocked.backToSchedules')}</Link>
      </section>
    );
  }

  if (schedules.isPending) {
    return (
      <section className="panel form-panel">
        <LoadingBlock label={t('app.loading')}>
          <Skeleton width="60%" height="1.6rem" />
          <Skeleton height="2.4rem" />
          <Skeleton height="2.4rem" />
        </LoadingBlock>
      </section>
    );
  }
  if (!schedule) {
    return (
      <section className="panel form-panel">
        {schedules.isError ? (
          <ErrorAlert error={schedules.error} onRetry={() => void schedules.refetch()} />
        ) : (
          <p className="alert alert-warn">{t('schedules.notFound')}</p>
        )}
        <Link to={paths.instance(instance.id)}>{t('schedules.backToSchedules')}</Link>
      </section>
    );
  }
  // A fresh form per schedule: the fields and the version start from that schedule.
  return <EditScheduleForm key={schedule.id} instanceId={instance.id} opened={schedule} />;
}

function EditScheduleForm({ instanceId, opened }: { instanceId: string; opened: BackupSchedule }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const now = useNow();
  const queryClient = useQueryClient();
  const update = useUpdateSchedule(instanceId, opened.id);
  const others = (useSchedules(instanceId).data ?? []).filter(
    (s) => s.id !== opened.id && !s.pending,
  );
  // The version the fields started from; a reload of their version moves it on.
  const [base, setBase] = useState(opened);
  const [conflict, setConflict] = useState<Extract<Conflict, { kind: 'edit' }> | null>(null);
  const [generation, setGeneration] = useState(0);
  // The version a save sends in If-Match: the one opened, or theirs after "save mine over it".
  const version = useRef(opened.version);
  const submit = useRef<(() => void) | null>(null);

  const leave = () => void navigate(paths.instance(instanceId));
  const save = async (input: ValidScheduleInput, version: string) => {
    try {
      await update.mutateAsync({ input, version });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'PRECONDITION_FAILED' && error.current) {
        setConflict({ kind: 'edit', theirs: error.current, mine: input });
        return false;
      }
      throw error;
    }
    notify({ tone: 'success', text: t('schedules.updated', { name: input.name }) });
    return true;
  };

  return (
    <>
      <ScheduleForm
        key={generation}
        mode="edit"
        title={t('form.editTitle', { name: base.name })}
        note={<LastChanged change={base.lastChange} now={now} />}
        defaultValues={{ name: base.name, days: base.days, time: base.time }}
        onCancel={leave}
        onSubmit={(values) => save(values, version.current)}
        submitRef={submit}
        onSaved={leave}
        warnBeforeLeaving
        others={others}
      />
      <ConflictDialog
        conflict={conflict}
        onClose={() => setConflict(null)}
        onKeepTheirs={() => {
          if (!conflict) return;
          const { theirs } = conflict;
          // The list shows their version too, without waiting for the next refresh.
          updateScheduleRows(queryClient, instanceId, (rows) =>
            rows.map((row) => (row.id === theirs.id ? theirs : row)),
          );
          setBase(theirs);
          version.current = theirs.version;
          setGeneration((g) => g + 1);
          setConflict(null);
          notify({ tone: 'success', text: t('conflict.reloaded', { name: theirs.name }) });
        }}
        onOverride={() => {
          if (!conflict) return;
          // The fields still hold the operator's values: save them over the version now in Zomro,
          // through the form, so that a failure shows there as any other.
          version.current = conflict.theirs.version;
          setConflict(null);
          submit.current?.();
        }}
      />
    </>
  );
}

export default EditScheduleRoute;
