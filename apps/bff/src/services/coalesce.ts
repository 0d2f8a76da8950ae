// Identical reads that arrive together share one Zomro call: a team that opens the same instance
// at once, or a page that asks twice, costs Zomro one list. Keys always include the Zomro account,
// so that nothing is shared across accounts. Only plain reads join; the lists a change takes under
// the instance's lock never do (they must not predate the changes before them).

export class ReadCoalescer {
  readonly #pending = new Map<string, Promise<unknown>>();

  /**
   * `read()`, or the result of an identical read already on its way. A joiner whose leader failed
   * reads for itself: the failure may be the leader's own (another operator's expired session).
   */
  async run<T>(key: string, read: () => Promise<T>): Promise<T> {
    const pending = this.#pending.get(key) as Promise<T> | undefined;
    if (pending) {
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
      this.#pending.delete(key);
    }
  }
}
