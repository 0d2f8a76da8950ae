// /instances/:instanceId/schedules/new: the form to create a schedule.
import { useTranslation } from 'react-i18next';
import { useNavigate, useOutletContext } from 'react-router';
import { useNotify } from '@/components/ui/notifications';
import { paths } from '@/config/paths';
import { useCreateSchedule } from '@/features/schedules/api/create-schedule';
import { ScheduleForm } from '@/features/schedules/components/schedule-form';
import type { InstanceOutletContext } from './instance';

export function NewScheduleRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const { instance } = useOutletContext<InstanceOutletContext>();
  const create = useCreateSchedule(instance.id);
  return (
    <ScheduleForm
      mode="create"
      title={t('form.createTitle')}
      defaultValues={{ name: '', days: [], time: '03:00' }}
      onCancel={() => void navigate(paths.instance(instance.id))}
      onSubmit={async (values) => {
        await create.mutateAsync(values);
        notify({ tone: 'success', text: t('schedules.created', { name: values.name }) });
      }}
      onSaved={() => void navigate(paths.instance(instance.id))}
      warnBeforeLeaving
    />
  );
}
