// Arithmetic on Zomro's "HH:MM" times of day.
import { parseTimeOfDay } from '@zomro-dash/shared/plain';

const DAY_MINUTES = 24 * 60;

/** `time` moved later by `minutes`, wrapping at midnight (the caller keeps it within the day). */
export function addMinutes(time: string, minutes: number): string {
  const total =
    ((((parseTimeOfDay(time) ?? 0) + minutes) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}
