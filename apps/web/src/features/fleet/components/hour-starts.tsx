// The servers whose backups start in one hour of the grid, with the schedule and the minute.
import { useId } from 'react';
import { useTranslation } from '@/lib/i18n';
import { Link } from '@/lib/router';
import { paths } from '@/config/paths';
import type { WeekStart } from '../lib/fleet';

export function HourStarts({
  starts,
  title,
  onClose,
}: {
  starts: readonly WeekStart[];
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const sorted = [...starts].sort(
    (a, b) => a.minute - b.minute || a.instanceName.localeCompare(b.instanceName),
  );
  return (
    <section className="hour-starts" aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      <ul>
        {sorted.map((s) => (
          <li key={`${s.instanceId}\u0000${s.schedule}\u0000${s.minute}`}>
            <span className="mono">:{String(s.minute).padStart(2, '0')}</span>{' '}
            <Link to={paths.instance(s.instanceId)}>{s.instanceName}</Link>{' '}
            <span className="muted">· {s.schedule}</span>
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-ghost btn-small" onClick={onClose}>
        {t('fleet.gridListClose')}
      </button>
    </section>
  );
}
