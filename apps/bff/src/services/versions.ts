// Schedule versions for optimistic concurrency: a hash of what Zomro lists (name, days, time),
// sent to the browser with every schedule and checked against `If-Match` before a change.
import { createHash } from 'node:crypto';
import type { BackupSchedule } from '@zomro-dash/shared';
import type { ListedSchedule } from '../zomro/mappers.js';

/** A version of the values that matter: the id, the instance and the creation date cannot change. */
export function scheduleVersion(schedule: Pick<ListedSchedule, 'name' | 'days' | 'time'>): string {
  return createHash('sha256')
    .update(JSON.stringify([schedule.name, schedule.days, schedule.time]))
    .digest('base64url')
    .slice(0, 16);
}

export function withVersion(schedule: ListedSchedule): BackupSchedule {
  return { ...schedule, version: scheduleVersion(schedule) };
}

/** `If-Match` as sent: `*`, or the versions it names. */
export type IfMatch = '*' | readonly string[];

/**
 * Reads `If-Match`: `*`, or a comma-separated list of entity tags (`"v"`, `W/"v"`). Null when the
 * header is malformed.
 */
export function parseIfMatch(header: string): IfMatch | null {
  const value = header.trim();
  if (value === '*') return '*';
  const tags: string[] = [];
  for (const part of value.split(',')) {
    const match = /^\s*(?:W\/)?"([\x21\x23-\x7e]*)"\s*$/.exec(part);
    if (!match) return null;
    tags.push(match[1]!);
  }
  return tags.length > 0 ? tags : null;
}

/** Whether a change made under `ifMatch` may go ahead on the schedule as it is now. */
export function ifMatchAllows(ifMatch: IfMatch | undefined, current: BackupSchedule): boolean {
  return ifMatch === undefined || ifMatch === '*' || ifMatch.includes(current.version);
}
