// The instances service: the account's Cloud VPS instances, through the actor's Zomro session.
import type { Instance } from '@zomro-dash/shared';
import type { ZomroClient } from '../zomro/client.js';
import type { Actor } from './actor.js';

export class InstanceService {
  readonly #client: ZomroClient;

  constructor(options: { client: ZomroClient }) {
    this.#client = options.client;
  }

  list(actor: Actor): Promise<Instance[]> {
    return actor.zomro.run((token) => this.#client.listInstances(token));
  }
}
