// The head of an instance page: its name, state, IP, tariff and id, or placeholders while loading.
import type { Instance } from '@zomro-dash/shared';
import { useTranslation } from '@/lib/i18n';
import { Skeleton } from '@/components/ui/skeleton';
import { InstanceStatus } from '@/components/instance-status';

export function InstanceHeader({ instance }: { instance: Instance | undefined }) {
  const { t } = useTranslation();
  if (!instance) {
    return (
      <div className="page-head" aria-hidden="true">
        <Skeleton width="14rem" height="1.8rem" />
        <Skeleton width="20rem" />
      </div>
    );
  }
  return (
    <div className="page-head">
      <h1>{instance.name}</h1>
      <p className="instance-meta">
        <InstanceStatus status={instance.status} />
        <span className="mono">{instance.ip || t('instances.noIp')}</span>
        <span>{instance.tariff}</span>
        <span>{t('instances.id', { id: instance.id })}</span>
      </p>
    </div>
  );
}
