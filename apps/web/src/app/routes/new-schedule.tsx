// /instances/:instanceId/schedules/new: the form to create a schedule.
import { blocksScheduleChanges } from '@zomro-dash/shared/plain';
import { useTranslation } from '@/lib/i18n';
import { Link, useNavigate } from '@/lib/router';
import { useNotify } from '@/components/ui/notifications';
import { paths } from '@/config/paths';
import { useCreateSchedule } from '@/features/schedules/api/create-schedule';
import { useSchedules } from '@/features/schedules/api/get-schedules';
import { BlockedNotice } from '@/features/schedules/components/blocked-notice';
import { ScheduleForm } from '@/features/schedules/components/schedule-form';
import type { RouteInstance } from './instance';

export function NewScheduleRoute({ instance }: { instance: RouteInstance }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const create = useCreateSchedule(instance.id);
  // Zomro saves a schedule of a stopped or suspended instance: say what that means.
  const state = instance.status?.toLowerCase();
  const existing = useSchedules(instance.id).data ?? [];

  // Zomro takes no schedule changes in this state: say why instead of a form that cannot save.
  if (instance.status !== undefined && blocksScheduleChanges(instance.status)) {
    return (
      <section className="panel form-panel">
        <BlockedNotice status={instance.status} id="schedule-form-blocked" />
        <Link to={paths.instance(instance.id)}>{t('blocked.backToSchedules')}</Link>
      </section>
    );
  }
  return (
    <ScheduleForm
      mode="create"
      title={t('form.createTitle')}
      note={
        state === 'stopped' || state === 'suspended' ? (
          <p className="alert alert-info">{t(`form.instanceState.${state}`)}</p>
        ) : undefined
      }
      defaultValues={{ name: '', days: [], time: '03:00' }}
      onCancel={() => void navigate(paths.instance(instance.id))}
      onSubmit={async (values) => {
        const schedule = await create.mutateAsync(values);
        // 202: Zomro accepted it but has not listed it yet; the list refreshes and brings it.
        const text = schedule
          ? t('schedules.created', { name: values.name })
          : t('schedules.createdPending', { name: values.name });
        notify({ tone: 'success', text });
      }}
      onSaved={() => void navigate(paths.instance(instance.id))}
      warnBeforeLeaving
      others={existing.filter((s) => !s.pending)}
    />
  );
}

export default NewScheduleRoute;
