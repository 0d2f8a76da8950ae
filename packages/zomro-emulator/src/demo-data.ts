// The demo accounts and the Cloud VPS instances and backup schedules they own: the seed's
// instance 5203773 "MyServer" with schedule 14, and enough variety around it to look real.
import type { Weekday } from '@zomro-dash/shared';

export interface DemoAccount {
  username: string;
  password: string;
  /** Base32 secret of the account's authenticator, when it signs in with two factors. */
  totpSecret?: string;
}

export interface InstanceRecord {
  id: string;
  /** The name the customer gave; empty on some instances, where the panel shows the tariff. */
  servername: string;
  /** The tariff. */
  name: string;
  ip: string;
  instanceStatus: string;
  itemStatus: string;
  /** BILLmanager's numeric item status (2 = active, 3 = suspended, 5 = processing). */
  status: string;
  os: string;
  datacenter: string;
  expireDate: string;
  /** How many backups the instance keeps (`doc.backup_rotation`). */
  backupRotation: string;
}

export interface ScheduleRecord {
  id: string;
  instanceId: string;
  name: string;
  days: Weekday[];
  time: string;
  createDate: string;
}

export interface AccountData {
  instances: InstanceRecord[];
  schedules: ScheduleRecord[];
}

export const DEMO_ACCOUNT: DemoAccount = { username: 'demo', password: 'demo' };
export const DEMO_TOTP_ACCOUNT: DemoAccount = {
  username: 'demo2fa',
  password: 'demo2fa',
  totpSecret: 'JBSWY3DPEHPK3PXP',
};

const EVERY_DAY: Weekday[] = [0, 1, 2, 3, 4, 5, 6];

function instance(
  id: string,
  servername: string,
  name: string,
  ip: string,
  state: 'active' | 'stopped' | 'building' | 'suspended' | 'error' | 'resizing',
  os: string,
): InstanceRecord {
  const itemStatus =
    state === 'suspended' ? 'Suspended' : state === 'building' ? 'Processing' : 'Active';
  const status = state === 'suspended' ? '3' : state === 'building' ? '5' : '2';
  return {
    id,
    servername,
    name,
    ip: state === 'building' ? '' : ip,
    instanceStatus: state,
    itemStatus,
    status,
    os,
    datacenter: 'Netherlands',
    expireDate: '2025-12-31',
    backupRotation: '3',
  };
}

function schedule(
  id: string,
  instanceId: string,
  name: string,
  days: Weekday[],
  time: string,
  createDate: string,
): ScheduleRecord {
  return { id, instanceId, name, days, time, createDate };
}

type FleetSpec = {
  name: string;
  tariff: string;
  state: 'active' | 'stopped' | 'building' | 'suspended' | 'error' | 'resizing';
  os: string;
  schedules: Array<[string, Weekday[], string]>;
};

const WORKDAYS: Weekday[] = [1, 2, 3, 4, 5];

/**
 * A fleet around the seed's instances, so that the overview has something to show: most servers
 * back up nightly and pile up at 02:00–03:00, a few weekly, and several have no schedule at all.
 */
const FLEET: FleetSpec[] = [
  ['web-prod-03', 'Cloud VPS 4 GB', 'active', [['Nightly', EVERY_DAY, '02:00']]],
  ['web-prod-04', 'Cloud VPS 4 GB', 'active', [['Nightly', EVERY_DAY, '02:00']]],
  ['web-prod-05', 'Cloud VPS 4 GB', 'active', []],
  [
    'api-01',
    'Cloud VPS 8 GB',
    'active',
    [
      ['Nightly', EVERY_DAY, '02:00'],
      ['Weekly full', [0], '04:00'],
    ],
  ],
  ['api-02', 'Cloud VPS 8 GB', 'active', [['Nightly', EVERY_DAY, '02:00']]],
  ['api-03', 'Cloud VPS 8 GB', 'stopped', []],
  ['cache-01', 'Cloud VPS 2 GB', 'active', [['Workdays', WORKDAYS, '02:30']]],
  ['cache-02', 'Cloud VPS 2 GB', 'active', []],
  [
    'queue-01',
    'Cloud VPS 2 GB',
    'active',
    [
      ['Workdays', WORKDAYS, '02:00'],
      ['Sunday', [0], '04:00'],
    ],
  ],
  ['search-01', 'Cloud VPS 16 GB', 'active', [['Nightly', EVERY_DAY, '03:00']]],
  ['search-02', 'Cloud VPS 16 GB', 'building', []],
  ['analytics', 'Cloud VPS 16 GB', 'active', [['Weekly', [6], '23:00']]],
  ['backup-relay', 'Cloud VPS 1 GB', 'active', [['Nightly', EVERY_DAY, '01:00']]],
  ['vpn-gateway', 'Cloud VPS 1 GB', 'active', []],
  ['grafana', 'Cloud VPS 2 GB', 'active', [['Nightly', EVERY_DAY, '02:00']]],
  [
    'gitlab',
    'Cloud VPS 8 GB',
    'active',
    [
      ['Nightly', EVERY_DAY, '03:00'],
      ['Weekly full', [0], '05:00'],
    ],
  ],
  ['registry', 'Cloud VPS 4 GB', 'suspended', []],
  ['sentry', 'Cloud VPS 4 GB', 'active', [['Workdays', WORKDAYS, '02:00']]],
  ['сервер-москва', 'Cloud VPS 2 GB', 'active', [['Ночной', EVERY_DAY, '02:00']]],
  ['shop-frontend', 'Cloud VPS 4 GB', 'active', []],
  ['shop-db', 'Cloud VPS 8 GB', 'active', [['Twice a week', [2, 5], '02:00']]],
  ['legacy-crm', 'Cloud VPS 2 GB', 'stopped', []],
].map(([name, tariff, state, schedules], i) => ({
  name: name as string,
  tariff: tariff as string,
  state: state as FleetSpec['state'],
  os: i % 3 === 0 ? 'Ubuntu 24.04' : i % 3 === 1 ? 'Debian 12' : 'AlmaLinux 9',
  schedules: schedules as FleetSpec['schedules'],
}));

const fleetId = (index: number) => String(5205001 + index);

/** A fresh copy each call, so that accounts and resets never share mutable rows. */
export function demoAccountData(): AccountData {
  return {
    instances: [
      instance('5203773', 'MyServer', 'Cloud VPS 2 GB', '185.231.245.17', 'active', 'Ubuntu 22.04'),
      instance('5203801', 'web-prod-01', 'Cloud VPS 4 GB', '185.231.245.40', 'active', 'Debian 12'),
      instance('5203802', 'web-prod-02', 'Cloud VPS 4 GB', '185.231.245.41', 'active', 'Debian 12'),
      instance(
        '5203815',
        'db-primary',
        'Cloud VPS 8 GB',
        '185.231.246.8',
        'active',
        'Ubuntu 24.04',
      ),
      instance(
        '5203816',
        'db-replica',
        'Cloud VPS 8 GB',
        '185.231.246.9',
        'stopped',
        'Ubuntu 24.04',
      ),
      instance('5204120', '', 'Cloud VPS 1 GB', '185.231.247.3', 'building', 'AlmaLinux 9'),
      instance('5204133', 'staging', 'Cloud VPS 2 GB', '185.231.247.20', 'active', 'Ubuntu 22.04'),
      instance(
        '5204170',
        'ci-runner',
        'Cloud VPS 4 GB',
        '185.231.247.51',
        'suspended',
        'Debian 11',
      ),
      instance(
        '5204201',
        'mail.example.org',
        'Cloud VPS 2 GB',
        '185.231.248.2',
        'active',
        'Debian 12',
      ),
      instance(
        '5204255',
        'dev & test <old>',
        'Cloud VPS 1 GB',
        '185.231.248.77',
        'error',
        'CentOS 7',
      ),
      instance(
        '5204302',
        'monitoring',
        'Cloud VPS 1 GB',
        '185.231.248.90',
        'resizing',
        'Ubuntu 22.04',
      ),
      ...FLEET.map((spec, i) =>
        instance(fleetId(i), spec.name, spec.tariff, `185.231.249.${10 + i}`, spec.state, spec.os),
      ),
    ],
    schedules: [
      schedule('14', '5203773', 'MySchedule', [1, 2, 3, 4, 5, 6], '02:01', '2024-07-24'),
      schedule('21', '5203801', 'Nightly', EVERY_DAY, '03:30', '2024-08-02'),
      schedule('22', '5203801', 'Weekly full', [0], '05:00', '2024-08-02'),
      schedule('23', '5203802', 'Nightly', EVERY_DAY, '03:45', '2024-08-03'),
      schedule('24', '5203815', 'Бэкап базы', [1, 3, 5], '01:15', '2024-09-11'),
      schedule('25', '5203815', 'Weekend', [0, 6], '22:00', '2024-09-11'),
      schedule('26', '5203815', 'Before maintenance', [2], '23:59', '2024-10-01'),
      schedule('27', '5204133', 'Workdays', [1, 2, 3, 4, 5], '00:00', '2024-11-19'),
      schedule(
        '28',
        '5204201',
        'Mail archive before the monthly retention sweep — keep until the auditors have signed off',
        [4],
        '18:30',
        '2025-01-07',
      ),
      schedule('29', '5204302', 'Daily', EVERY_DAY, '12:00', '2025-02-14'),
      ...FLEET.flatMap((spec, i) =>
        spec.schedules.map(([name, days, time], j) =>
          schedule(String(100 + i * 2 + j), fleetId(i), name, days, time, '2025-03-01'),
        ),
      ),
    ],
  };
}

export function demoTotpAccountData(): AccountData {
  return {
    instances: [
      instance('6100001', 'secure-app', 'Cloud VPS 2 GB', '185.231.250.11', 'active', 'Debian 12'),
      instance('6100002', 'secure-db', 'Cloud VPS 4 GB', '185.231.250.12', 'active', 'Debian 12'),
      instance('6100003', '', 'Cloud VPS 2 GB', '185.231.250.13', 'stopped', 'Ubuntu 22.04'),
    ],
    schedules: [
      schedule('40', '6100001', 'Secure nightly', EVERY_DAY, '04:00', '2024-12-01'),
      schedule('41', '6100001', 'Weekly offsite', [0], '06:30', '2024-12-01'),
    ],
  };
}

/** The n-th extra server of a large account (benchmarks): active, no schedules. */
export function paddingInstance(n: number): InstanceRecord {
  return instance(
    String(5300000 + n),
    `node-${n}`,
    'Cloud VPS 2 GB',
    '10.0.0.1',
    'active',
    'Debian 12',
  );
}
