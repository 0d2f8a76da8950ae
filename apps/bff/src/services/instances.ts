// The instances service: the account's Cloud VPS instances, through the actor's Zomro session, and
// whether an instance takes schedule changes in its current state.
import { blocksScheduleChanges, type Instance } from '@zomro-dash/shared';
import { HttpError } from '../http-errors.js';
import type { ListOptions, ZomroClient } from '../zomro/client.js';
import type { Actor } from './actor.js';

export class InstanceService {
  readonly #client: ZomroClient;

  constructor(options: { client: ZomroClient }) {
    this.#client = options.client;
  }

  list(actor: Actor, options: ListOptions = {}): Promise<Instance[]> {
    return actor.zomro.run((token) => this.#client.listInstances(token, options));
  }

  /**
   * Why no schedule change may be sent to this instance now, or null: 404 when the account has
   * no such instance, 409 INSTANCE_BLOCKED in a state in which Zomro's panel blocks schedule
   * changes (error, image uploading). Read afresh from the instance list every time: states change.
   */
  async scheduleChangeRefusal(actor: Actor, instanceId: string): Promise<HttpError | null> {
    const instance = (await this.list(actor)).find((i) => i.id === instanceId);
    if (!instance) return new HttpError(404, 'NOT_FOUND', 'This account has no such instance');
    if (!blocksScheduleChanges(instance.status)) return null;
    return new HttpError(
      409,
      'INSTANCE_BLOCKED',
      `The instance is in the state "${instance.status}", in which Zomro takes no schedule ` +
        'changes; try again once it runs normally',
    );
  }
}
