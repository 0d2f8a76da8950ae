// Identical reads that arrive together share one Zomro call: a team that opens the same instance
// at once, or a page that asks twice, costs Zomro one list. Keys always include the Zomro account,
// so that nothing is shared across accounts. Only plain reads join; the lists a change takes under
// the instance's lock never do (they must not predate the changes before them), and once a change
// has ended, a read that arrives later never joins one that was on its way before it: each read
// notes the key's change count (shared in Redis by every process) before it starts, and a later
// read joins it only while the count is the same (`changed`; `forget` is this process's fast path).
import type { ChangeCounter } from '../stores/change-counter.js';

interface Pending {
  promise: Promise<unknown>;
  /** The key's change count when this read started. */
  generation: number;
}

export class ReadCoalescer {
  readonly #pending = new Map<string, Pending>();
  /** Absent in one process: `forget` alone keeps its reads right, with no wait before a read. */
  readonly #changes: ChangeCounter | undefined;
  /** Reads answered by joining one already on its way, since the start (tests, metrics). */
  joined = 0;

  constructor(changes?: ChangeCounter) {
    this.#changes = changes;
  }

  /**
   * `read()`, or the result of an identical read already on its way that started after the last
   * change of `key`. A joiner whose leader failed reads for itself: the failure may be the
   * leader's own (another operator's expired session).
   */
  async run<T>(key: string, read: () => Promise<T>): Promise<T> {
    // Noted before the read starts: whatever it reads is at least as new as this count.
    const generation = this.#changes ? await this.#changes.current(key) : 0;
    const pending = this.#pending.get(key);
    if (pending && pending.generation === generation) {
      this.joined += 1;
      try {
        return (await pending.promise) as T;
      } catch {
        return read();
      }
    }
    const started = read();
    const entry = { promise: started, generation };
    // An older read (or none) gives way; a newer one that slipped in meanwhile keeps the key.
    if (!pending || pending.generation <= generation) this.#pending.set(key, entry);
    try {
      return await started;
    } finally {
      // Unless a newer read has taken the key since.
      if (this.#pending.get(key) === entry) this.#pending.delete(key);
    }
  }

  /**
   * A change of `key` has ended: reads that arrive from now on, in any process, make their own
   * call. Those on their way keep their joiners.
   */
  async changed(key: string): Promise<void> {
    this.forget(key);
    await this.#changes?.bump(key);
  }

  /** Reads of `key` that arrive from now on in this process make their own call. */
  forget(key: string): void {
    this.#pending.delete(key);
  }
}
