// Which row a create made: Zomro answers a create with no id, so the schedule list is read before
// and after (under the instance's lock) and the new ids are the difference; looked for again a
// few times when the row does not show at once.
import type { ValidScheduleInput } from '@zomro-dash/shared';
import type { ListedSchedule } from '../zomro/mappers.js';

/** Compares digit strings as numbers without converting them (ids may exceed 2^53). */
export function compareIds(a: string, b: string): number {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

const sameDays = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((day, i) => day === b[i]);

/**
 * The schedule our create made: a row of `after` whose id was not in `before`. Two equal
 * schedules are legal, so values alone never decide; they only choose among several new rows
 * (someone else created one through Zomro's panel meanwhile): the exact match first, then days
 * and time (Zomro may reshape the name), then the highest id. An id Zomro answered with wins.
 */
export function findNewSchedule(
  beforeIds: ReadonlySet<string>,
  after: readonly ListedSchedule[],
  input: ValidScheduleInput,
  answeredId: string | null = null,
): ListedSchedule | null {
  if (answeredId !== null) {
    const answered = after.find((s) => s.id === answeredId);
    if (answered) return answered;
  }
  const added = after.filter((s) => !beforeIds.has(s.id));
  if (added.length <= 1) return added[0] ?? null;
  const tiers: Array<(s: ListedSchedule) => boolean> = [
    (s) => s.name === input.name && sameDays(s.days, input.days) && s.time === input.time,
    (s) => sameDays(s.days, input.days) && s.time === input.time,
    () => true,
  ];
  for (const matches of tiers) {
    const found = added.filter(matches);
    if (found.length > 0) return found.reduce((a, b) => (compareIds(a.id, b.id) >= 0 ? a : b));
  }
  return null;
}

/** Whether a listed schedule has exactly the values that were sent. */
export function sameValues(schedule: ListedSchedule, input: ValidScheduleInput): boolean {
  return (
    schedule.name === input.name &&
    schedule.time === input.time &&
    sameDays(schedule.days, input.days)
  );
}

/** Waits before each extra look for a created schedule (busy, reset, not listed yet). */
const RELIST_DELAYS_MS = [0, 250, 750, 1500];

/**
 * Lists again until the new row shows (Zomro may be busy, the connection may break, the row
 * may lag): the schedule, null when it never showed, undefined when no list could be read.
 */
export async function findCreated(
  list: () => Promise<ListedSchedule[]>,
  sleep: (ms: number) => Promise<void>,
  beforeIds: ReadonlySet<string>,
  input: ValidScheduleInput,
  answeredId: string | null,
  attempts = RELIST_DELAYS_MS.length,
): Promise<ListedSchedule | null | undefined> {
  let listed = false;
  for (const delay of RELIST_DELAYS_MS.slice(0, attempts)) {
    if (delay > 0) await sleep(delay);
    try {
      const after = await list();
      listed = true;
      const made = findNewSchedule(beforeIds, after, input, answeredId);
      if (made) return made;
    } catch {
      // Busy, reset, time-out: look again after the next delay.
    }
  }
  return listed ? null : undefined;
}
