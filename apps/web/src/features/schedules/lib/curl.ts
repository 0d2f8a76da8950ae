// "Copy as curl": the command that creates a schedule on Zomro directly, in the seed's own form
// (multipart fields quoted as curl reads them), with the session id left to the shell as
// $ZOMRO_AUTH so that no token is ever put on the clipboard.
import type { Weekday } from '@zomro-dash/shared';
import { formatRotationDaysParam } from '@zomro-dash/shared/plain';

export const ZOMRO_API = 'https://api.zomro.com/';

/** A shell word in single quotes; a single quote inside becomes '\''. */
const shellWord = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** `--form 'key="value"'`: curl reads a double-quoted value with backslash escapes. */
const field = (key: string, value: string) =>
  `--form ${shellWord(`${key}="${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`)}`;

export function scheduleCurl(
  instanceId: string,
  schedule: { name: string; days: readonly Weekday[]; time: string },
): string {
  return [
    `curl --location ${shellWord(ZOMRO_API)}`,
    field('func', 'instances.fleio_bckps.schedule.edit'),
    // Double quotes: the shell puts the session id in; curl still sees a quoted value.
    '--form "auth=\\"$ZOMRO_AUTH\\""',
    field('out', 'json'),
    field('name', schedule.name),
    field('rotation_days', formatRotationDaysParam(schedule.days)),
    field('rotation_time', schedule.time),
    field('plid', instanceId),
    field('sok', 'ok'),
  ].join(' \\\n');
}
