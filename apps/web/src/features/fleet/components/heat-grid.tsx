// The 7 × 24 grid: how many backups start in each hour of the week across the fleet, in Zomro's
// zone (GMT+3) or the operator's, so that pile-ups show as dark cells. Loaded when the operator
// opens it on the overview (grid-disclosure.tsx). A cell with backups is a button: it lists the
// servers starting in that hour.
import type { FleetInstance } from '@zomro-dash/shared';
import { PROVIDER_ZONE_LABEL } from '@zomro-dash/shared/plain';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from '@/lib/i18n';
import { localZoneLabel } from '@/lib/schedule-time';
import { weekdayName, weekOrder } from '@/lib/weekdays';
import { startsOfWeek, type WeekStart } from '../lib/fleet';
import { HourStarts } from './hour-starts';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

export function HeatGrid({ entries, now }: { entries: readonly FleetInstance[]; now: Date }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const zoneName = useId();
  const [zone, setZone] = useState<'provider' | 'local'>('provider');
  const localOffset = -now.getTimezoneOffset();
  const starts = useMemo(
    () => startsOfWeek(entries, zone === 'provider' ? undefined : localOffset),
    [entries, zone, localOffset],
  );
  const grid = useMemo(() => {
    const counts = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
    for (const start of starts) counts[start.day]![start.hour]! += 1;
    return counts;
  }, [starts]);
  const [picked, setPicked] = useState<Pick<WeekStart, 'day' | 'hour'> | null>(null);
  const max = Math.max(1, ...grid.flat());
  const zoneLabel = zone === 'provider' ? PROVIDER_ZONE_LABEL : localZoneLabel(now, language);
  return (
    <div className="heat-body">
      <div className="heat-head">
        <fieldset className="zone-switch">
          <legend className="visually-hidden">{t('fleet.gridZone')}</legend>
          <label>
            <input
              type="radio"
              name={zoneName}
              checked={zone === 'provider'}
              onChange={() => setZone('provider')}
            />
            {t('fleet.gridProvider', { zone: PROVIDER_ZONE_LABEL })}
          </label>
          <label>
            <input
              type="radio"
              name={zoneName}
              checked={zone === 'local'}
              onChange={() => setZone('local')}
            />
            {t('fleet.gridLocal', { zone: localZoneLabel(now, language) })}
          </label>
        </fieldset>
      </div>
      <div
        className="heat-scroll"
        role="region"
        aria-label={t('fleet.gridCaption', { zone: zoneLabel })}
        // A region that scrolls sideways on a phone must be reachable by keyboard.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
      >
        <table className="heat-grid">
          <caption className="visually-hidden">
            {t('fleet.gridCaption', { zone: zoneLabel })}
          </caption>
          <thead>
            <tr>
              <td />
              {HOURS.map((hour) => (
                <th key={hour} scope="col">
                  {String(hour).padStart(2, '0')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weekOrder(language).map((day) => (
              <tr key={day}>
                <th scope="row">{weekdayName(day, language, 'short')}</th>
                {HOURS.map((hour) => {
                  const count = grid[day]![hour]!;
                  // Darker with more backups, never so dark that the dark number gets hard to read.
                  const share = 0.12 + (0.48 * count) / max;
                  const label = t('fleet.gridCell', {
                    day: weekdayName(day, language, 'long'),
                    hour: String(hour).padStart(2, '0'),
                    count,
                  });
                  const isPicked = picked?.day === day && picked.hour === hour;
                  return (
                    <td
                      key={hour}
                      className={count > 0 ? 'heat-cell is-on' : 'heat-cell'}
                      style={
                        count > 0
                          ? { background: `rgb(31 94 255 / ${Math.round(share * 100)}%)` }
                          : undefined
                      }
                      title={label}
                    >
                      {count > 0 ? (
                        <button
                          type="button"
                          className="heat-cell-button"
                          aria-label={label}
                          aria-pressed={isPicked}
                          onClick={() => setPicked(isPicked ? null : { day, hour })}
                        >
                          {count}
                        </button>
                      ) : (
                        ''
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {picked ? (
        <HourStarts
          starts={starts.filter((s) => s.day === picked.day && s.hour === picked.hour)}
          title={t('fleet.gridListTitle', {
            day: weekdayName(picked.day, language, 'long'),
            hour: String(picked.hour).padStart(2, '0'),
            zone: zoneLabel,
          })}
          onClose={() => setPicked(null)}
        />
      ) : null}
    </div>
  );
}
