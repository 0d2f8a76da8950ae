// How many changes each read key has seen, so that a read which started before a change is never
// joined by one that arrives after it — across processes when the counter lives in Redis.

export interface ChangeCounter {
  /** The number of changes `key` has seen (0 when none). */
  current(key: string): Promise<number>;
  /** One more change of `key` has ended. */
  bump(key: string): Promise<void>;
}
