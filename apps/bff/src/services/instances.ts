// The instances service: the account's Cloud VPS instances, through the actor's Zomro session, and
// whether an instance takes schedule changes in its current state.
import { blocksScheduleChanges, type Instance } from '@zomro-dash/shared';
import { DomainError } from './domain-error.js';
import type { ListOptions, ZomroClient } from '../zomro/client.js';
import type { Actor } from './actor.js';
import type { ReadCoalescer } from './coalesce.js';

/**
 * How long an instance list read for the account answers the state check before a change. The
 * operator reaches an instance through the list, so a change costs no extra Zomro call; Zomro
 * itself still refuses a change to an instance that became blocked since (the check only gives the
 * clearer answer first). See docs/decisions/016-zomro-calls-per-action.md.
 */
export const INSTANCE_STATE_TTL_MS = 30_000;
/** Accounts whose last instance list is kept (a bound for personal mode with many operators). */
const MAX_ACCOUNTS = 1_000;

export class InstanceService {
  readonly #client: ZomroClient;
  readonly #reads: ReadCoalescer;
  readonly #now: () => number;
  readonly #lastList = new Map<string, { at: number; instances: Instance[] }>();

  constructor(options: { client: ZomroClient; reads: ReadCoalescer; now?: () => number }) {
    this.#client = options.client;
    this.#reads = options.reads;
    this.#now = options.now ?? Date.now;
  }

  /** The account's instances, read from Zomro (together with identical reads on their way). */
  async list(actor: Actor, options: ListOptions = {}): Promise<Instance[]> {
    const at = this.#now();
    const instances = await this.#reads.run(`${actor.account}\u0000instances`, () =>
      actor.zomro.run((token) => this.#client.listInstances(token, options)),
    );
    this.#lastList.delete(actor.account);
    if (this.#lastList.size >= MAX_ACCOUNTS) {
      this.#lastList.delete(this.#lastList.keys().next().value!);
    }
    this.#lastList.set(actor.account, { at, instances });
    return instances;
  }

  /**
   * Why no schedule change may be sent to this instance now, or null: 404 when the account has
   * no such instance, 409 INSTANCE_BLOCKED in a state in which Zomro's panel blocks schedule
   * changes (error, image uploading). A list read in the last INSTANCE_STATE_TTL_MS that shows
   * the instance taking changes is enough; anything else (no recent list, the instance missing
   * from it or blocked in it) is read afresh.
   */
  async scheduleChangeRefusal(actor: Actor, instanceId: string): Promise<DomainError | null> {
    const recent = this.#lastList.get(actor.account);
    let instance =
      recent && this.#now() - recent.at <= INSTANCE_STATE_TTL_MS
        ? recent.instances.find((i) => i.id === instanceId)
        : undefined;
    // A refusal is always read afresh: the instance may run normally again by now.
    if (!instance || blocksScheduleChanges(instance.status)) {
      instance = (await this.list(actor)).find((i) => i.id === instanceId);
    }
    if (!instance) return new DomainError('NOT_FOUND', 'This account has no such instance');
    if (!blocksScheduleChanges(instance.status)) return null;
    return new DomainError(
      'INSTANCE_BLOCKED',
      `The instance is in the state "${instance.status}", in which Zomro takes no schedule ` +
        'changes; try again once it runs normally',
    );
  }
}
