// A server row's tick box for apply-to-many (only for those who may change schedules).
import { useTranslation } from '@/lib/i18n';

export function FleetCellSelect({
  name,
  checked,
  onChange,
}: {
  name: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <input
      type="checkbox"
      className="fleet-check"
      aria-label={t('fleet.select', { name })}
      checked={checked}
      onChange={(event) => onChange(event.target.checked)}
    />
  );
}
