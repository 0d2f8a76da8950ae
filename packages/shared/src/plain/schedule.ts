// A schedule's input rules that need no zod: the name's limit and the time's form (the web app's
// first screen uses them without loading zod; schedule.ts builds the schemas from them).
export const SCHEDULE_NAME_MAX = 100;

export { CONTROL_CHARACTERS } from './text.js';

export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A time as people type it and as Zomro may send it, tidied to `HH:MM`: "2:01", "201", "0201",
 * "2.01" and "02:01:00" all mean 02:01. Anything else comes back trimmed, for validation to explain.
 */
export function normaliseTime(text: string): string {
  const match = /^(\d{1,2})[:.h ]?(\d{2})(?::\d{2})?$/.exec(text.trim());
  const tidy = match ? `${match[1]!.padStart(2, '0')}:${match[2]!}` : null;
  // "2:61" stays "2:61": only a real time is tidied, so the error names what was typed.
  return tidy !== null && TIME_PATTERN.test(tidy) ? tidy : text.trim();
}
