// A schedule row's copy actions: to other servers (the overview's apply-to-many, pre-filled) and
// as the curl command that would create it on Zomro directly.
import { i18n, loadMoreTexts, useTranslation } from '@/lib/i18n';
import { useNavigate } from '@/lib/router';
import { useNotify } from '@/components/ui/notifications';
import { RowAction } from '@/components/ui/row-action';
import { paths } from '@/config/paths';
import type { ScheduleRow } from '../api/get-schedules';
import { scheduleCurl } from '../lib/curl';

export function ScheduleRowActions({
  instance,
  schedule,
  canChange,
}: {
  instance: { id: string; name: string };
  schedule: ScheduleRow;
  canChange: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const values = { name: schedule.name, days: schedule.days, time: schedule.time };
  return (
    <>
      {canChange ? (
        <RowAction
          icon="copyToOthers"
          label={t('copy.toOthersLabel', { name: schedule.name })}
          disabled={schedule.pending}
          onClick={() =>
            void navigate(paths.instances(), {
              state: {
                copy: { ...values, from: { schedule: schedule.name, instanceId: instance.id } },
              },
            })
          }
        />
      ) : null}
      <RowAction
        icon="curl"
        label={t('copy.curlLabel', { name: schedule.name })}
        disabled={schedule.pending}
        onClick={() => {
          // The notices' texts load on demand (they are not needed to show the page).
          const copied = navigator.clipboard.writeText(scheduleCurl(instance.id, values));
          void Promise.allSettled([copied, loadMoreTexts()]).then(([outcome]) =>
            notify(
              outcome.status === 'fulfilled'
                ? { tone: 'success', text: i18n.t('copy.curlCopied', { name: schedule.name }) }
                : { tone: 'error', text: i18n.t('copy.curlFailed') },
            ),
          );
        }}
      />
    </>
  );
}
