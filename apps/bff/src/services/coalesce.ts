// Identical reads that arrive together share one Zomro call: a team that opens the same instance
// at once, or a page that asks twice, costs Zomro one list. Keys always include the Zomro account,
// so that nothing is shared across accounts. Only plain reads join; the lists a change takes under
// the instance's lock never do (they must not predate the changes before them).
//
// The joiners of a shared read are let go one per turn of the event loop. Resumed all at once, the
// answers to fifty joiners would be written in one stretch, during which no new request is read; a
// client answered first would then wait for the whole burst before its next read could even start
// (at 50 ms upstream and 50 clients that cost the BFF 4 ms at p50, docs/benchmarks.md).

export class ReadCoalescer {
  readonly #pending = new Map<string, Promise<unknown>>();
  /** Per key, the turn of the joiner let go last: the next one is let go on a later turn. */
  readonly #turns = new Map<string, Promise<void>>();

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
      this.#pending.delete(key);
    }
  }

  /** Resolves on a turn of the event loop after the one the previous joiner of `key` resumed on. */
  #turn(key: string): Promise<void> {
    const previous = this.#turns.get(key) ?? Promise.resolve();
    const mine = previous.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
    this.#turns.set(key, mine);
    void mine.then(() => {
      if (this.#turns.get(key) === mine) this.#turns.delete(key);
    });
    return mine;
  }
}
