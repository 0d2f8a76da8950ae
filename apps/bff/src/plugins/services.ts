// Builds the service layer once, from the configuration, and decorates the app with it: the state
// stores (memory and file here; Redis later, chosen in the same place), the team account, the
// account service, the audit trail, and the instances, schedules, fleet and retention services. Routes
// only call these.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { OperatorDirectory } from '../auth/operators.js';
import type { AppConfig } from '../config.js';
import { AccountService } from '../services/accounts.js';
import { AuditTrail } from '../services/audit-trail.js';
import { ReadCoalescer } from '../services/coalesce.js';
import { FleetService } from '../services/fleet.js';
import { InstanceService } from '../services/instances.js';
import { RetentionService } from '../services/retention.js';
import { ScheduleService } from '../services/schedules.js';
import { TeamAccount } from '../services/team-account.js';
import type { AuditStore } from '../stores/audit.js';
import type { ChangeCounter } from '../stores/change-counter.js';
import { FileAuditStore } from '../stores/audit-file.js';
import { MemoryIdempotencyStore, type IdempotencyStore } from '../stores/idempotency.js';
import { MemoryInstanceLocks, type InstanceLocks } from '../stores/locks.js';
import { MemoryTeamSessionStore, type TeamSessionStore } from '../stores/team-session.js';
import type { RateLimitStoreOptions } from './sign-in-limits.js';

export interface Services {
  accounts: AccountService;
  instances: InstanceService;
  schedules: ScheduleService;
  fleet: FleetService;
  retention: RetentionService;
  audit: AuditTrail;
  team: TeamAccount | null;
  /** The shared reads (their `joined` count is what tests and metrics read). */
  reads: ReadCoalescer;
}

/** State a test (or, later, Redis) may supply instead of the defaults. */
export interface ServiceStores {
  audit?: AuditStore;
  locks?: InstanceLocks;
  idempotency?: IdempotencyStore;
  teamSession?: TeamSessionStore;
  /** How many changes each instance has seen, for shared reads (Redis: across processes). */
  changes?: ChangeCounter;
  /** Where the sign-in limits count (@fastify/rate-limit's `redis` or `store`); memory if absent. */
  rateLimit?: RateLimitStoreOptions;
  /** The waits between looks for a created schedule (tests pass an instant one). */
  sleep?: (ms: number) => Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

export async function createServices(
  app: FastifyInstance,
  config: AppConfig,
  stores: ServiceStores = {},
): Promise<Services> {
  const log = app.log.child({ component: 'services' });
  const client = app.zomro;
  const auditStore = stores.audit ?? (await FileAuditStore.open(config.auditLogPath, log));
  const audit = new AuditTrail(auditStore, log);
  const team = config.team
    ? new TeamAccount({
        client,
        config: config.team,
        store: stores.teamSession ?? new MemoryTeamSessionStore(),
        logger: log,
      })
    : null;
  const operators =
    team && config.operatorsFile
      ? new OperatorDirectory(config.operatorsFile, { logger: log })
      : null;
  // A missing or unreadable file is said at start-up (a warning), not at the first sign-in.
  await operators?.load();
  const accounts = new AccountService({
    client,
    audit,
    team: team && {
      account: team,
      operators,
      proxy: config.proxyAuth !== null,
      proxyEditors: config.proxyAuth?.editors ?? new Set(),
    },
  });
  const locks = stores.locks ?? new MemoryInstanceLocks();
  const reads = new ReadCoalescer(stores.changes);
  const instances = new InstanceService({ client, reads });
  const idempotency = stores.idempotency ?? new MemoryIdempotencyStore();
  const schedules = new ScheduleService({
    client,
    instances,
    reads,
    audit,
    locks,
    idempotency,
    ...(stores.sleep && { sleep: stores.sleep }),
  });
  const fleet = new FleetService({
    instances,
    schedules,
    idempotency,
    audit,
    concurrency: config.fleetConcurrency,
  });
  const retention = new RetentionService({ client, audit, locks, reads });
  return { accounts, instances, schedules, fleet, retention, audit, team, reads };
}

export default fp(
  async (app: FastifyInstance, options: { config: AppConfig; stores?: ServiceStores }) => {
    const services = await createServices(app, options.config, options.stores);
    app.decorate('services', services);
    app.addHook('onClose', async () => {
      await services.schedules.close();
      await services.audit.store.close();
    });
  },
  { name: 'services', dependencies: ['zomro'] },
);
