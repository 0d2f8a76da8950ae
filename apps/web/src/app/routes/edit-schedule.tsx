// /instances/:instanceId/schedules/:scheduleId/edit: the form to change a schedule.
import { blocksScheduleChanges } from '@zomro-dash/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useOutletContext, useParams } from 'react-router';
import { ErrorAlert } from '@/components/ui/error-alert';
import { useNotify } from '@/components/ui/notifications';
import { LoadingBlock, Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useSchedules } from '@/features/schedules/api/get-schedules';
import { useUpdateSchedule } from '@/features/schedules/api/update-schedule';
import { BlockedNotice } from '@/features/schedules/components/blocked-notice';
import { ScheduleForm } from '@/features/schedules/components/schedule-form';
import type { InstanceOutletContext } from './instance';

export function EditScheduleRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const { scheduleId = '' } = useParams();
  const { instance } = useOutletContext<InstanceOutletContext>();
  const schedules = useSchedules(instance.id);
  const update = useUpdateSchedule(instance.id, scheduleId);
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
  return (
    <ScheduleForm
      // A fresh form per schedule: the fields start from that schedule's values.
      key={schedule.id}
      mode="edit"
      title={t('form.editTitle', { name: schedule.name })}
      defaultValues={{ name: schedule.name, days: schedule.days, time: schedule.time }}
      onCancel={() => void navigate(paths.instance(instance.id))}
      onSubmit={async (values) => {
        await update.mutateAsync(values);
        notify({ tone: 'success', text: t('schedules.updated', { name: values.name }) });
      }}
      onSaved={() => void navigate(paths.instance(instance.id))}
      warnBeforeLeaving
    />
  );
}
