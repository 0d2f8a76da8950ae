// A server row's first cell: its name and state, linking to its page; address, tariff and id
// unless `brief` (while loading). Pointing at or focusing the link tells the page a click may come.
import type { Instance } from '@zomro-dash/shared';
import { InstanceStatus } from '@/components/instance-status';
import { paths } from '@/config/paths';
import { useTranslation } from '@/lib/i18n';
import { Link } from '@/lib/router';

export function FleetCellInstance({
  instance,
  brief = false,
  onIntent,
}: {
  instance: Instance;
  brief?: boolean;
  onIntent?: (instanceId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Link
      className="instance-card"
      to={paths.instance(instance.id)}
      onMouseEnter={() => onIntent?.(instance.id)}
      onFocus={() => onIntent?.(instance.id)}
    >
      <span className="instance-name">{instance.name}</span>
      <InstanceStatus status={instance.status} />
      {brief ? null : (
        <span className="instance-meta">
          <span className="mono">{instance.ip || t('instances.noIp')}</span>
          <span aria-hidden="true"> · </span>
          <span>{instance.tariff}</span>
          <span aria-hidden="true"> · </span>
          <span>{t('instances.id', { id: instance.id })}</span>
        </span>
      )}
    </Link>
  );
}
