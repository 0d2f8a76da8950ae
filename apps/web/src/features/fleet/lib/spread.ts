// "Spread the start times": each chosen server starts a few minutes after the one before, within a
// window the operator picks, so their backups do not all start at once. A spread never crosses
// midnight: a time past 23:59 would run on the next day, which the chosen days do not say, so the
// window is cut at 23:59.
import { parseTimeOfDay } from '@zomro-dash/shared/plain';

export { addMinutes } from '@/lib/time-of-day';

const DAY_MINUTES = 24 * 60;

/** The offsets in minutes, first server +0, evenly over the window. */
export function spreadOffsets(count: number, windowMinutes: number, time: string): number[] {
  const start = parseTimeOfDay(time) ?? 0;
  const window = Math.max(0, Math.min(windowMinutes, DAY_MINUTES - 1 - start));
  if (count <= 1) return count === 1 ? [0] : [];
  const step = window / (count - 1);
  return Array.from({ length: count }, (_, i) => Math.round(i * step));
}
