// The weekday picker: Monday first, short visible labels, full names, aria-pressed, presets.
import type { Weekday } from '@zomro-dash/shared';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { WeekdayPicker } from '@/features/schedules/components/weekday-picker';
import { i18n } from '@/lib/i18n';

function Harness({
  initial = [],
  onChange,
}: {
  initial?: Weekday[];
  onChange?: (d: Weekday[]) => void;
}) {
  const [days, setDays] = useState<Weekday[]>(initial);
  return (
    <WeekdayPicker
      value={days}
      onChange={(next) => {
        setDays(next);
        onChange?.(next);
      }}
    />
  );
}

const pressed = (name: string) => screen.getByRole('button', { name }).getAttribute('aria-pressed');

describe('WeekdayPicker', () => {
  it('shows seven toggles Monday first, named in full, labelled short', () => {
    render(<Harness />);
    const group = screen.getByRole('group', { name: 'Days' });
    const toggles = Array.from(group.querySelectorAll('.day-toggle'));
    expect(toggles.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    expect(toggles.map((b) => b.textContent)).toEqual([
      'Mon',
      'Tue',
      'Wed',
      'Thu',
      'Fri',
      'Sat',
      'Sun',
    ]);
    expect(toggles.every((b) => b.getAttribute('aria-pressed') === 'false')).toBe(true);
  });

  it('toggles a day by click and by keyboard, and reports the days sorted Sunday = 0', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    await user.click(screen.getByRole('button', { name: 'Sunday' }));
    await user.click(screen.getByRole('button', { name: 'Wednesday' }));
    expect(pressed('Sunday')).toBe('true');
    expect(onChange).toHaveBeenLastCalledWith([0, 3]);

    screen.getByRole('button', { name: 'Wednesday' }).focus();
    await user.keyboard(' ');
    expect(pressed('Wednesday')).toBe('false');
    await user.keyboard('{ArrowRight}{Enter}');
    expect(pressed('Thursday')).toBe('true');
    expect(onChange).toHaveBeenLastCalledWith([0, 4]);
  });

  it('moves along the week with arrow keys, wrapping at the ends', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    screen.getByRole('button', { name: 'Monday' }).focus();
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sunday' }));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Monday' }));
  });

  it('applies the presets Weekdays, Weekends and Every day', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness initial={[3]} onChange={onChange} />);
    await user.click(screen.getByRole('button', { name: 'Weekdays' }));
    expect(onChange).toHaveBeenLastCalledWith([1, 2, 3, 4, 5]);
    expect(pressed('Saturday')).toBe('false');
    expect(pressed('Friday')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Weekends' }));
    expect(onChange).toHaveBeenLastCalledWith([0, 6]);
    expect(pressed('Monday')).toBe('false');
    await user.click(screen.getByRole('button', { name: 'Every day' }));
    expect(onChange).toHaveBeenLastCalledWith([0, 1, 2, 3, 4, 5, 6]);
  });

  it('speaks Russian when the UI does', async () => {
    await i18n.changeLanguage('ru');
    render(<Harness initial={[1]} />);
    expect(screen.getByRole('button', { name: 'Понедельник' }).textContent).toBe('Пн');
    expect(pressed('Понедельник')).toBe('true');
    expect(screen.getByRole('button', { name: 'Будни' })).toBeTruthy();
  });
});
