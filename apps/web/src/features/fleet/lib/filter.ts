// Which servers the overview shows: the text filter (any of name, address, tariff, id, state) and
// "only without a schedule". Pure, so the selection can use exactly what the list shows.
import type { FleetInstance, Instance } from '@zomro-dash/shared';

/** `statusWord`: the state in the UI's language, so that the Russian filter finds "работает". */
export function matches(instance: Instance, filter: string, statusWord: string): boolean {
  const needle = filter.trim().toLocaleLowerCase();
  if (!needle) return true;
  return [
    instance.name,
    instance.ip,
    instance.tariff,
    instance.id,
    instance.status,
    statusWord,
  ].some((text) => text.toLocaleLowerCase().includes(needle));
}

/** Read without error and without any schedule. */
export const unprotected = (entry: FleetInstance) => !entry.error && entry.schedules.length === 0;
