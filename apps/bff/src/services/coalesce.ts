// Identical reads that arrive together share one Zomro call: a team that opens the same instance
// at once, or a page that asks twice, costs Zomro one list. Keys always include the Zomro account,
// so that nothing is shared across accounts. Only plain reads join; the lists a change takes under
// the instance's lock never do (they must not predate the changes before them), and once a change
// has ended, a read that arrives later never joins one that was on its way before it (`forget`).

export class ReadCoalescer {
  readonly #pending = new Map<string, Promise<unknown>>();
  /** Reads answered by joining one already on its way, since the start (tests, metrics). */
  joined = 0;

  /**
   * `read()`, or the result of an identical read already on its way. A joiner whose leader failed
   * reads for itself: the failure may be the leader's own (another operator's expired session).
   */
  async run<T>(key: string, read: () => Promise<T>): Promise<T> {
    const pending = this.#pending.get(key) as Promise<T> | undefined;
    if (pending) {
      this.joined += 1;
      try {
        return await pending;
      } catch {
        return read();
      }
    }
    const started = read();
    this.#pending.set(key, started);
    try {
      return await started;
    } finally {
      // Unless forget() has let a newer read take the key since.
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
}
