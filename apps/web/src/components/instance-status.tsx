// An instance's state as a coloured badge with a translated word.
import { useTranslation } from '@/lib/i18n';

const TONES: Record<string, string> = {
  active: 'ok',
  stopped: 'muted',
  building: 'info',
  rebooting: 'info',
  resizing: 'info',
  suspended: 'warn',
  deleting: 'warn',
  error: 'danger',
};

export function InstanceStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  const key = status.toLowerCase();
  return (
    <span className={`badge badge-${TONES[key] ?? 'muted'}`}>
      <span className="badge-dot" aria-hidden="true" />
      {t(`instances.status.${key}`, { defaultValue: status })}
    </span>
  );
}
