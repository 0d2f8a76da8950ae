// Seven day toggles (Monday first, short visible labels, full names for screen readers) and the
// presets Weekdays / Weekends / Every day.
import type { Weekday } from '@zomro-dash/shared';
import { sortWeekdays, WEEKDAYS_MONDAY_FIRST } from '@zomro-dash/shared/plain';
import { useId, useRef, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from '@/lib/i18n';
import { PRESETS, sameDays, weekdayName } from '@/lib/weekdays';

interface WeekdayPickerProps {
  value: readonly Weekday[];
  onChange: (days: Weekday[]) => void;
  onBlur?: () => void;
  /** Ids of the hint or error that describe the group. */
  describedBy?: string;
  invalid?: boolean;
  /** Receives the Monday button, so that a failed submit can focus the group. */
  firstDayRef?: Ref<HTMLButtonElement>;
}

const PRESET_NAMES = ['weekdays', 'weekends', 'everyDay'] as const;

export function WeekdayPicker({
  value,
  onChange,
  onBlur,
  describedBy,
  invalid,
  firstDayRef,
}: WeekdayPickerProps) {
  const { t, i18n } = useTranslation();
  const legendId = useId();
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const selected = new Set(value);

  const toggle = (day: Weekday) =>
    onChange(sortWeekdays(selected.has(day) ? value.filter((d) => d !== day) : [...value, day]));

  // Arrow keys move along the week as well as Tab does, like a toolbar.
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: 6 - index }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    buttons.current[(index + step + 7) % 7]?.focus();
  };

  return (
    <fieldset
      className={invalid ? 'weekday-picker is-invalid' : 'weekday-picker'}
      aria-describedby={describedBy}
    >
      <legend id={legendId} className="field-label">
        {t('form.days')}
      </legend>
      <div className="day-toggles">
        {WEEKDAYS_MONDAY_FIRST.map((day, index) => (
          <button
            key={day}
            ref={(element) => {
              buttons.current[index] = element;
              if (index === 0 && firstDayRef) {
                if (typeof firstDayRef === 'function') firstDayRef(element);
                else firstDayRef.current = element;
              }
            }}
            type="button"
            className="day-toggle"
            aria-pressed={selected.has(day)}
            aria-label={weekdayName(day, i18n.language, 'long')}
            onClick={() => toggle(day)}
            onKeyDown={(event) => onKeyDown(event, index)}
            onBlur={onBlur}
          >
            {weekdayName(day, i18n.language, 'short')}
          </button>
        ))}
      </div>
      <div className="presets" role="group" aria-label={t('form.presets')}>
        {PRESET_NAMES.map((preset) => (
          <button
            key={preset}
            type="button"
            className={sameDays(value, PRESETS[preset]) ? 'chip is-current' : 'chip'}
            onClick={() => onChange([...PRESETS[preset]])}
          >
            {t(`form.${preset}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
