// "Spread the start times": on, each chosen server starts a few minutes after the one before,
// over the window chosen here (../lib/spread.ts), so the backups do not all start at once.
import { useId } from 'react';
import { useTranslation } from '@/lib/i18n';

const WINDOWS = [10, 30, 60, 120] as const;
const DEFAULT_WINDOW = 30;

export function SpreadControl({
  value,
  onChange,
}: {
  /** The window in minutes, or null for "all at the same time". */
  value: number | null;
  onChange: (value: number | null) => void;
}) {
  const { t } = useTranslation();
  const windowId = useId();
  return (
    <div className="spread-control">
      <label className="check">
        <input
          type="checkbox"
          checked={value !== null}
          onChange={(event) => onChange(event.target.checked ? DEFAULT_WINDOW : null)}
        />
        {t('fleet.spread')}
      </label>
      {value !== null ? (
        <label htmlFor={windowId} className="spread-window">
          {t('fleet.spreadWindow')}{' '}
          <select
            id={windowId}
            className="input input-inline"
            value={value}
            onChange={(event) => onChange(Number(event.target.value))}
          >
            {WINDOWS.map((minutes) => (
              <option key={minutes} value={minutes}>
                {t('fleet.spreadMinutes', { count: minutes })}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}
