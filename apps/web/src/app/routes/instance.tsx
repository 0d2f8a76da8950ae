// /instances/:instanceId (and its form routes): the instance, its schedules, and the create or
// edit form beside them.
import { useEffect, useRef } from 'react';
import { useTranslation } from '@/lib/i18n';
import { Link, useNavigate, useParams, useRoute } from '@/lib/router';
import { ErrorAlert } from '@/components/ui/error-alert';
import { paths } from '@/config/paths';
import { useCanChange } from '@/features/auth/lib/role';
import { useInstances } from '@/features/instances/api/get-instances';
import { InstanceHeader } from '@/features/instances/components/instance-header';
import {
  SCHEDULES_HEADING_ID,
  SchedulesPanel,
} from '@/features/schedules/components/schedules-panel';
import { ScheduleRowActions } from '@/features/schedules/components/schedule-row-actions';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { lazyWithTexts } from '@/lib/lazy';
import { RouteLoading } from '@/components/ui/route-loading';

/** The instance the form routes work on; `status` is Zomro's, once the instance list is read. */
export interface RouteInstance {
  id: string;
  name: string;
  status?: string;
}

/** /instances/:instanceId, and its two form addresses below it. */
export const INSTANCE_ROUTE =
  /^\/instances\/(?<instanceId>[^/]+)(?:\/schedules\/(?:new|[^/]+\/edit))?\/?$/;

// The forms load when first opened (docs/decisions/017-first-screen.md).
const NewScheduleRoute = lazyWithTexts(() => import('./new-schedule'));
const EditScheduleRoute = lazyWithTexts(() => import('./edit-schedule'));

export function InstanceRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { instanceId = '' } = useParams();
  const instances = useInstances();
  const canChange = useCanChange();
  const instance = instances.data?.find((i) => i.id === instanceId);
  const [creating] = useRoute('/instances/:instanceId/schedules/new');
  const [editing, editParams] = useRoute('/instances/:instanceId/schedules/:scheduleId/edit');
  const formOpen = creating || editing;
  const named: RouteInstance = {
    id: instanceId,
    name: instance?.name ?? instanceId,
    ...(instance && { status: instance.status }),
  };
  useDocumentTitle(instance?.name);

  // When the form closes (saved or cancelled) the keyboard continues from the schedules' heading
  // instead of the top of the document.
  const wasFormOpen = useRef(formOpen);
  useEffect(() => {
    if (wasFormOpen.current && !formOpen) document.getElementById(SCHEDULES_HEADING_ID)?.focus();
    wasFormOpen.current = formOpen;
  }, [formOpen]);

  return (
    <div className="page">
      <nav aria-label={t('instances.breadcrumb')} className="breadcrumb">
        <Link to={paths.instances()}>
          <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
            <path d="m10 3-5 5 5 5" fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>
          {t('instances.allInstances')}
        </Link>
      </nav>
      {instances.isError ? (
        <ErrorAlert
          error={instances.error}
          title={t('instances.loadFailed')}
          onRetry={() => void instances.refetch()}
        />
      ) : null}
      {instances.data && !instance ? (
        <div className="page-head">
          <h1>{instanceId}</h1>
          <p className="alert alert-warn">{t('instances.notFound', { id: instanceId })}</p>
        </div>
      ) : (
        <InstanceHeader instance={instance} />
      )}
      {/* An unknown instance says so once; its schedules would only repeat it in red. */}
      {instances.data && !instance ? null : (
        <div className={formOpen ? 'instance-layout has-form' : 'instance-layout'}>
          {formOpen ? (
            <div className="instance-layout-form">
              {canChange ? (
                <RouteLoading>
                  {editing ? (
                    <EditScheduleRoute instance={named} scheduleId={editParams?.scheduleId ?? ''} />
                  ) : (
                    <NewScheduleRoute instance={named} />
                  )}
                </RouteLoading>
              ) : (
                <section className="panel form-panel">
                  <p className="alert alert-info">{t('team.viewOnlyTitle')}</p>
                  <Link to={paths.instance(instanceId)}>{t('schedules.backToSchedules')}</Link>
                </section>
              )}
            </div>
          ) : null}
          <div className="instance-layout-list">
            <SchedulesPanel
              instance={named}
              canChange={canChange}
              onCreate={() => void navigate(paths.newSchedule(instanceId))}
              onEdit={(schedule) => void navigate(paths.editSchedule(instanceId, schedule.id))}
              rowActions={(schedule) => (
                <ScheduleRowActions instance={named} schedule={schedule} canChange={canChange} />
              )}
            />
          </div>
        </div>
      )}
    </div>
  );
}
