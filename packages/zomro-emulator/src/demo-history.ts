// Two weeks of backups for a demo account, made by running its schedules on the emulator's own
// engine, so that the first screen is realistic: most servers fine, api-02 missed its last two
// runs (its runs stopped happening), grafana has a backup stuck `saving`, search-01's runs end
// `killed`, and the twelve servers without a schedule have none. MyServer also has two manual
// backups, one protected.
import { catchUp, runsOf, type BackupFaultKind } from './backups.js';
import type { Account } from './state.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const HISTORY_DAYS = 14;

/**
 * The demo's faulty servers: the fault starts just before the `runs`-th last run that is at least
 * `olderThanHours` old, so their state shows whatever the time of day (a missed run counts only
 * after the 3-hour grace, a stuck backup after 6 hours).
 */
export const DEMO_FAULTS: ReadonlyArray<{
  servername: string;
  kind: BackupFaultKind;
  runs: number;
  olderThanHours: number;
}> = [
  { servername: 'api-02', kind: 'skip', runs: 2, olderThanHours: 4 },
  { servername: 'grafana', kind: 'stuck', runs: 1, olderThanHours: 7 },
  { servername: 'search-01', kind: 'kill', runs: 1, olderThanHours: 1 },
];

export function seedBackupHistory(account: Account, now: number, allocateId: () => string): void {
  const start = now - HISTORY_DAYS * DAY;
  account.backupClock = start;
  for (const fault of DEMO_FAULTS) {
    const instance = account.instances.find((i) => i.servername === fault.servername);
    if (!instance) continue;
    const runs = runsOf(account, instance.id, start, now - fault.olderThanHours * HOUR);
    const first = runs[runs.length - fault.runs];
    if (first) account.backupFaults.set(instance.id, { kind: fault.kind, since: first.at - 1 });
  }
  const seed = account.instances.find((i) => i.id === '5203773');
  if (seed) {
    const manual = [
      { name: 'Before the kernel upgrade', daysAgo: 10, protected: true },
      { name: 'Before PHP 8.3', daysAgo: 3, protected: false },
    ];
    for (const spec of manual) {
      const at = now - spec.daysAgo * DAY - 5 * HOUR;
      account.backups.push({
        id: allocateId(),
        instanceId: seed.id,
        name: spec.name,
        type: 'manual',
        createdAt: at,
        sizeGb: 14.2,
        status: 'active',
        protected: spec.protected,
        endsAt: at,
        endsAs: 'active',
      });
      account.manualMadeAt.set(seed.id, [...(account.manualMadeAt.get(seed.id) ?? []), at]);
    }
  }
  catchUp(account, now, allocateId);
}
