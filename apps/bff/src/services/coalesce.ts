// Identical reads that arrive together share one Zomro call: a team that opens the same instance
// at once, or a page that asks twice, costs Zomro one list. Keys always include the Zomro account,
// so that nothing is shared across accounts. Only plain reads join; the lists a change takes under
// the instance's lock never do (they must not predate the changes before them), and once a change
// has ended, a read that arrives later never joins one that was on its way before it (`forget`).
//
// The joiners of a shared read are let go a few per turn of the event loop. Let go all at once,
// the answers to fifty joiners were written in one stretch, during which no new request was read,
// so a client answered first waited for the whole burst before its next read could even start
// (50 clients at 50 ms upstream: +6.1 ms over the direct call at p50). One per turn cut that to
// +2.2 ms but, at 0 ms upstream, fewer reads found one to join: throughput fell below the bare
// relay's, and the added latency at 0 ms rose. Sixteen per turn keeps 0 ms as it was and takes a
// part of the wait off at 50 ms (measurements in decision 016).

/** How many joiners are let go, one after another, before the event loop gets a turn. */
export const JOINERS_PER_TURN = 16;

export class ReadCoalescer {
  readonly #pending = new Map<string, Promise<unknown>>();
  /** Per key, the turn of the joiner let go last: the next one is let go after it. */
  readonly #turns = new Map<string, Promise<void>>();
  /** Joiners let go since the event loop last turned. */
  #letGo = 0;

  /**
   * `read()`, or the result of an identical read already on its way. A joiner whose leader failed
   * reads for itself: the failure may be the leader's own (another operator's expired session).
   */
  async run<T>(key: string, read: () => Promise<T>): Promise<T> {
    const pending = this.#pending.get(key) as Promise<T> | undefined;
    if (pending) {
      let shared: T;
      try {
        shared = await pending;
      } catch {
        return read();
      }
      await this.#turn(key);
      return shared;
    }
    const started = read();
    this.#pending.set(key, started);
    try {
      return await started;
    } finally {
      if (this.#pending.get(key) === started) this.#pending.delete(key);
    }
  }

  /**
   * Reads of `key` that arrive from now on make their own call: what is on its way may predate a
   * change that has just ended. Its own joiners still get its answer.
   */
  forget(key: string): void {
    this.#pending.delete(key);
  }

  /** Resolves when this joiner of `key` may go: after the one before it, on a later turn if due. */
  #turn(key: string): Promise<void> {
    const previous = this.#turns.get(key) ?? Promise.resolve();
    const mine = previous.then(() => this.#letOneGo());
    this.#turns.set(key, mine);
    void mine.then(() => {
      if (this.#turns.get(key) === mine) this.#turns.delete(key);
    });
    return mine;
  }

  async #letOneGo(): Promise<void> {
    // A full stretch waits for the next turn; the count's reset, set earlier, runs first in it.
    if (this.#letGo >= JOINERS_PER_TURN)
      await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.#letGo === 0) setImmediate(() => (this.#letGo = 0));
    this.#letGo += 1;
  }
}
