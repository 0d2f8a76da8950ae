// /instances: the overview, the first page after sign-in — every server with its schedules, the
// grid and apply-to-many (the fleet feature, loaded on demand), with the one schedule form.
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useCanChange } from '@/features/auth/lib/role';
import { FleetOverview, type CopiedSchedule } from '@/features/fleet/components/fleet-overview';
import { useInstances } from '@/features/instances/api/get-instances';
import { ScheduleForm } from '@/features/schedules/components/schedule-form';
import { useDocumentTitle } from '@/hooks/use-document-title';

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
      />
    </div>
  );
}

export default OverviewRoute;
