// Zomro's clock as text: its dates are the provider's wall-clock time (GMT+3, no daylight saving)
// written `YYYY-MM-DD HH:MM:SS`; the API speaks ISO 8601 with that offset so nobody has to guess
// the zone ("2026-12-07T02:04:00+03:00").
import { PROVIDER_UTC_OFFSET_MINUTES } from './next-run.js';

const MINUTE = 60_000;
const pad = (n: number): string => String(n).padStart(2, '0');

/** An instant written in the provider's zone: `2026-12-07T02:04:00+03:00`. */
export function toProviderIso(instant: Date): string {
  const local = new Date(instant.getTime() + PROVIDER_UTC_OFFSET_MINUTES * MINUTE);
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  const hours = Math.floor(PROVIDER_UTC_OFFSET_MINUTES / 60);
  const minutes = PROVIDER_UTC_OFFSET_MINUTES % 60;
  return `${date}T${time}+${pad(hours)}:${pad(minutes)}`;
}

/** Zomro's form of an instant: `2026-12-07 02:04:00` in the provider's zone. */
export function toZomroDateTime(instant: Date): string {
  return toProviderIso(instant).slice(0, 19).replace('T', ' ');
}

/**
 * Reads a date as Zomro writes it (`2026-12-07 02:04:00`, `2026-12-07 02:04`, `2026-12-07`, with a
 * `T` or a space) as provider-zone time; an ISO text that carries its own offset or `Z` keeps it.
 * Null when it is not a date.
 */
export function parseProviderDateTime(text: string): Date | null {
  const trimmed = text.trim();
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      trimmed,
    );
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = match;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(utc)) return null;
  const check = new Date(utc);
  // Date.UTC rolls 2026-02-31 over into March: refuse instead of guessing.
  if (check.getUTCDate() !== Number(d) || Number(h) > 23) return null;
  let offset = PROVIDER_UTC_OFFSET_MINUTES;
  if (zone === 'Z') offset = 0;
  else if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  return new Date(utc - offset * MINUTE);
}
