// The retention service: how many scheduled backups Zomro keeps for an instance
// (`backup_rotation`), changed by editors only, under the instance's lock, on the audit trail
// with the number before and after.
import type { ZomroClient } from '../zomro/client.js';
import type { Actor } from './actor.js';
import type { AuditTrail, ChangeSubject } from './audit-trail.js';
import { lockedChange, type ChangeOptions, type InstanceGuards } from './instance-changes.js';

export class RetentionService {
  readonly #client: ZomroClient;
  readonly #audit: AuditTrail;
  readonly #guards: InstanceGuards;

  constructor(options: { client: ZomroClient; audit: AuditTrail } & InstanceGuards) {
    this.#client = options.client;
    this.#audit = options.audit;
    this.#guards = { locks: options.locks, reads: options.reads };
  }

  /**
   * Sets it; answers the number Zomro accepted. The number before is read first (a schedule
   * list), for the trail. Setting a number is idempotent: after a lost answer the operator may
   * simply send it again.
   */
  change(
    actor: Actor,
    instanceId: string,
    retention: number,
    options: ChangeOptions = {},
  ): Promise<{ retention: number }> {
    const subject: ChangeSubject = {
      actor: actor.username,
      account: actor.account,
      action: 'instance.retention',
      instanceId,
      scheduleId: null,
      before: null,
      after: null,
      retention: { before: null, after: retention },
    };
    return this.#audit.change(subject, (recorder) =>
      lockedChange(
        this.#guards,
        actor,
        instanceId,
        options,
        'Viewers cannot change how many backups are kept; ask an editor',
        async () => {
          const listed = await actor.zomro.run((token) =>
            this.#client.listSchedules(token, instanceId),
          );
          subject.retention = { before: listed.retention, after: retention };
          await recorder.sending();
          await actor.zomro.run((token) => this.#client.setRetention(token, instanceId, retention));
          return { retention };
        },
      ),
    );
  }
}
