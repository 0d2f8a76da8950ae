// /instances: the overview, the first page after sign-in — every server with its schedules, the
// grid and apply-to-many (the fleet feature, loaded on demand), with the one schedule form.
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '@/lib/i18n';
import { useLocation } from '@/lib/router';
import { useCanChange } from '@/features/auth/lib/role';
import { FleetOverview, type CopiedSchedule } from '@/features/fleet/components/fleet-overview';
import { useInstances } from '@/features/instances/api/get-instances';
import { getSchedulesQueryOptions } from '@/features/schedules/api/get-schedules';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { lazyWithTexts } from '@/lib/lazy';

// The form (react-hook-form, zod) loads when apply-to-many first opens, not with the overview.
const ScheduleForm = lazyWithTexts(() =>
  import('@/features/schedules/components/schedule-form').then((m) => ({
    default: m.ScheduleForm,
  })),
);

/** What "Copy to other servers" on a schedule row hands to this page. */
export interface OverviewLocationState {
  copy?: CopiedSchedule;
}

export function OverviewRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('fleet.title'));
  const instances = useInstances();
  const canChange = useCanChange();
  const state = useLocation().state as OverviewLocationState | null;
  const queryClient = useQueryClient();
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('fleet.title')}</h1>
        <p className="muted">{t('fleet.lead')}</p>
      </div>
      <FleetOverview
        known={instances.data}
        canChange={canChange}
        {...(state?.copy && { copied: state.copy })}
        renderForm={(slot) => <ScheduleForm mode="create" {...slot} />}
        // An instance's schedules are asked for when its link is pointed at or focused, so they
        // are there when the click comes (a list read in the last 30 s is not asked for again).
        onInstanceIntent={(id) => void queryClient.prefetchQuery(getSchedulesQueryOptions(id))}
      />
    </div>
  );
}

export default OverviewRoute;
